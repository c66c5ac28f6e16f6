import type { WalCheckpointer } from '../db/wal-checkpointer';
import { createWalRoom } from '../db/wal-room';
import type { WithStores } from '../db/with-stores';
import type { RebuildStore } from './rebuild-store';
import {
  rebuildStandingsInSlices,
  yieldToEventLoop,
  type Pause,
  type SlicedRebuildOptions,
  type SlicedRebuildResult,
} from './sliced-rebuild';

/**
 * Owns the running time-zone rebuilds, one queue per server: a second change waits for the first, so
 * two rebuilds never swap standings over each other. Created once by the composition root, which puts
 * it on the app context (`ctx.standings`).
 */
export class StandingsRebuilder {
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Between slices: the event loop runs, and a WAL the checkpoint thread has not caught up with waits. */
  readonly pause: Pause;

  constructor(
    private readonly data: WithStores<{ rebuild: RebuildStore }>,
    { checkpointer }: { checkpointer?: Pick<WalCheckpointer, 'caughtUp'> } = {},
  ) {
    const walRoom = createWalRoom(data.db, checkpointer);
    this.pause = async () => {
      await yieldToEventLoop();
      await walRoom.wait();
    };
  }

  /** Rebuilds the server's standings in `timeZone` and stores the zone once they are in (see sliced-rebuild). */
  switchTimeZone(
    guildId: string,
    timeZone: string,
    options: Omit<SlicedRebuildOptions, 'timeZone'> = {},
  ): Promise<SlicedRebuildResult> {
    const before = this.queues.get(guildId) ?? Promise.resolve();
    const next = before
      .catch(() => undefined) // the earlier change's caller hears about its own failure
      .then(() =>
        // Checked when its turn comes: an earlier switch in the queue may have changed the zone.
        this.data.stores.rebuild.guildZone(guildId) === timeZone
          ? { rows: 0, answers: 0, slices: 0 }
          : rebuildStandingsInSlices(this.data, guildId, { pause: this.pause, ...options, timeZone }),
      );
    this.queues.set(guildId, next);
    void next
      .finally(() => {
        if (this.queues.get(guildId) === next) this.queues.delete(guildId);
      })
      .catch(() => undefined);
    return next;
  }

  /** Resolves once every rebuild queued so far has finished (stopping the bot, tests). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.queues.values()]);
  }
}
