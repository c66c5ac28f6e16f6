import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  ContainerBuilder,
  DiscordAPIError,
  EmbedBuilder,
  MessageFlags,
  Routes,
  TextDisplayBuilder,
} from 'discord.js';
import type { Client, Interaction, TextChannel } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectClient, nextInteraction } from '../support/connect-client';
import { startDiscordStandIn } from '../../src/stand-in';
import type { DiscordStandIn } from '../../src/stand-in';

// Discord's rules that the stand-in plays beyond the happy path, each checked through a real client.

let standIn: DiscordStandIn;
let client: Client;

beforeEach(async () => {
  standIn = await startDiscordStandIn();
  ({ client } = await connectClient(standIn));
});

afterEach(async () => {
  await client.destroy();
  await standIn.close();
});

async function textChannel(): Promise<TextChannel> {
  return (await client.channels.fetch(standIn.guild.textChannelId)) as TextChannel;
}

async function apiErrorCode(promise: Promise<unknown>): Promise<number | string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DiscordAPIError);
  return (error as DiscordAPIError).code;
}

async function command(): Promise<{
  interaction: Interaction;
  handle: ReturnType<DiscordStandIn['runCommand']>;
}> {
  const pending = nextInteraction(client);
  const handle = standIn.runCommand({ member: standIn.member(), name: 'quiz' });
  return { interaction: await pending, handle };
}

async function click(): Promise<{
  interaction: Interaction;
  handle: ReturnType<DiscordStandIn['clickButton']>;
}> {
  const channel = await textChannel();
  const message = await channel.send({
    content: 'Pergunta',
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('a').setLabel('A').setStyle(ButtonStyle.Primary),
      ),
    ],
  });
  const pending = nextInteraction(client);
  const handle = standIn.clickButton({ member: standIn.member(), customId: 'a', messageId: message.id });
  return { interaction: await pending, handle };
}

describe('interaction responses', () => {
  it('after deferReply, the first followUp fills in the "thinking" message', async () => {
    const { interaction, handle } = await command();
    if (!interaction.isChatInputCommand()) throw new Error('expected a command');
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const first = await interaction.followUp({ content: 'resultado' });
    const original = await handle.original();
    expect(first.id).toBe(original.id);
    expect(original).toMatchObject({ content: 'resultado', ephemeral: true });
    const second = await interaction.followUp({ content: 'mais' });
    expect(second.id).not.toBe(original.id);
    expect(handle.followUps.map((m) => m.content)).toEqual(['mais']);
  });

  it('deferUpdate + editReply edits the message the button is on', async () => {
    const { interaction, handle } = await click();
    if (!interaction.isButton()) throw new Error('expected a button');
    await interaction.deferUpdate();
    await interaction.editReply({ content: 'Resultado', components: [] });
    const original = await handle.original();
    expect(original.id).toBe(interaction.message.id);
    expect(original.content).toBe('Resultado');
  });

  it('webhook routes need an acknowledged interaction (10015), and @original a response (10008)', async () => {
    const { interaction } = await command();
    if (!interaction.isChatInputCommand()) throw new Error('expected a command');
    const edit = client.rest.patch(
      Routes.webhookMessage(standIn.applicationId, interaction.token, '@original'),
      {
        body: { content: 'x' },
        auth: false,
      },
    );
    expect(await apiErrorCode(edit)).toBe(10015);
  });

  it('a command cannot be answered with update (type 7)', async () => {
    const { interaction, handle } = await command();
    const code = await apiErrorCode(
      client.rest.post(Routes.interactionCallback(interaction.id, handle.token), {
        body: { type: 7, data: { content: 'x' } },
        auth: false,
      }),
    );
    expect(code).toBe(50035);
  });

  it('deleteReply marks the original deleted', async () => {
    const { interaction, handle } = await command();
    if (!interaction.isChatInputCommand()) throw new Error('expected a command');
    await interaction.reply('tchau');
    await interaction.deleteReply();
    expect((await handle.original()).deleted).toBe(true);
  });
});

describe('message limits', () => {
  it('refuses an empty message with 50006', async () => {
    const channel = await textChannel();
    expect(await apiErrorCode(channel.send({ content: '   ' }))).toBe(50006);
  });

  it('refuses embeds over 6000 characters in total', async () => {
    const channel = await textChannel();
    const embeds = [1, 2].map(() => new EmbedBuilder().setDescription('x'.repeat(3500)));
    expect(await apiErrorCode(channel.send({ embeds }))).toBe(50035);
  });

  it('refuses duplicate custom_ids in one message', async () => {
    const channel = await textChannel();
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('same').setLabel('1').setStyle(ButtonStyle.Primary),
      new ButtonBuilder().setCustomId('same').setLabel('2').setStyle(ButtonStyle.Primary),
    );
    expect(await apiErrorCode(channel.send({ components: [row] }))).toBe(50035);
  });

  it('accepts Components v2 and refuses content next to it', async () => {
    const channel = await textChannel();
    const container = new ContainerBuilder().addTextDisplayComponents(
      new TextDisplayBuilder().setContent('Card'),
    );
    const sent = await channel.send({ components: [container], flags: MessageFlags.IsComponentsV2 });
    expect(standIn.messages.get(sent.id)?.flags).toBe(MessageFlags.IsComponentsV2);
    const code = await apiErrorCode(
      channel.send({ content: 'no', components: [container], flags: MessageFlags.IsComponentsV2 }),
    );
    expect(code).toBe(50035);
  });

  it('parses multipart bodies with files', async () => {
    const channel = await textChannel();
    const sent = await channel.send({
      content: 'anexo',
      files: [new AttachmentBuilder(Buffer.from('a,b\n1,2\n'), { name: 'stats.csv' })],
    });
    expect(sent.attachments.first()?.name).toBe('stats.csv');
    expect(standIn.requests.at(-1)?.body).toMatchObject({ content: 'anexo' });
  });
});

describe('messages the channel API cannot see', () => {
  it('an ephemeral reply is 10008 on the channel route', async () => {
    const { interaction, handle } = await command();
    if (!interaction.isChatInputCommand()) throw new Error('expected a command');
    await interaction.reply({ content: 'segredo', flags: MessageFlags.Ephemeral });
    const original = await handle.original();
    const code = await apiErrorCode(client.rest.get(Routes.channelMessage(original.channel_id, original.id)));
    expect(code).toBe(10008);
  });
});
