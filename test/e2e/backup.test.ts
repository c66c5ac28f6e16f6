import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killBotProcess, runBotProcess, type BotProcess } from '../support/bot-process';
import { startDiscordStandIn, type DiscordStandIn, type StandInMember } from '../../src/stand-in';
import { removeTestDatabase, type TestBot } from '../support/test-bot';
import { singleQ } from '../quiz/fixtures';
import { Clock } from '../quiz/runner-harness';
import { click, currentQuestion, startOptions, startQuizBot } from './quiz-harness';

/** `npm run backup` against a bot that is busy recording answers, as a host would run it. */
describe('npm run backup while a round is being answered', () => {
  let standIn: DiscordStandIn;
  let bot: TestBot | undefined;
  let backup: BotProcess | undefined;
  let dir: string;

  beforeEach(async () => {
    standIn = await startDiscordStandIn();
    dir = mkdtempSync(join(tmpdir(), 'exam-drill-backup-'));
  });
  afterEach(async () => {
    await killBotProcess(backup);
    await bot?.stop();
    if (bot) removeTestDatabase(bot.databasePath);
    await standIn.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes a copy that opens, passes integrity_check and holds every answer acknowledged before it began', async () => {
    const clock = new Clock();
    const started = await startQuizBot(standIn, [singleQ], clock);
    bot = started.bot;
    const channelId = standIn.guild.textChannelId;
    await standIn
      .runCommand({
        member: standIn.member(),
        name: 'quiz',
        options: startOptions({ questions: 1, seconds: 60 }),
      })
      .callback();
    const open = await currentQuestion(bot, channelId, new Map([[singleQ.id, singleQ]]));
    clock.value = open.openedAt + 2000;

    const acknowledged = new Set<string>();
    const answer = async (member: StandInMember) => {
      const ack = await click(standIn, member, open, member.id.endsWith('1')).callback();
      if (ack.status === 200 || ack.status === 204) acknowledged.add(member.id);
    };
    // Answers keep coming in waves before, during and after the backup.
    let clicking = true;
    const waves = (async () => {
      while (clicking) {
        await Promise.all(Array.from({ length: 10 }, () => answer(standIn.member())));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await expect.poll(() => acknowledged.size, { timeout: 10_000 }).toBeGreaterThanOrEqual(100);

    const before = new Set(acknowledged);
    const target = join(dir, 'copy.sqlite');
    backup = runBotProcess('npm:backup', { DATABASE_PATH: bot.databasePath }, dir, [target]);
    const code = await backup.exited;
    const afterBackup = acknowledged.size;
    clicking = false;
    await waves;
    expect(code, backup.output()).toBe(0);
    expect(backup.output()).toMatch(/Backed up .* answers, integrity check ok/);
    expect(afterBackup).toBeGreaterThan(before.size); // the bot kept answering while the copy was made

    const copy = new Database(target, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const users = new Set(
        (copy.prepare('SELECT user_id AS userId FROM answers').all() as { userId: string }[]).map(
          (r) => r.userId,
        ),
      );
      const lost = [...before].filter((id) => !users.has(id));
      expect(lost).toEqual([]);
      expect(copy.prepare('SELECT count(*) AS n FROM rounds').get()).toEqual({ n: 1 });
    } finally {
      copy.close();
    }
  });

  it('fails in words on a missing database or no target, making nothing', async () => {
    const missing = runBotProcess('npm:backup', { DATABASE_PATH: join(dir, 'none.sqlite') }, dir, [
      join(dir, 'x.sqlite'),
    ]);
    expect(await missing.exited).toBe(1);
    expect(missing.output()).toContain('Backup failed: no database at');
    const usage = runBotProcess('npm:backup', { DATABASE_PATH: join(dir, 'none.sqlite') }, dir);
    expect(await usage.exited).toBe(1);
    expect(usage.output()).toContain('Usage: npm run backup -- <file>');
  });
});
