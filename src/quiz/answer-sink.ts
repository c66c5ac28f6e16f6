import { Worker } from 'node:worker_threads';
import type { Db } from '../db/database';
import type { Question } from '../deck/types';
import type { Logger } from '../logger';
import { AnswerBatcher } from './answer-batcher';
import type { SubmitInput, SubmitResult } from './submit-answer';

/** Where answer clicks are decided and written. */
export interface AnswerSink {
  submit(now: number, input: SubmitInput): Promise<SubmitResult>;
  /** Resolves once every click submitted so far is decided (and on disk): a reveal waits for this. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** On the main thread: group commit per event-loop turn. For ':memory:' databases and as a fallback. */
export function inlineAnswerSink(db: Db, questionById: ReadonlyMap<string, Question>): AnswerSink {
  const batcher = new AnswerBatcher(db, questionById);
  const inFlight = new Set<Promise<unknown>>();
  return {
    submit(now, input) {
      const result = batcher.submit(now, input);
      inFlight.add(result);
      void result.then(
        () => inFlight.delete(result),
        () => inFlight.delete(result),
      );
      return result;
    },
    async settled() {
      await Promise.allSettled([...inFlight]);
    },
    async close() {
      await Promise.allSettled([...inFlight]);
    },
  };
}

type WorkerReply = { id: number; result: SubmitResult } | { id: number; error: string };

/**
 * In a worker thread with its own SQLite connection: the commit of each batch (a write and, at WAL
 * checkpoints, an fsync) blocks that thread instead of the event loop that reads the gateway and sends
 * the acknowledgements. If the worker dies, clicks fall back to the main thread.
 */
export function workerAnswerSink(params: {
  databasePath: string;
  questions: readonly Question[];
  fallback: () => AnswerSink;
  logger: Logger;
}): AnswerSink {
  const worker = new Worker(new URL('./answer-worker-boot.mjs', import.meta.url), {
    workerData: { databasePath: params.databasePath, questions: params.questions },
  });
  const pending = new Map<number, { resolve(r: SubmitResult): void; reject(e: unknown): void }>();
  let nextId = 1;
  let fallback: AnswerSink | undefined;
  let closing = false;
  const idle: Array<() => void> = [];
  const notifyIdle = () => {
    if (pending.size === 0) for (const resolve of idle.splice(0)) resolve();
  };
  const useFallback = (reason: unknown) => {
    if (!fallback && !closing)
      params.logger.error({ err: reason }, 'answer worker failed; answering on the main thread');
    fallback ??= params.fallback();
    for (const [id, waiter] of pending) {
      pending.delete(id);
      waiter.reject(reason);
    }
    notifyIdle();
  };

  worker.on('message', (reply: WorkerReply) => {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if ('result' in reply) waiter.resolve(reply.result);
    else waiter.reject(new Error(reply.error));
    notifyIdle();
  });
  worker.on('error', useFallback);
  let hasExited = false;
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      hasExited = true;
      if (!closing) useFallback(new Error(`answer worker exited with code ${code}`));
      resolve();
    }),
  );

  return {
    submit(now, input) {
      if (fallback) return fallback.submit(now, input);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, now, input });
      });
    },
    async settled() {
      if (pending.size > 0) await new Promise<void>((resolve) => idle.push(resolve));
      await fallback?.settled();
    },
    async close() {
      closing = true;
      await this.settled();
      if (!hasExited) {
        worker.postMessage('close');
        // The worker closes its database and exits; do not wait forever on a stuck one.
        const timer = setTimeout(() => void worker.terminate(), 5000);
        await exited;
        clearTimeout(timer);
      }
      await fallback?.close();
    },
  };
}
