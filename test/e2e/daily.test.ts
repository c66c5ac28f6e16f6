import { PermissionFlagsBits } from 'discord.js';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerInPanel } from '../../src/stand-in/answer-panel';
import { runDailyTick } from '../../src/daily/daily-tick';
import { discordSender } from '../../src/daily/sender';
import { answers, dailyPosts, guilds } from '../../src/db/schema';
import { smallDeck } from '../support/daily-fixtures';
import {
  DEFAULT_MEMBER_PERMISSIONS,
  startDiscordStandIn,
  type CommandOption,
  type DiscordStandIn,
  type StandInMember,
  type StoredMessage,
} from '../../src/stand-in';
import { removeTestDatabase, startTestBot, type TestBot } from '../support/test-bot';

const DAY = 86_400_000;
const SUBCOMMAND = 1;
const STRING = 3;
const CHANNEL = 7;

interface Component {
  type: number;
  custom_id?: string;
  label?: string;
  disabled?: boolean;
  min_values?: number;
  options?: { value: string }[];
  components?: Component[];
}

function buttons(message: StoredMessage): Component[] {
  return (message.components as Component[]).flatMap((row) => row.components ?? []);
}

/** Uses the message's first control like a member would: a click, or a pick of the first options. */
function useFirstControl(standIn: DiscordStandIn, member: StandInMember, message: StoredMessage) {
  const first = buttons(message)[0]!;
  return first.type === 2
    ? standIn.clickButton({ member, customId: first.custom_id!, messageId: message.id })
    : standIn.selectMenu({
        member,
        customId: first.custom_id!,
        messageId: message.id,
        values: (first.options ?? []).slice(0, first.min_values ?? 1).map((o) => o.value),
      });
}

function contentOf(record: { data: unknown }): string {
  return (record.data as { content?: string }).content ?? '';
}

