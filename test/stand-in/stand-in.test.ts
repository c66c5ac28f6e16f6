import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  DiscordAPIError,
  GatewayIntentBits,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  REST,
  Routes,
  SlashCommandBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import type { Interaction, TextChannel } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBareAckClient } from '../support/bare-client';
import { connectClient, nextInteraction } from '../support/connect-client';
import { startDiscordStandIn } from '../../src/stand-in';
import type { DiscordStandIn } from '../../src/stand-in';

// Every test drives a REAL discord.js Client against the stand-in, with real timers.

let standIn: DiscordStandIn;
let client: Client;
let clientErrors: Error[];

async function start(options?: Parameters<typeof startDiscordStandIn>[0]): Promise<void> {
  standIn = await startDiscordStandIn(options);
  ({ client, errors: clientErrors } = await connectClient(standIn));
}

afterEach(async () => {
  await client?.destroy();
  await standIn?.close();
});

function expectInteraction<T extends Interaction>(value: Interaction, guard: (i: Interaction) => i is T): T {
  expect(guard(value)).toBe(true);
  return value as T;
}

async function quizChannel(): Promise<TextChannel> {
  const id = standIn.guild.channels.find((c) => c.name === 'quiz')!.id;
  return (await client.channels.fetch(id)) as TextChannel;
}

/** The bot posts a message with one button and one select menu, as a quiz round would. */
async function postQuestion(): Promise<string> {
  const channel = await quizChannel();
  const message = await channel.send({
    content: 'Qual serviço?',
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('answer:a').setLabel('A').setStyle(ButtonStyle.Primary),
        new ButtonBuilder().setCustomId('answer:b').setLabel('B').setStyle(ButtonStyle.Secondary),
      ),
      new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
        new StringSelectMenuBuilder()
          .setCustomId('topic')
          .addOptions({ label: 'Bedrock', value: 'bedrock' }, { label: 'SageMaker', value: 'sagemaker' }),
      ),
    ],
  });
  return message.id;
}

async function apiError(promise: Promise<unknown>): Promise<DiscordAPIError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DiscordAPIError);
  return error as DiscordAPIError;
}

describe('gateway', () => {
  beforeEach(() => start());

  it('logs in with guilds, channels and the bot member cached', () => {
    const guild = client.guilds.cache.get(standIn.guild.id);
    expect(guild?.available).toBe(true);
    expect(guild?.name).toBe('Estudo AIF-C01');
    expect(guild?.channels.cache.map((c) => [c.name, c.type])).toEqual([
      ['geral', ChannelType.GuildText],
      ['quiz', ChannelType.GuildText],
      ['voz', ChannelType.GuildVoice],
    ]);
    expect(standIn.guild.voiceChannelId).toBe(guild?.channels.cache.find((c) => c.name === 'voz')?.id);
    expect(guild?.members.me?.id).toBe(standIn.botUser.id);
    expect(guild?.members.me?.permissions.has(PermissionFlagsBits.SendMessages)).toBe(true);
    expect(client.user?.id).toBe(standIn.botUser.id);
    expect(client.application?.id).toBe(standIn.applicationId);
    expect(standIn.identifiedTokens).toEqual([standIn.token]);
  });

  it('accepts a second session after the first client was destroyed', async () => {
    await client.destroy();
    ({ client } = await connectClient(standIn));
    expect(client.guilds.cache.get(standIn.guild.id)?.available).toBe(true);
    const pending = nextInteraction(client);
    standIn.runCommand({ member: standIn.member(), name: 'ping' });
    expect((await pending).isChatInputCommand()).toBe(true);
    expect(standIn.identifiedTokens).toHaveLength(2);
  });

  it('resumes after the sockets drop and keeps delivering interactions', async () => {
    standIn.disconnectClients();
    await standIn.waitForClientReady();
    expect(standIn.identifiedTokens).toHaveLength(1); // RESUME, not a fresh IDENTIFY
    const pending = nextInteraction(client);
    standIn.runCommand({ member: standIn.member(), name: 'ping' });
    expect((await pending).isChatInputCommand()).toBe(true);
  });

  it('waits for a fresh session when asked (a restarted bot)', async () => {
    const fresh = standIn.waitForClientReady({ fresh: true, timeoutMs: 10_000 });
    let settled = false;
    void fresh.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false); // the old session does not count
    const second = await connectClient(standIn);
    await fresh;
    await second.client.destroy();
  });

  it('closes an IDENTIFY asking for a privileged intent the app lacks (4014)', async () => {
    const greedy = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent],
      rest: { api: standIn.apiUrl },
    });
    await expect(greedy.login(standIn.token)).rejects.toThrow(/disallowed intents/);
    await greedy.destroy();
  });

  it('refuses to send an interaction when no client is ready', async () => {
    await client.destroy();
    expect(() => standIn.runCommand({ member: standIn.member(), name: 'ping' })).toThrow(/no client/);
  });
});

