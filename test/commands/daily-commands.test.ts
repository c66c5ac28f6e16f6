import { ChannelType, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { configCommand } from '../../commands/config';
import { serviceCommand } from '../../commands/service';
import { checkCommands } from '../../src/stand-in/rest/command-rules';

describe('/config and /service definitions', () => {
  it('pass Discord registration rules', () => {
    expect(checkCommands([configCommand.data.toJSON(), serviceCommand.data.toJSON()])).toBeNull();
  });

  it('/config needs Manage Server, works in servers only, and offers text channels only', () => {
    const json = configCommand.data.toJSON();
    expect(json.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(json.contexts).toEqual([0]);
    const channel = json.options?.find((o) => o.name === 'channel') as {
      options?: { channel_types?: number[] }[];
    };
    expect(channel.options?.[0]?.channel_types).toEqual([
      ChannelType.GuildText,
      ChannelType.GuildAnnouncement,
    ]);
    expect(json.options?.map((o) => o.name)).toEqual(['channel', 'time', 'timezone', 'posts', 'show']);
  });

  it('/service is "servico" in pt-BR with an autocompleted name', () => {
    const json = serviceCommand.data.toJSON();
    expect(json.name_localizations?.['pt-BR']).toBe('servico');
    expect(json.options?.[0]).toMatchObject({ name: 'name', autocomplete: true, required: true });
  });
});
