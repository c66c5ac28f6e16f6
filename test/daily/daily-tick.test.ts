import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordAnswer } from '../../src/answers/record-answer';
import { updateDailySettings } from '../../src/config/daily-settings';
import { createStores } from '../../src/app/stores';
import { openDatabase, closeDatabase, type Db } from '../../src/db/database';
import { dailyPosts, guilds } from '../../src/db/schema';
import { runDailyTick, type DailyTickContext } from '../../src/daily/daily-tick';
import { STALE_CLAIM_MS } from '../../src/daily/daily-post-store';
import { createLogger } from '../../src/shared/logger';
import { localDateOf, localTimeOf } from '../../src/time/zoned';
import { apiError, FakeSender, smallDeck } from '../support/daily-fixtures';
import { createTempDb } from '../support/temp-db';

const MINUTE = 60_000;
const DAY = 86_400_000;
const deck = smallDeck();
const logger = createLogger('silent');

function addGuild(db: Db, id: string, timezone: string, dailyTime = '09:00', channel = `ch-${id}`): void {
  db.insert(guilds).values({ id, timezone, dailyTime, dailyChannelId: channel, createdAt: 0 }).run();
}

function postsOf(db: Db, guildId: string) {
  return db.select().from(dailyPosts).where(eq(dailyPosts.guildId, guildId)).orderBy(dailyPosts.id).all();
}

/** Every minute from `from` (inclusive) to `to` (exclusive), like the cron job. */
async function tickEveryMinute(ctx: DailyTickContext, from: number, to: number): Promise<void> {
  for (let now = from; now < to; now += MINUTE) await runDailyTick(ctx, now);
}

/** Another connection to the same file, as another process has it: its own database handle and stores. */
const connection = (db: Db) => ({ db, stores: createStores(db) });

