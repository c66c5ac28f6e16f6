import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDailyTick } from '../../src/daily/daily-tick';
import { dailyPanelIds, testMeId } from '../../src/daily/custom-ids';
import { serviceSlug } from '../../src/services/service-search';
import { renderServiceCard } from '../../src/daily/service-card';
import type { TextChannel } from 'discord.js';
import { discordSender } from '../../src/daily/sender';
import { answers, dailyPosts, guilds } from '../../src/db/schema';
import { createDeckIndex } from '../../src/deck';
import { isCorrectChoice } from '../../src/quiz/scoring';
import { answerInPanel, wrongPanelChoice } from '../../src/stand-in/answer-panel';
import { smallDeck } from '../support/daily-fixtures';
import { startDiscordStandIn, type DiscordStandIn, type StoredMessage } from '../../src/stand-in';
import { removeTestDatabase, startTestBot, type TestBot } from '../support/test-bot';
import { Clock } from '../quiz/runner-harness';
import { matchQ, multi3Q } from '../quiz/fixtures';
import {
  click,
  contentOf,
  currentQuestion,
  embedOf,
  NEXT_DELAY_MS,
  roundAnswers,
  startOptions,
  startQuizBot,
} from './quiz-harness';

const ACCEPTED = [200, 204];

function labels(message: StoredMessage): string[] {
  return (message.components as { components: { label?: string }[] }[]).flatMap((r) =>
    r.components.map((c) => c.label ?? ''),
  );
}