describe('custom guilds', () => {
  beforeEach(() =>
    start({
      guilds: [
        { id: '111111111111111111', name: 'A', channels: [{ id: '111111111111111112', name: 'a' }] },
        { name: 'B', channels: [{ name: 'b' }, { name: 'palco', type: ChannelType.GuildVoice }] },
      ],
    }),
  );

  it('serves every guild and routes interactions to the channel asked for', async () => {
    expect(client.guilds.cache.map((g) => g.name).sort()).toEqual(['A', 'B']);
    expect(standIn.guild).toMatchObject({ id: '111111111111111111', textChannelId: '111111111111111112' });
    expect(standIn.guild.voiceChannelId).toBeUndefined();
    const second = standIn.guilds[1]!;
    const pending = nextInteraction(client);
    standIn.runCommand({ member: standIn.member(), name: 'ping', channelId: second.textChannelId });
    const interaction = await pending;
    expect([interaction.guildId, interaction.channelId]).toEqual([second.id, second.textChannelId]);
    expect(client.guilds.cache.get(second.id)?.members.me).toBeTruthy();
  });
});

describe('slash commands', () => {
  beforeEach(() => start());

  it('delivers options, resolved users and locale; an ephemeral reply is recorded as such', async () => {
    const caller = standIn.member({ username: 'ana', locale: 'en-US' });
    const target = standIn.member({ username: 'bia' });
    const pending = nextInteraction(client);
    const handle = standIn.runCommand({
      member: caller,
      name: 'quiz',
      options: [
        {
          name: 'start',
          type: ApplicationCommandOptionType.Subcommand,
          options: [
            { name: 'questions', type: ApplicationCommandOptionType.Integer, value: 5 },
            { name: 'topic', type: ApplicationCommandOptionType.String, value: 'bedrock' },
            { name: 'rival', type: ApplicationCommandOptionType.User, value: target.id },
          ],
        },
      ],
    });
    const interaction = expectInteraction(await pending, (i) => i.isChatInputCommand());
    expect(interaction.commandName).toBe('quiz');
    expect(interaction.options.getSubcommand()).toBe('start');
    expect(interaction.options.getInteger('questions')).toBe(5);
    expect(interaction.options.getString('topic')).toBe('bedrock');
    expect(interaction.options.getUser('rival')?.username).toBe('bia');
    expect(interaction.options.getMember('rival')).toMatchObject({ id: target.id });
    expect(interaction.locale).toBe('en-US');
    expect(interaction.guildLocale).toBe('pt-BR');
    expect(interaction.user.id).toBe(caller.id);
    expect(interaction.channel?.id).toBe(standIn.guild.textChannelId);
    expect(interaction.memberPermissions?.has(PermissionFlagsBits.SendMessages)).toBe(true);
    expect(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)).toBe(false);

    await interaction.reply({ content: 'Só você vê isto', flags: MessageFlags.Ephemeral });
    const callback = await handle.callback();
    expect(callback).toMatchObject({ type: 4, status: 204, ephemeral: true });
    expect(callback.at - handle.dispatchedAt).toBeGreaterThanOrEqual(0);
    const original = await handle.original();
    expect(original).toMatchObject({ content: 'Só você vê isto', ephemeral: true, interactionId: handle.id });
    expect(standIn.channelMessages(standIn.guild.textChannelId)).toEqual([]);
  });

  it('gives a member with Manage Server that permission on the cached GuildMember too', async () => {
    const admin = standIn.member({
      permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages,
    });
    const pending = nextInteraction(client);
    standIn.runCommand({ member: admin, name: 'config' });
    const interaction = expectInteraction(await pending, (i) => i.isChatInputCommand());
    expect(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)).toBe(true);
    expect(
      interaction.inCachedGuild() && interaction.member.permissions.has(PermissionFlagsBits.ManageGuild),
    ).toBe(true);
  });

  it('deferReply + editReply fills the original; followUp adds a message', async () => {
    const pending = nextInteraction(client);
    const handle = standIn.runCommand({ member: standIn.member(), name: 'leaderboard' });
    const interaction = expectInteraction(await pending, (i) => i.isChatInputCommand());
    await interaction.deferReply();
    expect(await handle.callback()).toMatchObject({ type: 5, ephemeral: false });
    await interaction.editReply({ content: 'Ranking da semana' });
    const original = await handle.original();
    expect(original.content).toBe('Ranking da semana');
    expect(original.edits).toHaveLength(1);
    expect((await interaction.fetchReply()).content).toBe('Ranking da semana');

    const followUp = await interaction.followUp({
      content: 'Sua posição: 12º',
      flags: MessageFlags.Ephemeral,
    });
    expect(followUp.content).toBe('Sua posição: 12º');
    expect(handle.followUps.map((m) => [m.content, m.ephemeral])).toEqual([['Sua posição: 12º', true]]);
    expect(standIn.channelMessages(standIn.guild.textChannelId).map((m) => m.content)).toEqual([
      'Ranking da semana',
    ]);
  });

  it('reply with withResponse returns the message', async () => {
    const pending = nextInteraction(client);
    const handle = standIn.runCommand({ member: standIn.member(), name: 'service' });
    const interaction = expectInteraction(await pending, (i) => i.isChatInputCommand());
    const response = await interaction.reply({ content: 'Amazon Bedrock', withResponse: true });
    expect(response.resource?.message?.content).toBe('Amazon Bedrock');
    expect(response.resource?.message?.id).toBe((await handle.original()).id);
    expect((await handle.callback()).status).toBe(200);
  });

  it('rejects a second callback with 40060', async () => {
    const pending = nextInteraction(client);
    const handle = standIn.runCommand({ member: standIn.member(), name: 'stats' });
    const interaction = expectInteraction(await pending, (i) => i.isChatInputCommand());
    await interaction.reply({ content: 'primeira' });
    // discord.js itself refuses a second reply on the same object; a second process would not know.
    const error = await apiError(
      client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
        body: { type: 4, data: { content: 'segunda' } },
        auth: false,
      }),
    );
    expect(error.code).toBe(40060);
    expect((await handle.callback()).status).toBe(204);
  });

  it('plays Discord limits: content over 2000 characters is a 50035', async () => {
    const pending = nextInteraction(client);
    standIn.runCommand({ member: standIn.member(), name: 'stats' });
    const interaction = expectInteraction(await pending, (i) => i.isChatInputCommand());
    const error = await apiError(interaction.reply({ content: 'x'.repeat(2001) }));
    expect(error.code).toBe(50035);
    expect(error.message).toMatch(/content/);
  });

  it('stores registered commands and uses their ids', async () => {
    const rest = new REST({ api: standIn.apiUrl }).setToken(standIn.token);
    const quiz = new SlashCommandBuilder()
      .setName('quiz')
      .setDescription('Start a round')
      .setNameLocalization('pt-BR', 'quiz')
      .toJSON();
    const stored = (await rest.put(Routes.applicationGuildCommands(standIn.applicationId, standIn.guild.id), {
      body: [quiz],
    })) as Array<{ id: string; name: string }>;
    expect(stored.map((c) => c.name)).toEqual(['quiz']);
    expect(standIn.registeredCommands.get(standIn.guild.id)).toEqual(stored);

    const pending = nextInteraction(client);
    standIn.runCommand({ member: standIn.member(), name: 'quiz' });
    expect(expectInteraction(await pending, (i) => i.isChatInputCommand()).commandId).toBe(stored[0]?.id);

    const bad = await apiError(
      rest.put(Routes.applicationCommands(standIn.applicationId), {
        body: [{ name: 'Quiz', description: '' }],
      }),
    );
    expect(bad.code).toBe(50035);
  });

  it('answers autocomplete', async () => {
    const pending = nextInteraction(client);
    const handle = standIn.autocomplete({
      member: standIn.member(),
      name: 'service',
      options: [{ name: 'name', type: ApplicationCommandOptionType.String, value: 'bed', focused: true }],
    });
    const interaction = expectInteraction(await pending, (i) => i.isAutocomplete());
    expect(interaction.options.getFocused()).toBe('bed');
    await interaction.respond([{ name: 'Amazon Bedrock', value: 'bedrock' }]);
    expect(await handle.callback()).toMatchObject({
      type: 8,
      data: { choices: [{ name: 'Amazon Bedrock', value: 'bedrock' }] },
    });
  });
});