describe('runDailyTick', () => {
  let temp: ReturnType<typeof createTempDb>;
  let sender: FakeSender;
  let ctx: DailyTickContext;
  beforeEach(() => {
    temp = createTempDb();
    sender = new FakeSender();
    ctx = { db: temp.db, stores: temp.stores, deck, logger, sender };
  });
  afterEach(() => temp.cleanup());

  describe.each([
    // Lisbon: WET→WEST at 01:00 on 2026-03-29, WEST→WET at 02:00 on 2026-10-25.
    {
      zone: 'Europe/Lisbon',
      change: '2026-03-29',
      before: ['2026-03-28', '09:00Z'],
      after: ['2026-03-29', '08:00Z'],
    },
    {
      zone: 'Europe/Lisbon',
      change: '2026-10-25',
      before: ['2026-10-24', '08:00Z'],
      after: ['2026-10-25', '09:00Z'],
    },
    // São Paulo: BRT→BRST at 00:00 (to 01:00) on 2018-11-04; BRST→BRT at 00:00 (to 23:00) on 2019-02-17.
    {
      zone: 'America/Sao_Paulo',
      change: '2018-11-04',
      before: ['2018-11-03', '12:00Z'],
      after: ['2018-11-04', '11:00Z'],
    },
    {
      zone: 'America/Sao_Paulo',
      change: '2019-02-17',
      before: ['2019-02-16', '11:00Z'],
      after: ['2019-02-17', '12:00Z'],
    },
  ])('in $zone around the DST change of $change', ({ zone, change, before, after }) => {
    it('posts each kind exactly once per local day, at 09:00 local, ticking every minute for two weeks', async () => {
      addGuild(temp.db, 'g', zone);
      // 06:00 UTC is before 09:00 local in both zones, so the window holds exactly 14 local 09:00s.
      const start = Date.parse(`${change}T06:00:00Z`) - 7 * DAY;
      const end = Date.parse(`${change}T06:00:00Z`) + 7 * DAY;
      await tickEveryMinute(ctx, start, end);

      const posts = postsOf(temp.db, 'g');
      for (const kind of ['service', 'question'] as const) {
        const dates = posts.filter((p) => p.kind === kind).map((p) => p.localDate);
        expect(new Set(dates).size).toBe(dates.length);
        // Every local day whose 09:00 fell inside the window, none missing.
        const expected: string[] = [];
        for (let t = start; t < end; t += MINUTE) {
          if (localTimeOf(t, zone) === '09:00' && !expected.includes(localDateOf(t, zone)))
            expected.push(localDateOf(t, zone));
        }
        expect(dates).toEqual(expected);
        expect(dates).toHaveLength(14);
      }
      for (const post of posts) {
        expect(post.messageId).not.toBeNull();
        expect(localTimeOf(post.postedAt, zone)).toBe('09:00');
      }
      // Independent spot checks in UTC on both sides of the change.
      const at = (date: string) => posts.find((p) => p.localDate === date && p.kind === 'service')?.postedAt;
      expect(at(before[0]!)).toBe(Date.parse(`${before[0]}T${before[1]!.replace('Z', ':00Z')}`));
      expect(at(after[0]!)).toBe(Date.parse(`${after[0]}T${after[1]!.replace('Z', ':00Z')}`));
      expect(sender.sent).toHaveLength(28);
    });

    it('posts once when the time falls in the gap or the overlap of the change day', async () => {
      // 00:30 and 01:30 are skipped or repeated on one of these change days, depending on the zone.
      addGuild(temp.db, 'g0030', zone, '00:30');
      addGuild(temp.db, 'g0130', zone, '01:30');
      const start = Date.parse(`${change}T00:00:00Z`) - 2 * DAY;
      await tickEveryMinute(ctx, start, start + 4 * DAY);
      for (const guildId of ['g0030', 'g0130']) {
        const services = postsOf(temp.db, guildId).filter((p) => p.kind === 'service');
        expect(new Set(services.map((p) => p.localDate)).size).toBe(services.length);
        expect(services.map((p) => p.localDate)).toContain(change);
      }
    });
  });

  it('a post missed while the bot was down goes out when it is back, the same local day', async () => {
    addGuild(temp.db, 'g', 'America/Sao_Paulo');
    // Down from 08:00 to 11:00 local (BRT = UTC−3) on 2026-11-27.
    await tickEveryMinute(ctx, Date.parse('2026-11-27T10:00:00Z'), Date.parse('2026-11-27T11:00:00Z'));
    expect(sender.sent).toHaveLength(0);
    const back = Date.parse('2026-11-27T14:00:00Z');
    await tickEveryMinute(ctx, back, back + 30 * MINUTE);
    const posts = postsOf(temp.db, 'g');
    expect(posts.map((p) => [p.kind, p.localDate, p.postedAt])).toEqual([
      ['service', '2026-11-27', back],
      ['question', '2026-11-27', back],
    ]);
    expect(sender.sent).toHaveLength(2);
  });

  it('is not made up on the next day when the whole local day was missed', async () => {
    addGuild(temp.db, 'g', 'America/Sao_Paulo');
    await runDailyTick(ctx, Date.parse('2026-11-28T02:59:00Z')); // 23:59 local on the 27th
    await runDailyTick(ctx, Date.parse('2026-11-28T03:30:00Z')); // 00:30 on the 28th: not due yet
    expect(sender.sent).toHaveLength(1 + 1);
    expect(postsOf(temp.db, 'g').map((p) => p.localDate)).toEqual(['2026-11-27', '2026-11-27']);
  });

  it('two restarts inside one minute (two connections to the same file) post once', async () => {
    addGuild(temp.db, 'g', 'Europe/Lisbon');
    const now = Date.parse('2026-11-27T09:00:20Z');
    const first = openDatabase(temp.path);
    await runDailyTick({ ...ctx, ...connection(first) }, now);
    closeDatabase(first);
    const second = openDatabase(temp.path);
    await runDailyTick({ ...ctx, ...connection(second) }, now + 10_000);
    closeDatabase(second);
    expect(sender.sent).toHaveLength(2);
    expect(postsOf(temp.db, 'g')).toHaveLength(2);
  });

  it('two overlapping ticks on two connections: a claim in flight is never sent twice', async () => {
    addGuild(temp.db, 'g', 'Europe/Lisbon');
    const now = Date.parse('2026-11-27T09:00:00Z');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Process A is slow: its first send (the service card) hangs until released.
    const slowSender = new FakeSender();
    const send = slowSender.send.bind(slowSender);
    slowSender.send = async (...args) => {
      await gate;
      return send(...args);
    };
    const a = openDatabase(temp.path);
    const b = openDatabase(temp.path);
    const tickA = runDailyTick({ ...ctx, ...connection(a), sender: slowSender }, now);
    // Process B ticks meanwhile: the service is claimed (in flight), so it only posts the question.
    await runDailyTick({ ...ctx, ...connection(b), sender }, now + 5_000);
    release();
    await tickA;
    await runDailyTick({ ...ctx, ...connection(a), sender: slowSender }, now + MINUTE);
    await runDailyTick({ ...ctx, ...connection(b), sender }, now + MINUTE);
    closeDatabase(a);
    closeDatabase(b);
    const kindOf = (m: { message: { embeds?: unknown } }) => (m.message.embeds ? 'service' : 'question');
    expect(slowSender.sent.map(kindOf)).toEqual(['service']);
    expect(sender.sent.map(kindOf)).toEqual(['question']);
    expect(postsOf(temp.db, 'g').every((p) => p.messageId !== null)).toBe(true);
  });

  describe('when Discord refuses the channel', () => {
    const nineLisbon = Date.parse('2026-11-27T09:00:00Z');
    beforeEach(() => addGuild(temp.db, 'g', 'Europe/Lisbon'));

    it.each([
      { status: 403, code: 50013 },
      { status: 403, code: 50001 },
      { status: 404, code: 10003 },
    ])('($code) records the error, releases the claim and waits for a settings change', async (refusal) => {
      sender.refuse('ch-g', refusal);
      let attempts = 0;
      const countingSend = sender.send.bind(sender);
      sender.send = (...args) => {
        attempts++;
        return countingSend(...args);
      };
      await tickEveryMinute(ctx, nineLisbon, nineLisbon + 60 * MINUTE);
      expect(attempts).toBe(1); // not every minute
      expect(postsOf(temp.db, 'g')).toHaveLength(0);
      const guild = temp.db.select().from(guilds).where(eq(guilds.id, 'g')).get()!;
      expect(guild.lastDailyError).toContain(String(refusal.code));
      expect(guild.lastDailyErrorAt).toBe(nineLisbon);

      // The admin picks another channel: the next tick posts there, once.
      updateDailySettings(temp.db, 'g', { dailyChannelId: 'ch-new' }, 'UTC', nineLisbon + 61 * MINUTE);
      await tickEveryMinute(ctx, nineLisbon + 62 * MINUTE, nineLisbon + 70 * MINUTE);
      expect(sender.sent.map((m) => m.channelId)).toEqual(['ch-new', 'ch-new']);
      expect(postsOf(temp.db, 'g').map((p) => p.localDate)).toEqual(['2026-11-27', '2026-11-27']);
    });

    it('a refusal of one post that is not about the channel still lets the other kind go out', async () => {
      sender.failNextSend(apiError(400, 50035, 'POST')); // e.g. an invalid service card
      const tick = await runDailyTick(ctx, nineLisbon);
      expect(tick.failed.map((f) => f.kind)).toEqual(['service']);
      expect(tick.posted.map((p) => p.kind)).toEqual(['question']);
      expect(postsOf(temp.db, 'g').map((p) => p.kind)).toEqual(['question']);
      // The card is not retried every minute either.
      await tickEveryMinute(ctx, nineLisbon + MINUTE, nineLisbon + 30 * MINUTE);
      expect(sender.sent).toHaveLength(1);
    });

    it('tries again on the next local day without any settings change', async () => {
      sender.refuse('ch-g', { status: 403, code: 50013 });
      await tickEveryMinute(ctx, nineLisbon, nineLisbon + 10 * MINUTE);
      sender.refuse('ch-g', null); // permission given back, nobody touched /config
      await tickEveryMinute(ctx, nineLisbon + 10 * MINUTE, nineLisbon + 30 * MINUTE);
      expect(sender.sent).toHaveLength(0);
      await tickEveryMinute(ctx, nineLisbon + DAY, nineLisbon + DAY + 5 * MINUTE);
      expect(postsOf(temp.db, 'g').map((p) => p.localDate)).toEqual(['2026-11-28', '2026-11-28']);
    });

    it('an error from a send that started before a settings change is not recorded over the new settings', async () => {
      const send = sender.send.bind(sender);
      sender.send = () => {
        // The admin fixes the channel while this (doomed) send is in flight.
        updateDailySettings(temp.db, 'g', { dailyChannelId: 'ch-fixed' }, 'UTC', nineLisbon);
        sender.send = send;
        return Promise.reject(apiError(403, 50013, 'POST'));
      };
      await runDailyTick(ctx, nineLisbon);
      const guild = temp.db.select().from(guilds).where(eq(guilds.id, 'g')).get()!;
      expect(guild.lastDailyError).toBeNull();
      await runDailyTick(ctx, nineLisbon + MINUTE);
      expect(sender.sent.map((m) => m.channelId)).toEqual(['ch-fixed', 'ch-fixed']);
    });
  });

  it('an unknown send outcome keeps the claim (no duplicate) and is taken over later with the same nonce', async () => {
    addGuild(temp.db, 'g', 'Europe/Lisbon');
    const nine = Date.parse('2026-11-27T09:00:00Z');
    sender.failNextSend(new Error('socket hang up')); // the service card: did it arrive? unknown
    await runDailyTick(ctx, nine);
    const claimed = postsOf(temp.db, 'g');
    expect(claimed.map((p) => [p.kind, p.messageId === null])).toEqual([
      ['service', true],
      ['question', false],
    ]);
    expect(sender.sent).toHaveLength(1);
    // Not blocked: nothing is retried while a live send could still be running, then the stale claim is
    // taken over the same day.
    await tickEveryMinute(ctx, nine + MINUTE, nine + STALE_CLAIM_MS - MINUTE);
    expect(sender.sent).toHaveLength(1);
    await tickEveryMinute(ctx, nine + STALE_CLAIM_MS - MINUTE, nine + STALE_CLAIM_MS + 2 * MINUTE);
    // Same row, same nonce: Discord drops the repeat if the first send did arrive.
    expect(sender.sent.map((m) => m.nonce)).toEqual([`daily-${claimed[1]!.id}`, `daily-${claimed[0]!.id}`]);
    expect(postsOf(temp.db, 'g').map((p) => [p.id, p.messageId !== null])).toEqual([
      [claimed[0]!.id, true],
      [claimed[1]!.id, true],
    ]);
  });

  it('a question of the day whose message id was lost still closes the next day', async () => {
    addGuild(temp.db, 'g', 'UTC');
    const day1 = Date.parse('2026-11-27T09:00:00Z');
    await runDailyTick(ctx, day1);
    const question = postsOf(temp.db, 'g').find((p) => p.kind === 'question')!;
    // As after a crash between Discord accepting the post and the id being stored.
    temp.db.update(dailyPosts).set({ messageId: null }).where(eq(dailyPosts.id, question.id)).run();
    await runDailyTick(ctx, day1 + DAY);
    const closed = temp.db.select().from(dailyPosts).where(eq(dailyPosts.id, question.id)).get()!;
    expect(closed.closedAt).not.toBeNull();
  });

  it("the next day's tick edits the previous question with its result and closes it", async () => {
    addGuild(temp.db, 'g', 'UTC');
    const day1 = Date.parse('2026-11-27T09:00:00Z');
    await runDailyTick(ctx, day1);
    const question = postsOf(temp.db, 'g').find((p) => p.kind === 'question')!;
    const q = deck.questionById.get(question.subject)!;
    const right = q.answers;
    const wrong =
      q.type === 'order'
        ? [...right].reverse()
        : q.type === 'multi'
          ? [1, 3]
          : [(right[0]! + 1) % q.options.length];
    for (const [user, choice] of [
      ['u1', right],
      ['u2', right],
      ['u3', wrong],
    ] as const) {
      recordAnswer(temp, {
        guildId: 'g',
        userId: user,
        questionId: q.id,
        kind: 'daily',
        dailyPostId: question.id,
        choice: [...choice],
        correct: choice === right,
        responseMs: 1000,
        points: choice === right ? 1000 : 0,
        domain: q.domain,
        topic: q.topic,
        answeredAt: day1 + 1000,
      });
    }
    await tickEveryMinute(ctx, day1 + MINUTE, day1 + 10 * MINUTE);
    expect(sender.sent.find((m) => m.messageId === question.messageId)?.edits).toEqual([]);

    await runDailyTick(ctx, day1 + DAY);
    const edited = sender.sent.find((m) => m.messageId === question.messageId)!;
    expect(edited.edits).toHaveLength(1);
    expect(edited.edits[0]?.content).toContain('Acertaram: **2** de **3** (67%)');
    expect(edited.edits[0]?.embeds?.[0]?.description?.startsWith(q.explanation)).toBe(true);
    const components = JSON.stringify(edited.edits[0]?.components);
    expect(components).toContain('"disabled":true');
    expect(components).not.toContain('"disabled":false');
    const closed = temp.db
      .select()
      .from(dailyPosts)
      .where(and(eq(dailyPosts.id, question.id)))
      .get()!;
    expect(closed.closedAt).toBe(day1 + DAY);
    // The new question is open.
    expect(postsOf(temp.db, 'g').filter((p) => p.kind === 'question' && p.closedAt === null)).toHaveLength(1);
  });

  it('rotates services without repeats: every service once over as many days as there are services', async () => {
    addGuild(temp.db, 'g', 'UTC');
    addGuild(temp.db, 'h', 'UTC');
    const services = deck.deck.services.length;
    for (let day = 0; day < services * 2; day++) {
      await runDailyTick(ctx, Date.parse('2026-11-01T09:00:00Z') + day * DAY);
    }
    for (const guildId of ['g', 'h']) {
      const subjects = postsOf(temp.db, guildId)
        .filter((p) => p.kind === 'service')
        .map((p) => p.subject);
      expect(subjects).toHaveLength(services * 2);
      const names = deck.deck.services.map((s) => s.name).sort();
      expect([...subjects.slice(0, services)].sort()).toEqual(names);
      expect([...subjects.slice(services)].sort()).toEqual(names);
    }
    // Each server has its own order.
    const orderOf = (g: string) =>
      postsOf(temp.db, g)
        .filter((p) => p.kind === 'service')
        .map((p) => p.subject)
        .join();
    expect(orderOf('g')).not.toBe(orderOf('h'));
    // Questions of the day do not repeat while unseen ones are left.
    const questions = postsOf(temp.db, 'g')
      .filter((p) => p.kind === 'question')
      .map((p) => p.subject);
    expect(new Set(questions.slice(0, deck.deck.questions.length)).size).toBe(deck.deck.questions.length);
  });

  it('posts only the kinds that are on, and nothing without a channel', async () => {
    addGuild(temp.db, 'g', 'UTC');
    temp.db.insert(guilds).values({ id: 'none', timezone: 'UTC', createdAt: 0 }).run();
    updateDailySettings(temp.db, 'g', { serviceCardEnabled: false }, 'UTC', 0);
    await runDailyTick(ctx, Date.parse('2026-11-27T09:00:00Z'));
    expect(postsOf(temp.db, 'g').map((p) => p.kind)).toEqual(['question']);
    expect(postsOf(temp.db, 'none')).toEqual([]);
  });
});