describe('matching and multiple response, answered by several members', () => {
  let standIn: DiscordStandIn;
  let bot: TestBot | undefined;

  beforeEach(async () => {
    standIn = await startDiscordStandIn();
  });
  afterEach(async () => {
    if (bot) {
      await bot.stop();
      removeTestDatabase(bot.databasePath);
      bot = undefined;
    }
    await standIn.close();
  });

  it('plays a match and a choose-THREE item in a round: private answers, all-or-nothing scoring, reveal', async () => {
    const clock = new Clock();
    const started = await startQuizBot(standIn, [matchQ, multi3Q], clock);
    bot = started.bot;
    const byId = new Map([matchQ, multi3Q].map((q) => [q.id, q]));
    const channelId = standIn.guild.textChannelId;
    const [ana, bia, caio] = [standIn.member(), standIn.member(), standIn.member()];
    const run = standIn.runCommand({
      member: ana!,
      name: 'quiz',
      options: startOptions({ questions: 2, seconds: 20 }),
    });
    expect((await run.callback()).status).toBeOneOf(ACCEPTED);

    for (let position = 0; position < 2; position++) {
      const open = await currentQuestion(bot, channelId, byId);
      const q = open.question;
      const plan = [
        { member: ana!, right: true, after: 2000 },
        { member: bia!, right: false, after: 4000 },
        { member: caio!, right: true, after: 9000 },
      ];
      for (const { member, right, after } of plan) {
        clock.value = open.openedAt + after;
        const ack = await click(standIn, member, open, right).callback();
        expect(ack.status).toBeOneOf(ACCEPTED);
        expect(contentOf(ack.data)).toMatch(/^Resposta registrada: /);
        if (q.type === 'match')
          expect(contentOf(ack.data)).toContain(right ? '1→D · 2→A · 3→B' : '1→A · 2→B · 3→C');
      }
      // A second attempt does not count: the panel is refused, the menu answer is the first one.
      const again = await click(standIn, ana!, open, false).callback();
      expect(contentOf(again.data)).toMatch(/já respondeu/);

      clock.value = open.deadlineAt + 1;
      await started.scheduler.runDue();
      const revealed = standIn.messages.get(open.messageId)!;
      expect(embedOf(revealed).title).toBe(`Pergunta ${position + 1}/2 — resposta`);
      const rows = roundAnswers(bot, open.round.id).filter((r) => r.questionId === q.id);
      expect(rows).toHaveLength(3);
      for (const row of rows) {
        const right = row.userId !== bia!.id;
        expect(row.correct, row.userId).toBe(right);
        expect(isCorrectChoice(row.choice.split(',').map(Number), q.answers, q.type)).toBe(right);
        // Speed-weighted for the right ones (no partial credit for the wrong one).
        if (right) expect(row.points).toBeGreaterThan(0);
        else expect(row.points).toBe(0);
      }
      const fields = Object.fromEntries((embedOf(revealed).fields ?? []).map((f) => [f.name, f.value]));
      if (q.type === 'match') {
        expect(fields['Associações corretas']).toContain(
          '**1.** Transcrever chamadas gravadas → **D)** Amazon Transcribe',
        );
        expect(labels(revealed)).toEqual(['✅ 2/3']);
      } else {
        // Bia picked B, D and A (two wrong, one right): she scores nothing, but her picks are counted.
        expect(embedOf(revealed).description).toContain('✅ **A)** Acurácia — 3 respostas');
        expect(embedOf(revealed).description).toContain('▫️ **B)** RMSE — 1 resposta');
        expect(embedOf(revealed).description).toContain('✅ **C)** F1 — 2 respostas');
        expect(fields['Por que não as outras']).toContain('**B)**');
      }
      expect(embedOf(revealed).description).toContain('2 de 3 acertaram.');
      // The next question opens after the pause that follows a reveal.
      clock.advance(NEXT_DELAY_MS);
      await started.scheduler.runDue();
    }
  });

  it('takes a match item as the question of the day: panel answers, one per member, result next day', async () => {
    const base = smallDeck().deck;
    // The exam tier is the question of the day's pool: here it holds just the matching item.
    const deck = createDeckIndex({ ...base, questions: [...base.questions, { ...matchQ, tier: 'exam' }] });
    let now = Date.parse('2026-11-27T12:00:00Z');
    bot = await startTestBot(standIn, { deck, features: [], now: () => now });
    bot.ctx.db
      .insert(guilds)
      .values({
        id: standIn.guild.id,
        timezone: 'UTC',
        dailyChannelId: standIn.guild.textChannelId,
        dailyTime: '09:00',
        createdAt: now,
      })
      .run();
    const tick = () => runDailyTick({ ...bot!.ctx, sender: discordSender(bot!.client) }, now);
    await tick();
    const post = bot.ctx.db.select().from(dailyPosts).where(eq(dailyPosts.kind, 'question')).get()!;
    expect(post.subject).toBe(matchQ.id);
    const message = standIn.messages.get(post.messageId!)!;
    expect(message.content).toContain('1. Transcrever chamadas gravadas');
    expect(labels(message)).toEqual(['Responder']);

    const open = { customId: dailyPanelIds.open.encode({ post: post.id }), messageId: message.id };
    const [ana, bia] = [standIn.member(), standIn.member()];
    const right = await (await answerInPanel(standIn, ana!, matchQ, open, matchQ.answers)).callback();
    expect(contentOf(right.data)).toContain('Resposta registrada');
    expect(contentOf(right.data)).toContain('1000');
    const wrong = await (
      await answerInPanel(standIn, bia!, matchQ, open, wrongPanelChoice(matchQ))
    ).callback();
    expect(contentOf(wrong.data)).toContain('Resposta registrada');
    const repeat = await (
      await answerInPanel(standIn, ana!, matchQ, open, wrongPanelChoice(matchQ))
    ).callback();
    expect(contentOf(repeat.data)).toMatch(/já respondeu/);
    expect(
      bot.ctx.db
        .select()
        .from(answers)
        .where(eq(answers.kind, 'daily'))
        .all()
        .map((a) => [a.correct, a.points]),
    ).toEqual([
      [true, 1000],
      [false, 0],
    ]);

    now += 86_400_000;
    await tick();
    const closed = standIn.messages.get(message.id)!;
    expect(closed.content).toContain('Acertaram: **1** de **2** (50%)');
    expect(labels(closed)).toEqual(['✅ 1→D · 2→A · 3→B']);
    expect(JSON.stringify(closed.embeds)).toContain('Amazon Transcribe');
  });

  it('answers a match item privately from "Teste-me": the private question is the panel, then its result', async () => {
    const base = smallDeck().deck;
    const card = { ...base.services[0]!, questionIds: [matchQ.id] };
    const deck = createDeckIndex({
      ...base,
      questions: [...base.questions, { ...matchQ, tier: 'exam' }],
      services: [card, ...base.services.slice(1)],
    });
    bot = await startTestBot(standIn, { deck, features: [] });
    // The bot posts the service card itself, as the daily tick would.
    const channel = (await bot.client.channels.fetch(standIn.guild.textChannelId)) as TextChannel;
    const posted = await channel.send(renderServiceCard(card, 'pt-BR', { daily: true }) as never);
    const member = standIn.member();
    const shown = standIn.clickButton({
      member,
      customId: testMeId.encode({ service: serviceSlug(card.name) }),
      messageId: posted.id,
    });
    const panel = await shown.original();
    expect(panel.ephemeral).toBe(true);
    expect(panel.content).toContain('Teste-me');
    expect(panel.content).toContain('1. Transcrever chamadas gravadas');
    const submitted = await answerInPanel(standIn, member, matchQ, { panel }, matchQ.answers);
    const verdict = await submitted.callback();
    expect(verdict.type).toBe(7); // the private question turns into its result
    expect(contentOf(verdict.data)).toContain('✅ Certo!');
    expect(JSON.stringify((verdict.data as { embeds?: unknown }).embeds)).toContain('Amazon Transcribe');
    expect(bot.ctx.db.select().from(answers).all()).toMatchObject([
      { kind: 'practice', correct: true, points: 0 },
    ]);
  });
});
