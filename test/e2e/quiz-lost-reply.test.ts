import { afterEach, expect, it } from 'vitest';
import { findRunningRound } from '../../src/quiz/round-store';
import { startDiscordStandIn, type DiscordStandIn } from '../../src/stand-in';
import { removeTestDatabase, type TestBot } from '../support/test-bot';
import { multiQ, orderQ, singleQ } from '../quiz/fixtures';
import { Clock } from '../quiz/runner-harness';
import { startOptions, startQuizBot } from './quiz-harness';

let standIn: DiscordStandIn | undefined;
let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  if (bot) removeTestDatabase(bot.databasePath);
  await standIn?.close();
});

it('a /quiz start whose reply expired (10062) still runs the round it created', async () => {
  // Every interaction is already expired when the bot answers, as after an event-loop stall.
  standIn = await startDiscordStandIn({ ackDeadlineMs: 0 });
  ({ bot } = await startQuizBot(standIn, [singleQ, multiQ, orderQ], new Clock()));
  const channelId = standIn.guild.textChannelId;
  const handle = standIn.runCommand({
    member: standIn.member(),
    name: 'quiz',
    options: startOptions({ questions: 2 }),
  });
  expect((await handle.callback()).status).toBe(404);

  // The round's first question still goes out in the channel, so the channel is not left "busy" and empty.
  const question = await standIn.waitForMessage(
    (m) => m.channel_id === channelId && !m.ephemeral && m.components.length > 0,
    10_000,
  );
  const round = findRunningRound(bot.ctx.db, channelId);
  expect(round).toBeDefined();
  expect(question.embeds.length).toBeGreaterThan(0);
});
