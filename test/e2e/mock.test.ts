import { MessageFlags } from 'discord.js';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answers, mockExams, mockItems, standings } from '../../src/db/schema';
import {
  mockAnswerId,
  mockConfirmId,
  mockFlagId,
  mockGoId,
  mockJumpId,
  mockPanelIds,
  mockReviewId,
  mockSubmitId,
} from '../../src/mock/custom-ids';
import { startDiscordStandIn, type DiscordStandIn, type StoredMessage } from '../../src/stand-in';
import { removeTestDatabase, startTestBot, type TestBot } from '../support/test-bot';
import { examItems, practiceDeck } from '../practice/fixtures';
import { uploadedPng } from '../support/png';
import { answerInPanel } from '../../src/stand-in/answer-panel';
import { matchQ } from '../quiz/fixtures';

const EPHEMERAL = MessageFlags.Ephemeral as number;
const ACCEPTED = [200, 204];

describe('/mock through the Discord stand-in', () => {
  let standIn: DiscordStandIn;
  let bot: TestBot | undefined;
  let clock = Date.UTC(2026, 11, 1, 12, 0);
  const deck = practiceDeck(examItems(14));

  beforeEach(async () => {
    standIn = await startDiscordStandIn();
    // A shortened clock for tests: 2-minute mocks.
    bot = await startTestBot(standIn, { deck, features: [], now: () => clock, env: { MOCK_MINUTES: '2' } });
  });
  afterEach(async () => {
    await bot?.stop();
    if (bot) removeTestDatabase(bot.databasePath);
    bot = undefined;
    await standIn.close();
  });

  const itemsOf = (mockId: number) =>
    bot!.ctx.db
      .select()
      .from(mockItems)
      .where(eq(mockItems.mockId, mockId))
      .all()
      .sort((a, b) => a.position - b.position);

  function onScreen(message: StoredMessage): number {
    const match = /questão (\d+) de 65/.exec(message.content ?? '');
    if (!match) throw new Error(`no item on screen: ${message.content}`);
    return Number(match[1]) - 1;
  }

  it('answers part of a mock, flags and jumps, submits; the result has per-domain scores and the review of misses', async () => {
    const ana = standIn.member({ locale: 'pt-BR' });
    const run = standIn.runCommand({ member: ana, name: 'mock' });
    expect((await run.callback()).status).toBeOneOf(ACCEPTED);
    let message = await run.original();
    expect(message.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.content).toContain('Simulado — questão 1 de 65');
    expect(message.content).toMatch(/Termina <t:\d+:R>/);
    const mock = bot!.ctx.db.select().from(mockExams).get()!;
    expect(mock.deadlineAt - mock.startedAt).toBe(2 * 60_000);
    const items = itemsOf(mock.id);
    expect(items).toHaveLength(65);

    let handle: ReturnType<DiscordStandIn['clickButton']> | undefined;
    const click = async (customId: string) => {
      handle = standIn.clickButton({ member: ana, messageId: message.id, customId });
      const ack = await handle.callback();
      expect(ack.status).toBeOneOf(ACCEPTED);
      expect(ack.type).toBe(7);
      message = await handle.original();
      return ack;
    };

    // Ten answers: right on even positions, wrong on odd ones (singles only: skip the matching item).
    let answered = 0;
    const rightPositions: number[] = [];
    while (answered < 10) {
      const position = onScreen(message);
      const q = deck.questionById.get(items[position]!.questionId)!;
      if (q.type === 'match') {
        await click(mockGoId.encode({ mock: mock.id, position: position + 1, from: position + 1000 }));
        continue;
      }
      const right = answered % 2 === 0;
      if (right) rightPositions.push(position);
      const option = right ? q.answers[0]! : (q.answers[0]! + 1) % 4;
      clock += 2_000;
      await click(mockAnswerId.encode({ mock: mock.id, position, option }));
      expect(onScreen(message)).toBe(position + 1);
      answered += 1;
    }
    // Back one, flag it, then jump to it from the menu of flagged and unanswered items.
    const here = onScreen(message);
    await click(mockGoId.encode({ mock: mock.id, position: here - 1, from: here }));
    expect(onScreen(message)).toBe(here - 1);
    expect(message.content).toContain('Sua resposta:');
    const storedChoice = itemsOf(mock.id)[here - 1]!.choice!;
    const letters = (message.components[0] as { components: { custom_id: string; style: number }[] })
      .components;
    expect(letters.filter((c) => c.style === 1).map((c) => c.custom_id.split(':').at(-1))).toEqual([
      storedChoice,
    ]);
    await click(mockFlagId.encode({ mock: mock.id, position: here - 1 }));
    expect(message.content).toContain('🚩 Marcada para revisão');
    await click(mockGoId.encode({ mock: mock.id, position: here, from: 1000 + here - 1 }));
    await click(mockGoId.encode({ mock: mock.id, position: here + 1, from: 1000 + here }));
    const jump = standIn.selectMenu({
      member: ana,
      messageId: message.id,
      customId: mockJumpId.encode({ mock: mock.id }),
      values: [String(here - 1)],
    });
    expect((await jump.callback()).status).toBeOneOf(ACCEPTED);
    message = await jump.original();
    expect(onScreen(message)).toBe(here - 1);

    // A second /mock while this one runs carries on with it.
    const again = standIn.runCommand({ member: ana, name: 'mock' });
    await again.callback();
    expect((await again.original()).content).toContain('continuando de onde parou');
    expect(bot!.ctx.db.select().from(mockExams).all()).toHaveLength(1);

    await click(mockSubmitId.encode({ mock: mock.id, from: here - 1 }));
    expect(message.content).toContain('55 sem resposta');
    await click(mockConfirmId.encode({ mock: mock.id }));
    expect(message.content).toContain('Simulado entregue');
    expect(message.content).toContain('Pontuação estimada: **169**/1000'); // 5 of 65 right: 100 + 900 × 5/65
    expect(message.content).toContain('❌ abaixo (mínimo 700)');
    expect(message.content).toContain('Estimativa: 100 + 900 × acertos/total');
    const perDomain = JSON.stringify(message.embeds);
    expect(perDomain).toContain('Resultado por domínio');
    for (const d of [1, 2, 3, 4, 5]) expect(perDomain).toContain(`**${d}. `);
    expect(perDomain).toContain('attachment://mock.png');
    // The chart: a real PNG, phone-sized, with the figures as its alt text too.
    const png = await uploadedPng(standIn, handle!, 'mock.png');
    expect(png.width).toBe(800);
    expect(png.height).toBeGreaterThan(300);
    const attachment = (message.raw().attachments as { filename: string; description?: string }[])[0]!;
    expect(attachment.filename).toBe('mock.png');
    expect(attachment.description).toMatch(/1: \d+; 2: \d+; 3: \d+; 4: \d+; 5: \d+/);
    const stored = bot!.ctx.db.select().from(mockExams).get()!;
    expect(stored).toMatchObject({ status: 'submitted', correct: 5, scaledScore: 169 });

    // Answers count in /stats (kind mock, 0 points), not on the leaderboard.
    const rows = bot!.ctx.db.select().from(answers).all();
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.kind === 'mock' && r.points === 0)).toBe(true);
    expect(rows.filter((r) => r.correct)).toHaveLength(5);
    expect(bot!.ctx.db.select().from(standings).all()).toHaveLength(0);

    // Review of misses: 60 (5 wrong + 55 blank), 4 per page, with rationales.
    await click(mockReviewId.encode({ mock: mock.id, page: 0 }));
    expect(message.content).toContain('página 1 de 15');
    expect(message.raw().attachments).toEqual([]);
    const review = JSON.stringify(message.embeds);
    expect(review).toContain('Razão de');
    expect(review).toMatch(/sua: \*\*[A-D]\*\* · certa: \*\*[A-D]\*\*/);
    await click(mockReviewId.encode({ mock: mock.id, page: 1001 }));
    expect(message.content).toContain('página 2 de 15');
    expect(rightPositions).toHaveLength(5);

    // /stats lists the mock and shows readiness.
    const stats = standIn.runCommand({ member: ana, name: 'stats' });
    await stats.callback();
    const readiness = JSON.stringify((await stats.original()).embeds[1]);
    expect(readiness).toContain('Simulados anteriores');
    expect(readiness).toMatch(/<t:\d+:d> — \*\*169\*\* ❌/);
  });

  it('times out by the server clock: the next click after the deadline shows the result, answers kept', async () => {
    const bia = standIn.member({ locale: 'en-US' });
    const run = standIn.runCommand({ member: bia, name: 'mock' });
    await run.callback();
    let message = await run.original();
    expect(message.content).toContain('Mock exam — question 1 of 65');
    const mock = bot!.ctx.db.select().from(mockExams).get()!;
    const items = itemsOf(mock.id);
    for (const position of [0, 1, 2]) {
      const q = deck.questionById.get(items[position]!.questionId)!;
      const option = q.type === 'match' ? null : q.answers[0]!;
      if (option === null) continue;
      const click = standIn.clickButton({
        member: bia,
        messageId: message.id,
        customId: mockAnswerId.encode({ mock: mock.id, position, option }),
      });
      await click.callback();
      message = await click.original();
    }
    // Going away does not pause it: two minutes later, the next click ends it.
    clock += 2 * 60_000 + 1;
    const late = standIn.clickButton({
      member: bia,
      messageId: message.id,
      customId: mockFlagId.encode({ mock: mock.id, position: 3 }),
    });
    expect((await late.callback()).status).toBeOneOf(ACCEPTED);
    message = await late.original();
    expect(message.content).toContain('Mock exam over: time is up');
    expect(message.content).toContain('Estimated score');
    const stored = bot!.ctx.db.select().from(mockExams).get()!;
    expect(stored.status).toBe('timed_out');
    expect(stored.finishedAt).toBe(stored.deadlineAt);
    expect(stored.correct).toBeGreaterThanOrEqual(2);
    expect(bot!.ctx.db.select().from(answers).all().length).toBe(stored.correct);

    // A new /mock starts a fresh one.
    clock += 1000;
    const next = standIn.runCommand({ member: bia, name: 'mock' });
    await next.callback();
    expect((await next.original()).content).toContain('question 1 of 65');
    expect(
      bot!.ctx.db
        .select()
        .from(mockExams)
        .all()
        .map((m) => m.status),
    ).toEqual(['timed_out', 'running']);
  });

  it('answers a matching item in the shared private panel; the mock keeps the choice', async () => {
    const dani = standIn.member({ locale: 'pt-BR' });
    const run = standIn.runCommand({ member: dani, name: 'mock' });
    await run.callback();
    let message = await run.original();
    const mock = bot!.ctx.db.select().from(mockExams).get()!;
    const items = itemsOf(mock.id);
    const at = items.findIndex((i) => i.questionId === matchQ.id);
    expect(at).toBeGreaterThanOrEqual(0);
    for (let p = 0; p < at; p++) {
      const next = standIn.clickButton({
        member: dani,
        messageId: message.id,
        customId: mockGoId.encode({ mock: mock.id, position: p + 1, from: p + 1000 }),
      });
      await next.callback();
      message = await next.original();
    }
    expect(message.content).toContain(`questão ${at + 1} de 65`);
    const open = {
      customId: mockPanelIds.open.encode({ mock: mock.id, position: at }),
      messageId: message.id,
    };
    const ack = await (await answerInPanel(standIn, dani, matchQ, open, matchQ.answers)).callback();
    expect(JSON.stringify(ack.data)).toContain('Resposta registrada: **1→D · 2→A · 3→B**');
    expect(itemsOf(mock.id)[at]!.choice).toBe(matchQ.answers.join(','));
    const flag = standIn.clickButton({
      member: dani,
      messageId: message.id,
      customId: mockFlagId.encode({ mock: mock.id, position: at }),
    });
    await flag.callback();
    expect((await flag.original()).content).toContain('Sua resposta: **1→D · 2→A · 3→B**');
  });

  it("survives a restart: the old message's buttons carry on, and /mock resumes at the first blank", async () => {
    const eva = standIn.member({ locale: 'pt-BR' });
    const run = standIn.runCommand({ member: eva, name: 'mock' });
    await run.callback();
    let message = await run.original();
    const mock = bot!.ctx.db.select().from(mockExams).get()!;
    const items = itemsOf(mock.id);
    const firstSingle = items.findIndex((i) => deck.questionById.get(i.questionId)!.type === 'single');
    for (let p = 0; p < firstSingle; p++) {
      const next = standIn.clickButton({
        member: eva,
        messageId: message.id,
        customId: mockGoId.encode({ mock: mock.id, position: p + 1, from: p + 1000 }),
      });
      await next.callback();
      message = await next.original();
    }
    const q = deck.questionById.get(items[firstSingle]!.questionId)!;
    const answer = standIn.clickButton({
      member: eva,
      messageId: message.id,
      customId: mockAnswerId.encode({ mock: mock.id, position: firstSingle, option: q.answers[0]! }),
    });
    await answer.callback();
    message = await answer.original();

    const path = bot!.databasePath;
    await bot!.stop();
    clock += 30_000;
    bot = await startTestBot(standIn, {
      deck,
      features: [],
      now: () => clock,
      env: { MOCK_MINUTES: '2' },
      databasePath: path,
    });
    const back = standIn.clickButton({
      member: eva,
      messageId: message.id,
      customId: mockGoId.encode({ mock: mock.id, position: firstSingle, from: firstSingle + 1 }),
    });
    expect((await back.callback()).status).toBeOneOf(ACCEPTED);
    expect((await back.original()).content).toContain(`questão ${firstSingle + 1} de 65`);
    expect((await back.original()).content).toContain('Sua resposta:');
    const again = standIn.runCommand({ member: eva, name: 'mock' });
    await again.callback();
    const resumed = await again.original();
    expect(resumed.content).toContain('continuando de onde parou');
    expect(resumed.content).toContain(`questão ${firstSingle === 0 ? 2 : 1} de 65`);
    expect(bot!.ctx.db.select().from(mockExams).all()).toHaveLength(1);
  });

  it('times out on /mock itself when the member comes back after the deadline', async () => {
    const caio = standIn.member({ locale: 'pt-BR' });
    await standIn.runCommand({ member: caio, name: 'mock' }).callback();
    clock += 10 * 60_000;
    const back = standIn.runCommand({ member: caio, name: 'mock' });
    await back.callback();
    const shown = await back.original();
    expect(shown.content).toContain('terminou por tempo (100/1000)');
    expect(shown.content).toContain('questão 1 de 65');
    expect(
      bot!.ctx.db
        .select()
        .from(mockExams)
        .all()
        .map((m) => m.status),
    ).toEqual(['timed_out', 'running']);
  });
});
