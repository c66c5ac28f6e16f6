import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStores } from '../../src/app/stores';
import { changeDailySettings } from '../../src/config/daily-settings';
import { closeDatabase, openDatabase } from '../../src/db/database';
import { guilds } from '../../src/db/schema';
import { seededRandom } from '../../src/deck/random';
import {
  nothingSwitched,
  RebuildStopped,
  type SlicedRebuildOptions,
} from '../../src/leaderboard/sliced-rebuild';
import { StandingsRebuilder } from '../../src/leaderboard/standings-rebuilder';
import { captureLogs } from '../support/log-capture';
import { seedAnswer, seedGuild } from '../support/seed-answers';
import { allStandings, standingsFromScratch } from '../support/standings-rows';
import { steppedPause } from '../support/stepped-pause';
import { createTempDb, type TempDb } from '../support/temp-db';

const LISBON = 'Europe/Lisbon';
const SAO_PAULO = 'America/Sao_Paulo';
const TOKYO = 'Asia/Tokyo';

/** Every switch in small slices with the test's pause (the bot's rebuilder runs with its own). */
class SlicedRebuilder extends StandingsRebuilder {
  constructor(
    data: TempDb,
    private readonly slicing: Omit<SlicedRebuildOptions, 'timeZone' | 'signal'>,
  ) {
    super(data);
  }

  override switchTimeZone(
    guildId: string,
    timeZone: string,
    options: Omit<SlicedRebuildOptions, 'timeZone' | 'signal'> = {},
  ) {
    return super.switchTimeZone(guildId, timeZone, { ...this.slicing, ...options });
  }
}

/** Answers over 2026 in g1, some on Monday mornings UTC (Sunday in São Paulo, so weeks move). */
function seedYear(temp: TempDb, count: number): void {
  const random = seededRandom('resume');
  const start = Date.UTC(2026, 0, 5);
  for (let i = 0; i < count; i += 1) {
    const week = Math.floor(random() * 50);
    const answeredAt =
      i % 3 === 0
        ? start + week * 7 * 86_400_000 + 2 * 3_600_000 // Monday 02:00 UTC
        : start + Math.floor(random() * 350 * 86_400_000);
    seedAnswer(temp, { userId: `u${i % 7}`, points: 10 + (i % 90), answeredAt });
  }
}

/** Lets the stepped rebuild go slice by slice until `ready`; fails if it ends first. */
async function stepUntil(
  stepper: ReturnType<typeof steppedPause>,
  work: Promise<unknown>,
  ready: () => boolean,
): Promise<void> {
  const ended = work.then(
    () => true,
    () => true,
  );
  for (let first = true; first || !ready(); first = false) {
    if (!first) stepper.resume();
    if (await Promise.race([stepper.next().then(() => false), ended])) {
      throw new Error('the rebuild ended before the state the test waits for');
    }
  }
}

