interface Waiter<T> {
  predicate: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export const DEFAULT_WAIT_MS = 5_000;

/** Promises that resolve with the first item matching a predicate, seen now or notified later. */
export class Waiters<T> {
  private readonly pending = new Set<Waiter<T>>();

  wait(
    predicate: (item: T) => boolean,
    options: { timeoutMs?: number; existing?: Iterable<T>; what: string },
  ): Promise<T> {
    for (const item of options.existing ?? []) {
      if (predicate(item)) return Promise.resolve(item);
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.pending.delete(waiter);
          reject(new Error(`Discord stand-in: timed out after ${timeoutMs} ms waiting for ${options.what}`));
        }, timeoutMs),
      };
      this.pending.add(waiter);
    });
  }

  notify(item: T): void {
    for (const waiter of [...this.pending]) {
      let matches = false;
      try {
        matches = waiter.predicate(item);
      } catch (error) {
        this.settle(waiter);
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      if (matches) {
        this.settle(waiter);
        waiter.resolve(item);
      }
    }
  }

  rejectAll(reason: string): void {
    for (const waiter of [...this.pending]) {
      this.settle(waiter);
      waiter.reject(new Error(`Discord stand-in: ${reason}`));
    }
  }

  private settle(waiter: Waiter<T>): void {
    clearTimeout(waiter.timer);
    this.pending.delete(waiter);
  }
}