describe('components and modals', () => {
  beforeEach(() => start());

  it('delivers a button click with its message; update() edits that message', async () => {
    const messageId = await postQuestion();
    const pending = nextInteraction(client);
    const handle = standIn.clickButton({ member: standIn.member(), customId: 'answer:b', messageId });
    const interaction = expectInteraction(await pending, (i) => i.isButton());
    expect(interaction.customId).toBe('answer:b');
    expect(interaction.message.id).toBe(messageId);
    expect(interaction.message.content).toBe('Qual serviço?');

    await interaction.update({ content: 'Encerrada', components: [] });
    expect(await handle.callback()).toMatchObject({ type: 7, status: 204 });
    const message = standIn.messages.get(messageId)!;
    expect(message.content).toBe('Encerrada');
    expect(message.components).toEqual([]);
    expect(message.edits).toHaveLength(1);
    expect((await handle.original()).id).toBe(messageId);
  });

  it('refuses clicks on buttons that are not there', async () => {
    const messageId = await postQuestion();
    expect(() => standIn.clickButton({ member: standIn.member(), customId: 'nope', messageId })).toThrow(
      /custom_id/,
    );
  });

  it('delivers select menu values', async () => {
    const messageId = await postQuestion();
    const pending = nextInteraction(client);
    const handle = standIn.selectMenu({
      member: standIn.member(),
      customId: 'topic',
      values: ['sagemaker'],
      messageId,
    });
    const interaction = expectInteraction(await pending, (i) => i.isStringSelectMenu());
    expect(interaction.values).toEqual(['sagemaker']);
    await interaction.deferUpdate();
    expect(await handle.callback()).toMatchObject({ type: 6 });
  });

  it('shows a modal and delivers its submitted fields', async () => {
    const messageId = await postQuestion();
    const clicked = nextInteraction(client);
    standIn.clickButton({ member: standIn.member(), customId: 'answer:a', messageId });
    const button = expectInteraction(await clicked, (i) => i.isButton());
    await button.showModal(
      new ModalBuilder()
        .setCustomId('feedback')
        .setTitle('Feedback')
        .addComponents(
          new ActionRowBuilder<TextInputBuilder>().addComponents(
            new TextInputBuilder().setCustomId('text').setLabel('Texto').setStyle(TextInputStyle.Short),
          ),
        ),
    );
    const submitted = nextInteraction(client);
    const handle = standIn.submitModal({
      member: standIn.member(),
      customId: 'feedback',
      fields: { text: 'ótimo' },
    });
    const modal = expectInteraction(await submitted, (i) => i.isModalSubmit());
    expect(modal.fields.getTextInputValue('text')).toBe('ótimo');
    expect(modal.message?.id).toBe(messageId);
    await modal.reply({ content: 'Obrigado', flags: MessageFlags.Ephemeral });
    expect((await handle.callback()).ephemeral).toBe(true);
  });
});

