import { MessageFlags } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answers, practiceCards, practiceItems } from '../../src/db/schema';
import type { Question } from '../../src/deck/types';
import { practiceAnswerId, practiceNextId, practiceSelectId } from '../../src/practice/custom-ids';
import { createDeckIndex } from '../../src/deck';
import { multiQ, orderQ } from '../quiz/fixtures';
import { answerInPanel, wrongPanelChoice } from '../../src/stand-in/answer-panel';
import { startDiscordStandIn, type DiscordStandIn, type StoredMessage } from '../../src/stand-in';
import { removeTestDatabase, startTestBot, type TestBot } from '../support/test-bot';
import { practiceDeck } from '../practice/fixtures';
import { uploadedPng } from '../support/png';

const EPHEMERAL = MessageFlags.Ephemeral as number;
const ACCEPTED = [200, 204];

describe('/practice through the Discord stand-in', () => {
  let standIn: DiscordStandIn;
  let bot: TestBot | undefined;
  let clock = Date.UTC(2026, 11, 1, 12, 0);
  const deck = practiceDeck();

  beforeEach(async () => {
    standIn = await startDiscordStandIn();
  });
  afterEach(async () => {
    await bot?.stop();
    if (bot) removeTestDatabase(bot.databasePath);
    bot = undefined;
    await standIn.close();
  });

  /** The item on screen, read from SQLite (the scheduler chose it). */
  function shownItem(b: TestBot): { position: number; question: Question; session: number } {
    const rows = b.ctx.db.select().from(practiceItems).all();
    const last = rows.filter((r) => r.answerId === null).at(-1)!;
    return {
      position: last.position,
      session: last.sessionId,
      question: deck.questionById.get(last.questionId)!,
    };
  }

  async function answerShown(
    b: TestBot,
    member: ReturnType<DiscordStandIn['member']>,
    message: StoredMessage,
    right: boolean,
  ) {
    const { position, question, session } = shownItem(b);
    if (question.type === 'match') {
      const choice = right ? question.answers : wrongPanelChoice(question);
      return (await answerInPanel(standIn, member, question, { panel: message }, choice)).callback();
    }
    const option = right ? question.answers[0]! : (question.answers[0]! + 1) % question.options.length;
    return standIn
      .clickButton({
        member,
        messageId: message.id,
        customId: practiceAnswerId.encode({ session, position, option }),
      })
      .callback();
  }

  it('runs 5 items (one wrong), survives a restart in the middle, and goes on from the next item', async () => {
    bot = await startTestBot(standIn, { deck, features: [], now: () => clock });
    const ana = standIn.member({ locale: 'pt-BR' });
    const run = standIn.runCommand({
      member: ana,
      name: 'practice',
      options: [{ name: 'items', type: 4, value: 5 }],
    });
    expect((await run.callback()).status).toBeOneOf(ACCEPTED);
    let message = await run.original();
    expect(message.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.content).toContain('Prática — item 1 de 5');

    const plan = [true, false, true, true, true];
    const seen: string[] = [];
    for (const [i, right] of plan.entries()) {
      if (i === 2) {
        // Restart between items: same database file, a fresh process's worth of state.
        const path = bot.databasePath;
        await bot.stop();
        bot = await startTestBot(standIn, { deck, features: [], now: () => clock, databasePath: path });
        // The member clicks "Next" on the message shown before the restart: it goes on.
      }
      if (i > 0) {
        const next = standIn.clickButton({
          member: ana,
          messageId: message.id,
          customId: practiceNextId.encode({ session: shownSession(bot) }),
        });
        const ack = await next.callback();
        expect(ack.status).toBeOneOf(ACCEPTED);
        expect(ack.type).toBe(7);
        message = await next.original();
        expect(message.content).toContain(`item ${i + 1} de 5`);
      }
      seen.push(shownItem(bot).question.id);
      clock += 30_000;
      const ack = await answerShown(bot, ana, message, right);
      expect(ack.status).toBeOneOf(ACCEPTED);
      const body = JSON.stringify(ack.data);
      expect(body).toContain(right ? '✅ Certo!' : '❌ Errado.');
      expect(body).toMatch(/Volta <t:\d+:R>/);
      expect(body).toContain(right ? 'Por que a resposta certa' : 'Por que');
      clock += 5_000;
    }
    expect(new Set(seen).size).toBe(5);

    // The fifth answer finished the session: "Next" shows its summary.
    const summary = standIn.clickButton({
      member: ana,
      messageId: message.id,
      customId: practiceNextId.encode({ session: shownSession(bot) }),
    });
    expect(JSON.stringify((await summary.callback()).data)).toContain('4 de 5 certos');

    const rows = bot.ctx.db.select().from(answers).all();
    expect(rows.map((r) => [r.kind, r.correct, r.points])).toEqual(
      plan.map((right) => ['practice', right, 0]),
    );
    expect(rows.every((r) => r.practiceSessionId === shownSession(bot!))).toBe(true);
    const cards = bot.ctx.db.select().from(practiceCards).all();
    expect(cards).toHaveLength(5);
    expect(cards.filter((c) => c.lapses === 0 && c.reps === 1)).toHaveLength(5);
    // The wrong one comes back first (Again: minutes), the right ones later (Good: learning step).
    const wrong = cards.find((c) => c.correct === 0)!;
    expect(Math.max(...cards.filter((c) => c !== wrong).map((c) => c.due - c.lastReview))).toBeGreaterThan(
      wrong.due - wrong.lastReview,
    );

    // A new /practice starts a new session; the wrong item, now due, comes first.
    clock += 3_600_000;
    const again = standIn.runCommand({ member: ana, name: 'practice', options: [] });
    await again.callback();
    expect((await again.original()).content).toContain('item 1 de 10');
    expect(shownItem(bot).question.id).toBe(wrong.questionId);

    // /stats: practice counts there (5 answers, 80%), with readiness per domain and a PNG chart.
    const stats = standIn.runCommand({ member: ana, name: 'stats' });
    expect((await stats.callback()).status).toBeOneOf(ACCEPTED);
    const shown = await stats.original();
    expect(shown.flags! & EPHEMERAL).toBe(EPHEMERAL);
    const embeds = shown.embeds as {
      title?: string;
      description?: string;
      fields?: { name: string; value: string }[];
    }[];
    expect(JSON.stringify(embeds[0])).toContain('"value":"5"');
    const readiness = embeds[1]!;
    expect(readiness.title).toBe('Prontidão para o exame');
    expect(readiness.description).toMatch(/Estimativa geral: \*\*\d+\*\*\/1000 — ❌ abaixo de 700/);
    for (const d of [1, 2, 3, 4, 5]) expect(readiness.description).toContain(`**${d}. `);
    expect(readiness.description).toContain('retenção');
    const objectives = readiness.fields!.find((f) => f.name === 'Próximos objetivos para estudar')!;
    expect(objectives.value.split('\n')).toHaveLength(3);
    expect(readiness.fields!.find((f) => f.name === 'Simulados anteriores')!.value).toContain('/simulado');
    const png = await uploadedPng(standIn, stats, 'readiness.png');
    expect(png).toMatchObject({ width: 800 });
    expect(png.height).toBeGreaterThan(500);
  });

  it('answers ordering in the shared panel and multiple response in the select, in English', async () => {
    const base = practiceDeck([]);
    const only = createDeckIndex({
      ...base.deck,
      questions: [
        ...base.deck.questions.filter((q) => q.tier !== 'exam'),
        { ...orderQ, tier: 'exam', objectives: ['1.1.1'] },
        { ...multiQ, tier: 'exam', objectives: ['1.2.1'] },
      ],
    });
    bot = await startTestBot(standIn, { deck: only, features: [], now: () => clock });
    const bia = standIn.member({ locale: 'en-US' });
    const run = standIn.runCommand({
      member: bia,
      name: 'practice',
      options: [{ name: 'items', type: 4, value: 2 }],
    });
    await run.callback();
    let message = await run.original();
    expect(message.content).toContain('Practice — item 1 of 2');
    for (let i = 0; i < 2; i++) {
      const item = b(bot).select().from(practiceItems).all().at(-1)!;
      const q = only.questionById.get(item.questionId)!;
      clock += 10_000;
      let verdict;
      if (q.type === 'order') {
        verdict = await (await answerInPanel(standIn, bia, q, { panel: message }, q.answers)).callback();
      } else {
        verdict = await standIn
          .selectMenu({
            member: bia,
            messageId: message.id,
            customId: practiceSelectId.encode({ session: item.sessionId, position: item.position }),
            values: q.answers.map(String),
          })
          .callback();
      }
      expect(verdict.type).toBe(7);
      expect(JSON.stringify(verdict.data)).toContain('✅ Right!');
      expect(JSON.stringify(verdict.data)).toContain('Why the right answer');
      if (i === 0) {
        const next = standIn.clickButton({
          member: bia,
          messageId: message.id,
          customId: practiceNextId.encode({ session: item.sessionId }),
        });
        await next.callback();
        message = await next.original();
        expect(message.content).toContain('item 2 of 2');
      }
    }
    expect(
      b(bot)
        .select()
        .from(answers)
        .all()
        .map((a) => [a.questionId, a.correct]),
    ).toEqual(
      expect.arrayContaining([
        [orderQ.id, true],
        [multiQ.id, true],
      ]),
    );
  });

  const b = (x: TestBot) => x.ctx.db;

  function shownSession(b: TestBot): number {
    return b.ctx.db.select().from(practiceItems).all().at(-1)!.sessionId;
  }
});
