import {
  ButtonStyle,
  ComponentType,
  LimitedCollection,
  Options,
  PermissionFlagsBits,
  Routes,
  type APIMessage,
  type TextChannel,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordStandIn, type DiscordStandIn } from '../../src/stand-in';
import { removeTestDatabase, startTestBot, type TestBot } from '../support/test-bot';

/** The bot's bounded discord.js caches, on a real client logged in to the stand-in. */
describe('bot client options', () => {
  let standIn: DiscordStandIn | undefined;
  let bot: TestBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    if (bot) removeTestDatabase(bot.databasePath);
    await standIn?.close();
    bot = undefined;
  });

  /** A /help from one member and a click from another on a message carrying a button. */
  async function interact(running: TestBot, channelId: string): Promise<void> {
    await standIn!.runCommand({ member: standIn!.member(), name: 'help' }).callback();
    const message = (await running.client.rest.post(Routes.channelMessages(channelId), {
      body: {
        content: 'botão',
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.Button,
                style: ButtonStyle.Primary,
                label: 'A',
                custom_id: 'nobody:owns',
              },
            ],
          },
        ],
      },
    })) as APIMessage;
    await standIn!
      .clickButton({ member: standIn!.member(), customId: 'nobody:owns', messageId: message.id })
      .callback();
  }

  async function start(clientOptions = {}) {
    standIn = await startDiscordStandIn({
      guilds: [
        {
          name: 'Grupo de estudo',
          channels: [{ name: 'geral' }, { name: 'avisos', denyBot: PermissionFlagsBits.SendMessages }],
        },
      ],
    });
    bot = await startTestBot(standIn, { features: [], clientOptions });
    const guild = bot.client.guilds.cache.get(standIn.guild.id)!;
    const [open, closed] = standIn.guild.channels.map((c) => guild.channels.cache.get(c.id) as TextChannel);
    return { guild, open: open!, closed: closed! };
  }

  it('keeps no messages, no other users or members, and still resolves its own channel permissions', async () => {
    const { guild, open, closed } = await start();
    await interact(bot!, open.id);

    expect(open.messages.cache).toBeInstanceOf(LimitedCollection);
    expect((open.messages.cache as LimitedCollection<string, unknown>).maxSize).toBe(0);
    expect(open.messages.cache.size).toBe(0);
    expect([...bot!.client.users.cache.keys()]).toEqual([bot!.client.user!.id]);
    expect([...guild.members.cache.keys()]).toEqual([bot!.client.user!.id]);

    const me = guild.members.me!;
    expect(me).not.toBeNull();
    expect(open.permissionsFor(me)?.has(PermissionFlagsBits.SendMessages)).toBe(true);
    expect(closed.permissionsFor(me)?.has(PermissionFlagsBits.SendMessages)).toBe(false);
    expect(me.permissionsIn(closed.id).has(PermissionFlagsBits.ViewChannel)).toBe(true);
    expect(guild.roles.cache.size).toBeGreaterThan(1);
  });

  it("with discord.js's default caches the same interactions are kept (what the limits save)", async () => {
    const { guild, open } = await start({
      makeCache: Options.cacheWithLimits(Options.DefaultMakeCacheSettings),
    });
    await interact(bot!, open.id);

    expect(open.messages.cache.size).toBe(1);
    expect(bot!.client.users.cache.size).toBe(3);
    expect(guild.members.cache.size).toBe(3);
  });
});
