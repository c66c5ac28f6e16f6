import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/deck';
import { getRound } from '../../src/quiz/round-store';
import { startDiscordStandIn, type DiscordStandIn } from '../../src/stand-in';
import { removeTestDatabase, type TestBot } from '../support/test-bot';
import { Clock } from '../quiz/runner-harness';
import {
  NEXT_DELAY_MS,
  click,
  contentOf,
  currentQuestion,
  embedOf,
  startOptions,
  startQuizBot,
} from './quiz-harness';

/** The shipped deck through the stand-in, which rejects any message over Discord's limits. */
describe('/quiz with the real deck', () => {
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

  it('plays a full 25-question round of one domain, then a topic round with fresh questions', async () => {
    const deck = loadDeck();
    const byId = new Map(deck.questions.map((q) => [q.id, q]));
    const clock = new Clock();
    const started = await startQuizBot(standIn, deck.questions, clock);
    bot = started.bot;
    const channelId = standIn.guild.textChannelId;
    const [ana, bia] = [standIn.member(), standIn.member()];
    const start = await standIn
      .runCommand({
        member: ana!,
        name: 'quiz',
        options: startOptions({ questions: 25, seconds: 10, domain: 3 }),
      })
      .callback();
    expect(contentOf(start.data)).toContain('25 perguntas');

    const seen: string[] = [];
    let open = await currentQuestion(bot, channelId, byId);
    for (let position = 0; position < 25; position++) {
      expect(open.question.domain).toBe(3);
      expect(open.question.tier).toBe('exam'); // rounds play the item bank by default
      seen.push(open.question.id);
      clock.value = open.openedAt + 2000;
      expect((await click(standIn, ana!, open, true).callback()).status).toBe(204);
      expect((await click(standIn, bia!, open, false).callback()).status).toBe(204);
      clock.value = open.deadlineAt + 1;
      await started.scheduler.runDue();
      const revealed = standIn.messages.get(open.messageId)!;
      expect(revealed.edits.length).toBeGreaterThan(0);
      expect(embedOf(revealed).title).toBe(`Pergunta ${position + 1}/25 — resposta`);
      if (position < 24) {
        clock.advance(NEXT_DELAY_MS);
        await started.scheduler.runDue();
        open = await currentQuestion(bot, channelId, byId);
      }
    }
    expect(new Set(seen).size).toBe(25);
    expect(getRound(bot.ctx.db, open.round.id)!.status).toBe('finished');
    const podium = embedOf(standIn.channelMessages(channelId).at(-1)!);
    // 25 right answers at 2 s of 10 s, streak bonus growing to +500: 25 × 900 + (100+200+300+400) + 20 × 500.
    expect(podium.description).toContain(`🥇 <@${ana!.id}> — **${25 * 900 + 1000 + 20 * 500}** pts`);

    // The next round on the same topic avoids questions the server has already played.
    const topic = byId.get(seen[0]!)!.topic;
    const freshOnTopic = deck.questions.filter((q) => q.topic === topic && !seen.includes(q.id)).length;
    const next = await standIn
      .runCommand({ member: ana!, name: 'quiz', options: startOptions({ questions: 1, topic }) })
      .callback();
    expect(contentOf(next.data)).toContain('iniciou um quiz');
    const again = await currentQuestion(bot, channelId, byId);
    expect(again.question.topic).toBe(topic);
    if (freshOnTopic > 0) expect(seen).not.toContain(again.question.id);
  });

  it('plays drill questions when asked, and for a topic only the generated questions have', async () => {
    const deck = loadDeck();
    const byId = new Map(deck.questions.map((q) => [q.id, q]));
    const clock = new Clock();
    bot = (await startQuizBot(standIn, deck.questions, clock)).bot;
    const channelId = standIn.guild.textChannelId;
    const examTopics = new Set(deck.questions.filter((q) => q.tier === 'exam').map((q) => q.topic));
    const drillTopic = deck.questions.find((q) => q.tier === 'drill' && !examTopics.has(q.topic))!.topic;
    const start = await standIn
      .runCommand({
        member: standIn.member(),
        name: 'quiz',
        options: startOptions({ questions: 1, topic: drillTopic }),
      })
      .callback();
    expect(contentOf(start.data)).toContain('Nível: **treino**');
    const open = await currentQuestion(bot, channelId, byId);
    expect(open.question).toMatchObject({ tier: 'drill', topic: drillTopic });
  });
});