describe('ack deadline', () => {
  beforeEach(() => start({ ackDeadlineMs: 200 }));

  it('answers a late first reply with 10062 Unknown interaction', async () => {
    const pending = nextInteraction(client);
    const handle = standIn.clickButton({
      member: standIn.member(),
      customId: 'answer:a',
      messageId: await postQuestion(),
    });
    const interaction = expectInteraction(await pending, (i) => i.isButton());
    await new Promise((resolve) => setTimeout(resolve, 300));
    const error = await apiError(interaction.reply({ content: 'tarde demais' }));
    expect(error.code).toBe(10062);
    expect((await handle.callback()).status).toBe(404);
  });
});

describe('channel messages', () => {
  beforeEach(() => start());

  it('records channel.send and message.edit with edit history', async () => {
    const channel = await quizChannel();
    const sent = await channel.send({ content: 'Pergunta do dia' });
    await sent.edit({ content: 'Pergunta do dia (encerrada)' });
    const stored = standIn.messages.get(sent.id)!;
    expect(stored.content).toBe('Pergunta do dia (encerrada)');
    expect(stored.edits.map((e) => e.body)).toEqual([
      expect.objectContaining({ content: 'Pergunta do dia (encerrada)' }),
    ]);
    expect(standIn.channelMessages(channel.id).map((m) => m.id)).toEqual([sent.id]);
    expect(stored.raw()).toMatchObject({ id: sent.id, channel_id: channel.id, type: 0, pinned: false });
    const request = await standIn.waitForRequest((r) => r.method === 'PATCH' && r.path.endsWith(sent.id));
    expect(request.status).toBe(200);
  });

  it('turns a simulated channel error into a DiscordAPIError', async () => {
    const channel = await quizChannel();
    standIn.setChannelError(channel.id, { status: 403, code: 50013, message: 'Missing Permissions' });
    expect((await apiError(channel.send('oi'))).code).toBe(50013);
    standIn.setChannelError(channel.id, null);
    await expect(channel.send('oi')).resolves.toBeDefined();
  });

  it('deletes a channel: the client hears of it and sends fail with 10003', async () => {
    const channel = await quizChannel();
    standIn.deleteChannel(channel.id);
    await expect.poll(() => client.channels.cache.has(channel.id)).toBe(false);
    expect((await apiError(channel.send('oi'))).code).toBe(10003);
  });

  it('answers unknown routes with 404 and records them', async () => {
    const error = await apiError(client.rest.get('/nothing/here'));
    expect(error.status).toBe(404);
    expect(standIn.requests.at(-1)).toMatchObject({ method: 'GET', path: '/nothing/here', status: 404 });
  });

  it('waits for a message created later', async () => {
    const waiting = standIn.waitForMessage((m) => m.content === 'depois');
    await (await quizChannel()).send('depois');
    expect((await waiting).content).toBe('depois');
    expect(clientErrors).toEqual([]);
  });
});

