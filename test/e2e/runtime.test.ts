import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  MessageFlags,
  SlashCommandBuilder,
  type TextChannel,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineCustomId, idField } from '../../src/discord/custom-id';
import { componentHandler, type Command } from '../../src/discord/types';
import { commands as shippedCommands } from '../../commands';
import { startDiscordStandIn, type DiscordStandIn } from '../../src/stand-in';
import { removeTestDatabase, startTestBot, TEST_TOKEN, type TestBot } from '../support/test-bot';

const EPHEMERAL = MessageFlags.Ephemeral as number;

const boom = {
  data: new SlashCommandBuilder().setName('boom').setDescription('Always throws'),
  async execute() {
    throw new Error('kaboom from a test handler');
  },
} satisfies Command;

const slow = {
  data: new SlashCommandBuilder().setName('slow').setDescription('Answers after the acknowledgement window'),
  async execute(interaction) {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await interaction.reply({ content: 'too late', flags: MessageFlags.Ephemeral });
  },
} satisfies Command;

const ping = defineCustomId('test.ping', { n: idField.int() });
const pingHandler = componentHandler({
  customId: ping,
  async execute(interaction, data) {
    if (!interaction.isButton()) return;
    await interaction.reply({ content: `pong ${data.n}`, flags: MessageFlags.Ephemeral });
  },
});

describe('the bot against the local Discord stand-in', () => {
  let standIn: DiscordStandIn;
  let bot: TestBot | undefined;

  beforeEach(async () => {
    standIn = await startDiscordStandIn({ ackDeadlineMs: 250 });
  });
  afterEach(async () => {
    await bot?.stop();
    if (bot) removeTestDatabase(bot.databasePath);
    bot = undefined;
    await standIn.close();
  });

  /** A message with one button, as an older version of the bot (or another feature) might have left it. */
  const postButton = async (customId: string) => {
    const channel = (await bot!.client.channels.fetch(standIn.guild.textChannelId)) as TextChannel;
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId(customId).setLabel('A').setStyle(ButtonStyle.Primary),
    );
    return channel.send({ content: 'Pergunta antiga', components: [row] });
  };

  const start = async () => {
    bot = await startTestBot(standIn, {
      commands: [...shippedCommands, boom, slow],
      components: [pingHandler],
    });
    return bot;
  };

  it('/help answers privately in pt-BR, and in English for an English client', async () => {
    await start();
    const member = standIn.member();
    const pt = await standIn.runCommand({ member, name: 'help' }).callback();
    expect(pt.type).toBe(4);
    expect(pt.ephemeral).toBe(true);
    const ptEmbed = JSON.stringify(pt.data);
    expect(ptEmbed).toContain('Comandos');
    expect(ptEmbed).toContain('/ajuda');
    expect(ptEmbed).toContain('/baralho');

    const en = await standIn.runCommand({ member, name: 'help', locale: 'en-US' }).callback();
    const enEmbed = JSON.stringify(en.data);
    expect(enEmbed).toContain('Commands');
    expect(enEmbed).toContain('/help');
  });

  it("/deck shows the deck's figures", async () => {
    const { ctx } = await start();
    const reply = await standIn.runCommand({ member: standIn.member(), name: 'deck' }).callback();
    const text = JSON.stringify(reply.data);
    const exam = ctx.deck.deck.questions.filter((q) => q.tier === 'exam').length;
    expect(text).toContain(`**${exam}** itens no estilo do exame`);
    expect(text).toContain(`**${ctx.deck.deck.questions.length - exam}** perguntas de treino`);
    expect(text).toContain(ctx.deck.deck.notesSha256.slice(0, 16));
    for (const domain of ['Fundamentos de IA e ML', 'Diretrizes para IA responsável'])
      expect(text).toContain(domain);
    // The coverage of the guide, and what the group's notes do not cover, in Portuguese.
    expect(text).toContain('**69/69** objetivos com 3 itens ou mais');
    expect(text).toContain('O que as anotações não cobrem');
    expect(text).toContain('`2.1.6`');
  });

  it.each([
    ['unknown prefix', '1:nope:1'],
    ['malformed fields', '1:test.ping:abc'],
    ['no version', 'garbage'],
    ['old version', '0:test.ping:1'],
  ])('a button with a bad custom_id (%s) gets a clear private message', async (_label, customId) => {
    await start();
    const message = await postButton(customId);
    const reply = await standIn
      .clickButton({ member: standIn.member(), customId, messageId: message.id })
      .callback();
    expect(reply.ephemeral).toBe(true);
    expect((reply.data as { content: string }).content).toMatch(/botão/);
    expect(bot!.logs.lines.some((l) => l.msg === 'bad custom_id' && l.customId === customId)).toBe(true);
  });

  it('a good custom_id reaches its typed handler', async () => {
    await start();
    const message = await postButton(ping.encode({ n: 7 }));
    const reply = await standIn
      .clickButton({ member: standIn.member(), customId: ping.encode({ n: 7 }), messageId: message.id })
      .callback();
    expect((reply.data as { content: string }).content).toBe('pong 7');
  });

  it('a handler that throws gives the member an error message, logs the ids, and the bot stays up', async () => {
    await start();
    const member = standIn.member();
    const handle = standIn.runCommand({ member, name: 'boom' });
    const reply = await handle.callback();
    expect(reply.ephemeral).toBe(true);
    expect((reply.data as { content: string }).content).toMatch(/Algo deu errado/);
    const logged = bot!.logs.lines.find((l) => l.msg === 'interaction handler failed');
    expect(logged).toMatchObject({
      interactionId: handle.id,
      guildId: standIn.guild.id,
      userId: member.id,
      command: 'boom',
    });
    expect((await standIn.runCommand({ member, name: 'help' }).callback()).type).toBe(4);
  });

  it('an interaction acknowledged too late (10062) is logged and nothing crashes', async () => {
    await start();
    const member = standIn.member();
    const handle = standIn.runCommand({ member, name: 'slow' });
    const late = await standIn.waitForRequest((r) => r.path.includes(`/interactions/${handle.id}/`), {
      timeoutMs: 5000,
    });
    expect(late.status).toBe(404);
    await expect
      .poll(() => bot!.logs.lines.some((l) => l.msg === 'interaction expired or already acknowledged'))
      .toBe(true);
    expect((await standIn.runCommand({ member, name: 'help' }).callback()).type).toBe(4);
  });

  it('never writes the token to the logs', async () => {
    await start();
    await standIn.runCommand({ member: standIn.member(), name: 'boom' }).callback();
    expect(bot!.logs.text()).not.toContain(TEST_TOKEN);
    expect(bot!.logs.lines.some((l) => l.msg.startsWith('Logged in as '))).toBe(true);
  });

  it('keeps ephemeral flags on private replies', async () => {
    await start();
    const reply = await standIn.runCommand({ member: standIn.member(), name: 'deck' }).callback();
    expect(((reply.data as { flags?: number }).flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  });
});
