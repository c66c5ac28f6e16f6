import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQuizFeature } from '../../src/quiz/quiz-feature';
import { ManualScheduler } from '../support/manual-scheduler';
import { startDiscordStandIn, type DiscordStandIn } from '../../src/stand-in';
import { removeTestDatabase, startTestBot, type TestBot } from '../support/test-bot';
import { Clock } from '../quiz/runner-harness';
import { NEXT_DELAY_MS, click, currentQuestion, embedOf, startOptions } from './quiz-harness';

const NOTES = join(import.meta.dirname, '../fixtures/notes/networking.pt-BR.md');

/** A host brings notes of another subject through NOTES_PATH: the drill tier is built and played. */
describe('a deck from your own notes (NOTES_PATH)', () => {
  let standIn: DiscordStandIn;
  let bot: TestBot | undefined;

  beforeEach(async () => {
    standIn = await startDiscordStandIn();
  });
  afterEach(async () => {
    await bot?.stop();
    if (bot) removeTestDatabase(bot.databasePath);
    await standIn.close();
  });

  it('builds the drill tier from networking notes, says what it skipped, and plays a round from it', async () => {
    const clock = new Clock();
    const scheduler = new ManualScheduler(clock.now);
    bot = await startTestBot(standIn, {
      env: { NOTES_PATH: NOTES },
      now: clock.now,
      features: [createQuizFeature({ scheduler: () => scheduler, nextQuestionDelayMs: NEXT_DELAY_MS })],
    });
    const { deck } = bot.ctx.deck;
    expect(deck.report).toMatchObject({
      errataApplied: 0,
      bankApplies: false,
      sectionsWithoutQuestions: ['Modelo OSI'],
    });
    expect(deck.questions.length).toBeGreaterThanOrEqual(12);
    expect(deck.questions.every((q) => q.tier === 'drill')).toBe(true);
    const summary = bot.logs.lines.find((line) => line.msg.startsWith('Deck built:'))?.msg ?? '';
    expect(summary).toContain('0 exam items');
    expect(summary).toContain('the item bank was written for other notes: skipped');
    expect(summary).toContain('errata written for other notes: none applied');

    const starter = standIn.member();
    const start = await standIn
      .runCommand({ member: starter, name: 'quiz', options: startOptions({ questions: 1, seconds: 20 }) })
      .callback();
    expect([200, 204]).toContain(start.status);
    const byId = new Map(deck.questions.map((q) => [q.id, q]));
    const open = await currentQuestion(bot, standIn.guild.textChannelId, byId);
    expect(open.question.sources.every((s) => s.line > 0)).toBe(true);
    const posted = standIn.messages.get(open.messageId)!;
    expect(JSON.stringify(posted.embeds)).toMatch(
      /DNS|DHCP|NAT|ARP|TCP|UDP|QUIC|SCTP|IPv4|IPv6|sub-rede|Gateway/,
    );

    clock.value = open.openedAt + 2000;
    const ack = await click(standIn, standIn.member(), open, true).callback();
    expect([200, 204]).toContain(ack.status);
    clock.value = open.deadlineAt + 1;
    await scheduler.runDue();
    const revealed = standIn.messages.get(open.messageId)!;
    expect(embedOf(revealed).description ?? JSON.stringify(revealed.embeds)).toMatch(/✅/);
    // The reasons for the wrong options are shown once, in their own field.
    const fields = embedOf(revealed).fields ?? [];
    expect(fields.find((f) => f.name === 'Explicação')?.value).not.toContain('Por que não as outras');
    expect(fields.find((f) => f.name === 'Por que não as outras')?.value).toMatch(/\*\*[A-D]\)\*\*/);
  });
});
