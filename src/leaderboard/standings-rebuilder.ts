import type { WalCheckpointer } from '../db/wal-checkpointer';
import { createWalRoom } from '../db/wal-room';
import type { WithStores } from '../db/with-stores';
import type { Logger } from '../shared/logger';
import type { RebuildStore } from './rebuild-store';
import { rebuildOnThread, type RebuildRunner, type RebuildThreadOptions } from './rebuild-thread';
import {
  nothingSwitched,
  RebuildStopped,
  rebuildStandingsInSlices,
  yieldToEventLoop,
  type Pause,
  type SlicedRebuildOptions,
  type SlicedRebuildResult,
} from './sliced-rebuild';

/**
 * Owns the running time-zone rebuilds, one queue per server: a second change waits for the first, so
 * two rebuilds never swap standings over each other. Created once by the composition root, which puts
 * it on the app context (`ctx.standings`), resumes the switches left pending at start-up and stops it
 * before the database closes.
 */
export class StandingsRebuilder {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly stopping = new AbortController();
  /** Between slices: the event loop runs, and a WAL the checkpoint thread has not caught up with waits. */
  readonly pause: Pause;
  private readonly inProcess: RebuildRunner;
  private readonly run: RebuildRunner;

  /**
   * With `thread` (a database file), each switch runs on a thread of its own (rebuild-thread.ts);
   * without, in this thread between pauses.
   */
  constructor(
    private readonly data: WithStores<{ rebuild: RebuildStore }>,
    {
      checkpointer,
      thread,
    }: {
      checkpointer?: Pick<WalCheckpointer, 'caughtUp'>;
      thread?: Omit<RebuildThreadOptions, 'checkpointer' | 'inProcess'>;
    } = {},
  ) {
    const walRoom = createWalRoom(data.db, checkpointer);
    this.pause = async () => {
      await yieldToEventLoop();
      await walRoom.wait();
    };
    this.inProcess = (guildId, options) =>
      rebuildStandingsInSlices(this.data, guildId, { pause: this.pause, ...options });
    this.run = thread
      ? rebuildOnThread({ ...thread, ...(checkpointer ? { checkpointer } : {}), inProcess: this.inProcess })
      : this.inProcess;
  }

  /**
   * Rebuilds the server's standings in `timeZone` and stores the zone once they are in (see
   * sliced-rebuild). Settles the server's pending request for that zone: cleared by the switch, or when
   * there is nothing to switch or the rebuild fails (/config said the old zone stays); kept when the
   * rebuilder stops first (RebuildStopped), so the next start resumes it.
   */
  switchTimeZone(
    guildId: string,
    timeZone: string,
    options: Omit<SlicedRebuildOptions, 'timeZone' | 'signal'> = {},
  ): Promise<SlicedRebuildResult> {
    const store = this.data.stores.rebuild;
    const before = this.queues.get(guildId) ?? Promise.resolve();
    const next = before
      .catch(() => undefined) // the earlier change's caller hears about its own failure
      .then(async () => {
        if (this.stopping.signal.aborted) throw new RebuildStopped(guildId, timeZone);
        // Checked when its turn comes: an earlier switch in the queue may have changed the zone.
        if (store.guildZone(guildId) === timeZone) {
          store.dropPendingZone(guildId, timeZone);
          return nothingSwitched();
        }
        // A pause of the caller's own (tests stepping through the slices) can only run in this thread.
        const run = options.pause ? this.inProcess : this.run;
        try {
          return await run(guildId, { ...options, timeZone, signal: this.stopping.signal });
        } catch (error) {
          if (!(error instanceof RebuildStopped)) store.dropPendingZone(guildId, timeZone);
          throw error;
        }
      });
    this.queues.set(guildId, next);
    void next
      .finally(() => {
        if (this.queues.get(guildId) === next) this.queues.delete(guildId);
      })
      .catch(() => undefined);
    return next;
  }

  /**
   * At start-up: queues the switches a stop or a crash cut short, for the servers this process owns
   * (other shards resume theirs), and logs how each ends. Resolves once they have all settled.
   */
  async resumePending(ownsGuild: (guildId: string) => boolean, logger: Logger): Promise<void> {
    let pending: ReturnType<RebuildStore['pendingSwitches']>;
    try {
      pending = this.data.stores.rebuild.pendingSwitches();
    } catch (error) {
      logger.error({ err: error }, 'could not read the pending time zone switches; none resumed');
      return;
    }
    const resumed = pending
      .filter(({ guildId }) => ownsGuild(guildId))
      .map(({ guildId, timezone, pendingTimezone }) => {
        const about = { guildId, from: timezone, timezone: pendingTimezone };
        logger.info(about, 'resuming a time zone switch');
        return this.switchTimeZone(guildId, pendingTimezone).then(
          (result) => logger.info({ ...about, ...result }, 'time zone switched, standings rebuilt'),
          (error: unknown) =>
            error instanceof RebuildStopped
              ? logger.info(about, 'time zone switch stopped with the bot; it resumes at the next start')
              : logger.error({ ...about, err: error }, 'time zone switch failed; old zone kept'),
        );
      });
    await Promise.all(resumed);
  }

  /** Resolves once every rebuild queued so far has finished (tests). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.queues.values()]);
  }

  /**
   * Ends the running switches at their next slice boundary, without switching (the old zone and its
   * standings stay, and so do the pending zones, for the next start), and waits for them: the database
   * can close after this. Switches asked for later do not start.
   */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.settled();
  }
}