describe('daily posts, /config and /service end to end', () => {
  let standIn: DiscordStandIn;
  let bot: TestBot;
  let clock: number;
  const deck = smallDeck();

  beforeEach(async () => {
    standIn = await startDiscordStandIn();
    clock = Date.parse('2026-11-27T08:00:00Z');
    // The cron feature is left out: the test drives the tick with its own clock.
    bot = await startTestBot(standIn, { deck, features: [], now: () => clock });
  });
  afterEach(async () => {
    await bot.stop();
    removeTestDatabase(bot.databasePath);
    await standIn.close();
  });

  const admin = () =>
    standIn.member({ permissions: DEFAULT_MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild });
  /** The reply to a /config command; a deferred one (time-zone change) is read from its edited original. */
  const config = async (
    member: ReturnType<DiscordStandIn['member']>,
    sub: string,
    options: CommandOption[] = [],
  ) => {
    const handle = standIn.runCommand({
      member,
      name: 'config',
      options: [{ name: sub, type: SUBCOMMAND, options }],
    });
    const first = await handle.callback();
    if (first.type !== 5) return first;
    return { ...first, data: { content: (await handle.original()).content } };
  };
  const settings = () => bot.ctx.db.select().from(guilds).where(eq(guilds.id, standIn.guild.id)).get();
  const tick = () => runDailyTick({ ...bot.ctx, sender: discordSender(bot.client) }, clock);
  const channelId = () => standIn.guild.textChannelId;

  async function configure(): Promise<void> {
    const boss = admin();
    const set = await config(boss, 'channel', [{ name: 'channel', type: CHANNEL, value: channelId() }]);
    expect(set.ephemeral).toBe(true);
    expect(contentOf(set)).toContain(`<#${channelId()}>`);
    expect(contentOf(set)).not.toContain('⚠️'); // the bot can post there
    expect(contentOf(await config(boss, 'time', [{ name: 'time', type: STRING, value: '9:00' }]))).toContain(
      '09:00',
    );
    const zone = await config(boss, 'timezone', [{ name: 'zone', type: STRING, value: 'europe/lisbon' }]);
    expect(zone.type).toBe(5); // deferred: the standings rebuild runs after Discord is answered
    expect(zone.ephemeral).toBe(true);
    expect(contentOf(zone)).toContain('Europe/Lisbon');
    expect(settings()).toMatchObject({
      dailyChannelId: channelId(),
      dailyTime: '09:00',
      timezone: 'Europe/Lisbon',
    });
  }

  it('posts the card and the question, takes an answer, and closes it with the result the next day', async () => {
    await configure();
    await tick(); // 08:00 in Lisbon: not yet
    expect(standIn.channelMessages(channelId())).toHaveLength(0);

    clock = Date.parse('2026-11-27T09:00:00Z');
    const first = await tick();
    expect(first.posted.map((p) => p.kind)).toEqual(['service', 'question']);
    const [card, question] = standIn.channelMessages(channelId());
    expect(JSON.stringify(card?.embeds)).toContain('Serviço do dia');
    expect(buttons(card!).map((b) => b.label)).toEqual(['Teste-me']);
    expect(question?.content).toContain('Pergunta do dia — 27/11/2026');

    // A member answers: private acknowledgement; a second click does not count.
    const member = standIn.member({ locale: 'pt-BR' });
    const post = bot.ctx.db.select().from(dailyPosts).where(eq(dailyPosts.kind, 'question')).get()!;
    const q = deck.questionById.get(post.subject)!;
    const answer = (customId: string, values?: string[]) =>
      values
        ? standIn.selectMenu({ member, customId, values, messageId: question!.id }).callback()
        : standIn.clickButton({ member, customId, messageId: question!.id }).callback();
    const controls = buttons(question!);
    const rightAnswer = () =>
      q.type === 'multi'
        ? answer(controls[0]!.custom_id!, q.answers.map(String))
        : q.type === 'order' || q.type === 'match'
          ? answerInPanel(
              standIn,
              member,
              q,
              { customId: controls[0]!.custom_id!, messageId: question!.id },
              q.answers,
            ).then((h) => h.callback())
          : answer(controls[q.answers[0]!]!.custom_id!);
    const ack = await rightAnswer();
    expect(ack.ephemeral).toBe(true);
    expect(contentOf(ack)).toContain('Resposta registrada');
    expect(contentOf(ack)).toContain('1000');
    expect(contentOf(await rightAnswer())).toContain('já respondeu');
    expect(bot.ctx.db.select().from(answers).all()).toMatchObject([
      { kind: 'daily', points: 1000, correct: true },
    ]);

    // "Teste-me": a private question about the service, answered privately, counted as practice.
    const testMe = standIn.clickButton({
      member,
      customId: buttons(card!)[0]!.custom_id!,
      messageId: card!.id,
    });
    const practiceShown = await testMe.callback();
    expect(practiceShown.ephemeral).toBe(true);
    expect(contentOf(practiceShown)).toContain('Teste-me');
    const practiceMessage = await testMe.original();
    const practiceClick = useFirstControl(standIn, member, practiceMessage);
    const verdict = await practiceClick.callback();
    expect(verdict.type).toBe(7);
    expect(contentOf(verdict)).toMatch(/Certo|Errado/);
    expect(bot.ctx.db.select().from(answers).where(eq(answers.kind, 'practice')).all()).toHaveLength(1);

    // Next day: yesterday's question is edited with its result and closed.
    clock += DAY;
    const second = await tick();
    expect(second.closed).toEqual([post.id]);
    const edited = standIn.messages.get(question!.id)!;
    expect(edited.edits).toHaveLength(1);
    expect(edited.content).toContain('Resultado da pergunta do dia — 27/11/2026');
    expect(edited.content).toContain('Acertaram: **1** de **1** (100%)');
    expect((edited.embeds[0] as { description: string }).description.startsWith(q.explanation)).toBe(true);
    expect(buttons(edited).every((b) => b.disabled)).toBe(true);
    expect(standIn.channelMessages(channelId())).toHaveLength(4);
    // Members cannot click the closed question's controls any more.
    expect(() => useFirstControl(standIn, member, edited)).toThrow(/disabled/);
  });

  it('a refused channel is recorded for /config show and retried after the settings change', async () => {
    await configure();
    standIn.setChannelError(channelId(), { status: 403, code: 50013 });
    clock = Date.parse('2026-11-27T09:00:00Z');
    const refused = await tick();
    expect(refused.failed).toHaveLength(1);
    await tick(); // next minute: left alone, no new attempt
    const posts = standIn.requests.filter(
      (r) => r.method === 'POST' && r.path === `/channels/${channelId()}/messages`,
    );
    expect(posts).toHaveLength(1);

    const shown = await config(admin(), 'show');
    const shownText = JSON.stringify(shown.data);
    expect(shownText).toContain('50013');
    expect(shownText).toContain('Último erro');
    expect(shownText).toContain('não tem permissão para postar');
    const english = await standIn
      .runCommand({
        member: admin(),
        locale: 'en-US',
        name: 'config',
        options: [{ name: 'show', type: SUBCOMMAND }],
      })
      .callback();
    expect(JSON.stringify(english.data)).toContain('lacks permission to post');

    standIn.setChannelError(channelId(), null);
    const other = standIn.guild.channels.find((c) => c.type === 0 && c.id !== channelId())!;
    await config(admin(), 'channel', [{ name: 'channel', type: CHANNEL, value: other.id }]);
    expect(settings()?.lastDailyError).toBeNull();
    clock += 60_000;
    const retried = await tick();
    expect(retried.posted).toHaveLength(2);
    expect(standIn.channelMessages(other.id)).toHaveLength(2);
    expect(JSON.stringify((await config(admin(), 'show')).data)).not.toContain('50013');
  });

  it('bad /config input gets a clear message and changes nothing', async () => {
    await configure();
    const before = settings();
    const boss = admin();
    expect(contentOf(await config(boss, 'time', [{ name: 'time', type: STRING, value: '25:00' }]))).toContain(
      '25:00',
    );
    expect(
      contentOf(await config(boss, 'timezone', [{ name: 'zone', type: STRING, value: 'Mars/Olympus' }])),
    ).toContain('Mars/Olympus');
    const voice = await config(boss, 'channel', [
      { name: 'channel', type: CHANNEL, value: standIn.guild.voiceChannelId! },
    ]);
    expect(voice.ephemeral).toBe(true);
    expect(contentOf(voice)).toContain('não é um canal de texto');
    expect(contentOf(await config(boss, 'posts'))).toContain('servico_do_dia');
    const intruder = await config(standIn.member(), 'time', [{ name: 'time', type: STRING, value: '10:00' }]);
    expect(contentOf(intruder)).toContain('Gerenciar servidor');
    expect(settings()).toEqual(before);
  });

  it('/service shows the card by alias, suggests on a typo, and autocompletes', async () => {
    const member = standIn.member({ locale: 'en-US' });
    const lookup = standIn.runCommand({
      member,
      name: 'service',
      options: [{ name: 'name', type: STRING, value: 'aws rekognition' }],
    });
    const found = await lookup.callback();
    expect(found.ephemeral).toBe(true);
    expect(JSON.stringify(found.data)).toContain('Amazon Rekognition');
    expect(JSON.stringify(found.data)).toContain('Test me');
    // "Test me" works from the private card too.
    const testMe = useFirstControl(standIn, member, await lookup.original());
    const practice = await testMe.callback();
    expect(practice.ephemeral).toBe(true);
    expect(contentOf(practice)).toContain('Test me: Amazon Rekognition');
    const typo = await standIn
      .runCommand({
        member,
        name: 'service',
        options: [{ name: 'name', type: STRING, value: 'Rekognitoin' }],
      })
      .callback();
    expect(contentOf(typo)).toContain('Did you mean: **Amazon Rekognition**');
    const choices = await standIn
      .autocomplete({
        member,
        name: 'service',
        options: [{ name: 'name', type: STRING, value: 'sage', focused: true }],
      })
      .callback();
    expect(choices.data).toEqual({ choices: [{ name: 'Amazon SageMaker', value: 'Amazon SageMaker' }] });
    const zones = await standIn
      .autocomplete({
        member: admin(),
        name: 'config',
        options: [
          {
            name: 'timezone',
            type: SUBCOMMAND,
            options: [{ name: 'zone', type: STRING, value: 'lisb', focused: true }],
          },
        ],
      })
      .callback();
    expect(JSON.stringify(zones.data)).toContain('Europe/Lisbon');
  });
});