describe('a time-zone switch across a stop', () => {
  let temp: TempDb;
  beforeEach(() => {
    temp = createTempDb();
    seedGuild(temp.db, LISBON);
    seedGuild(temp.db, 'UTC', 'other');
  });
  afterEach(() => temp.cleanup());

  const settings = (guildId = 'g1') =>
    temp.db
      .select({ zone: guilds.timezone, pending: guilds.pendingTimezone })
      .from(guilds)
      .where(eq(guilds.id, guildId))
      .get();
  const rowsIn = (zone: string) => allStandings(temp.db).filter((r) => r.zone === zone).length;
  /** The rows readers and the click path use: all-time ones and those of the zone the server has now. */
  const visible = () => allStandings(temp.db).filter((r) => r.zone === '' || r.zone === settings()?.zone);
  /** What /config does for `/config timezone`. */
  const ask = (rebuilder: StandingsRebuilder, timezone: string, guildId = 'g1') =>
    changeDailySettings(temp.db, rebuilder, guildId, { timezone }, 'UTC', 0).zoneSwitch!;

  it('stopped mid-way, leaves the old zone and standings and keeps the pending zone; a new rebuilder resumes it', async () => {
    seedYear(temp, 400);
    const before = allStandings(temp.db);
    const stepper = steppedPause();
    const rebuilder = new SlicedRebuilder(temp, { sliceSize: 20, pause: stepper.pause });
    const zoneSwitch = ask(rebuilder, SAO_PAULO);
    expect(settings()).toEqual({ zone: LISBON, pending: SAO_PAULO });
    await stepUntil(stepper, zoneSwitch, () => rowsIn(SAO_PAULO) > 0);

    let stopped = false;
    const stopping = rebuilder.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false); // the rebuild sits in a pause: stop() waits for its slice to end
    stepper.resume();
    await stopping;
    await expect(zoneSwitch).rejects.toBeInstanceOf(RebuildStopped);
    expect(settings()).toEqual({ zone: LISBON, pending: SAO_PAULO });
    expect(rowsIn(SAO_PAULO)).toBeGreaterThan(0); // half-built, unread, left for the next run
    expect(visible()).toEqual(before);
    expect(visible()).toEqual(standingsFromScratch(temp.db));

    const logs = captureLogs('info');
    await new StandingsRebuilder(temp).resumePending(() => true, logs.logger);
    expect(settings()).toEqual({ zone: SAO_PAULO, pending: null });
    const after = allStandings(temp.db);
    expect(after).toEqual(standingsFromScratch(temp.db)); // no half-built or old rows left over
    expect(after).not.toEqual(before); // the switch did move answers between weeks
    expect(logs.lines.map((l) => l.msg)).toEqual([
      'resuming a time zone switch',
      'time zone switched, standings rebuilt',
    ]);
  });

  it('stop() returns once the switch has ended, so the database can close right after', async () => {
    seedYear(temp, 1500);
    // A connection of its own, closed right after stop() as the bot closes its database.
    const db = openDatabase(temp.path);
    const rebuilder = new StandingsRebuilder({ db, stores: createStores(db) });
    const zoneSwitch = changeDailySettings(
      db,
      rebuilder,
      'g1',
      { timezone: SAO_PAULO },
      'UTC',
      0,
    ).zoneSwitch!;
    let ended = false;
    zoneSwitch.catch(() => undefined).finally(() => (ended = true));
    // The rebuilder's own pause (no test hook): on until some of the new zone's rows are written.
    while (rowsIn(SAO_PAULO) === 0 && !ended) await new Promise((resolve) => setImmediate(resolve));
    expect(settings()?.zone).toBe(LISBON);
    await rebuilder.stop();
    expect(ended).toBe(true);
    closeDatabase(db);
    await expect(zoneSwitch).rejects.toBeInstanceOf(RebuildStopped);
    expect(settings()).toEqual({ zone: LISBON, pending: SAO_PAULO });
    expect(visible()).toEqual(standingsFromScratch(temp.db));
  });

  it('a later request replaces the pending zone, and the resumed switch ends in it', async () => {
    seedYear(temp, 200);
    const stepper = steppedPause();
    const rebuilder = new SlicedRebuilder(temp, { sliceSize: 20, pause: stepper.pause });
    const first = ask(rebuilder, SAO_PAULO);
    await stepUntil(stepper, first, () => rowsIn(SAO_PAULO) > 0);
    const second = ask(rebuilder, TOKYO);
    expect(settings()).toEqual({ zone: LISBON, pending: TOKYO });
    const stopping = rebuilder.stop();
    stepper.resume();
    await stopping;
    await expect(first).rejects.toBeInstanceOf(RebuildStopped);
    await expect(second).rejects.toBeInstanceOf(RebuildStopped); // queued: never started
    expect(settings()).toEqual({ zone: LISBON, pending: TOKYO });

    await new StandingsRebuilder(temp).resumePending(() => true, captureLogs('warn').logger);
    expect(settings()).toEqual({ zone: TOKYO, pending: null });
    expect(allStandings(temp.db)).toEqual(standingsFromScratch(temp.db));
  });

  it('asked back to the zone in use while another switch runs, a restart in between comes back to it', async () => {
    seedYear(temp, 200);
    const stepper = steppedPause();
    const rebuilder = new SlicedRebuilder(temp, { sliceSize: 20, pause: stepper.pause });
    const away = ask(rebuilder, SAO_PAULO);
    await stepUntil(stepper, away, () => rowsIn(SAO_PAULO) > 0);
    const back = ask(rebuilder, LISBON);
    expect(settings()).toEqual({ zone: LISBON, pending: LISBON });
    // The first switch goes in (it leaves the request for another zone alone), its old rows go, and
    // the way back has written some rows when the bot stops.
    await stepUntil(stepper, back, () => settings()?.zone === SAO_PAULO && rowsIn(LISBON) === 0);
    await stepUntil(stepper, back, () => rowsIn(LISBON) > 0);
    expect(settings()).toEqual({ zone: SAO_PAULO, pending: LISBON });
    const stopping = rebuilder.stop();
    stepper.resume();
    await stopping;
    await expect(away).resolves.toMatchObject({ slices: expect.any(Number) });
    await expect(back).rejects.toBeInstanceOf(RebuildStopped);

    await new StandingsRebuilder(temp).resumePending(() => true, captureLogs('warn').logger);
    expect(settings()).toEqual({ zone: LISBON, pending: null });
    expect(allStandings(temp.db)).toEqual(standingsFromScratch(temp.db));
  });

  it('a request for the zone in use with no switch on its way leaves nothing pending', async () => {
    const change = ask(new StandingsRebuilder(temp), LISBON);
    expect(settings()).toEqual({ zone: LISBON, pending: null });
    await expect(change).resolves.toEqual(nothingSwitched());
  });

  it('a failed switch forgets its pending zone (the old one stays, as /config said), and so does a way back', async () => {
    seedYear(temp, 100);
    const rebuilder = new SlicedRebuilder(temp, {
      sliceSize: 10,
      pause: () => Promise.reject(new Error('disk on fire')),
    });
    await expect(ask(rebuilder, SAO_PAULO)).rejects.toThrow('disk on fire');
    expect(settings()).toEqual({ zone: LISBON, pending: null });
    // Asked back to the zone in use while it runs: once it has failed there is nothing left to do.
    const failing = ask(rebuilder, SAO_PAULO);
    const back = ask(rebuilder, LISBON);
    expect(settings()).toEqual({ zone: LISBON, pending: LISBON });
    await expect(failing).rejects.toThrow('disk on fire');
    await expect(back).resolves.toEqual(nothingSwitched());
    expect(settings()).toEqual({ zone: LISBON, pending: null });
  });

  it('resumes only the switches of servers this process owns', async () => {
    seedYear(temp, 50);
    const stopped = new StandingsRebuilder(temp);
    await stopped.stop();
    await expect(ask(stopped, SAO_PAULO)).rejects.toBeInstanceOf(RebuildStopped);
    await expect(ask(stopped, TOKYO, 'other')).rejects.toBeInstanceOf(RebuildStopped);
    expect([settings(), settings('other')]).toEqual([
      { zone: LISBON, pending: SAO_PAULO },
      { zone: 'UTC', pending: TOKYO },
    ]);

    await new StandingsRebuilder(temp).resumePending((id) => id === 'g1', captureLogs('warn').logger);
    expect([settings(), settings('other')]).toEqual([
      { zone: SAO_PAULO, pending: null },
      { zone: 'UTC', pending: TOKYO },
    ]);
  });
});
