import type { ChatInputCommandInteraction } from 'discord.js';
import { describe, expect, it, vi } from 'vitest';
import { leaderboardCommand } from '../../commands/leaderboard';
import { statsCommand } from '../../commands/stats';
import type { InteractionContext } from '../../src/app/context';

/** A slash command used in a DM: only what the guild check touches. */
function dmInteraction() {
  const reply = vi.fn(async () => undefined);
  const interaction = { inGuild: () => false, deferred: false, replied: false, reply };
  return { interaction: interaction as unknown as ChatInputCommandInteraction, reply };
}

describe('server-only commands in a DM', () => {
  it.each([
    [
      'leaderboard',
      leaderboardCommand,
      'O ranking é de cada servidor: use este comando dentro de um servidor.',
    ],
    ['stats', statsCommand, 'As estatísticas são de cada servidor: use este comando dentro de um servidor.'],
  ])('/%s explains that it works inside a server', async (_name, command, message) => {
    const { interaction, reply } = dmInteraction();
    await command.execute(interaction, { locale: 'pt-BR' } as InteractionContext);
    expect(reply).toHaveBeenCalledWith({ content: message, flags: 64 });
  });

  it('both are registered for servers only', () => {
    expect(leaderboardCommand.data.toJSON().contexts).toEqual([0]);
    expect(statsCommand.data.toJSON().contexts).toEqual([0]);
  });
});