describe('bare ack client', () => {
  it('acknowledges every button with deferUpdate', async () => {
    standIn = await startDiscordStandIn();
    const bare = await startBareAckClient(standIn);
    client = bare.client;
    const handle = standIn.clickButton({
      member: standIn.member(),
      customId: 'answer:a',
      messageId: await postQuestion(),
    });
    const callback = await handle.callback();
    expect(callback).toMatchObject({ type: 6, status: 204 });
    await bare.stop();
  });
});

describe('message listeners (the sandbox page follows the channel through them)', () => {
  beforeEach(() => start());

  it('reports creates, edits and deletes, and whom an ephemeral reply is for', async () => {
    const seen: Array<{ id: string; content: string; deleted: boolean }> = [];
    const unsubscribe = standIn.onMessageChange((m) =>
      seen.push({ id: m.id, content: m.content, deleted: m.deleted }),
    );
    const channel = await quizChannel();
    const posted = await channel.send({ content: 'um' });
    await posted.edit({ content: 'dois' });
    await posted.delete();
    expect(seen).toEqual([
      { id: posted.id, content: 'um', deleted: false },
      { id: posted.id, content: 'dois', deleted: false },
      { id: posted.id, content: 'dois', deleted: true },
    ]);
    expect(standIn.messageRecipient(standIn.messages.get(posted.id)!)).toBeUndefined();

    const ana = standIn.member({ username: 'ana' });
    const run = standIn.runCommand({ member: ana, name: 'ping' });
    const interaction = await nextInteraction(client);
    if (!interaction.isChatInputCommand()) throw new Error('expected a command');
    await interaction.reply({ content: 'só para ana', flags: MessageFlags.Ephemeral });
    const reply = await run.original();
    expect(reply.ephemeral).toBe(true);
    expect(standIn.messageRecipient(reply)).toBe(ana.id);

    unsubscribe();
    const count = seen.length;
    await channel.send({ content: 'três' });
    expect(seen.length).toBe(count);
  });
});
