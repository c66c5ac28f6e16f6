import type { Worker } from 'node:worker_threads';
import type { Question } from '../deck/types';
import type { Logger } from '../shared/logger';
import { fromWire } from '../shared/wire-error';
import { findWorker, startWorker, type WorkerLocation } from '../shared/worker-thread';
import type { Click } from './decide-batch';
import type { ThreadReply, ThreadRequest, WorkerSetup } from './answer-wire';
import type { AnswerRecorder } from './quiz-services';
import type { SubmitInput, SubmitResult } from './submit-answer';

/** answer-worker's file (see findWorker). */
export const findAnswerWorker = (): WorkerLocation | undefined =>
  findWorker(import.meta.url, 'quiz', 'answer-worker');

export interface AnswerThreadOptions {
  /** The database file (the thread opens its own connection to it). */
  path: string;
  questions: readonly Question[];
  logger: Logger;
  /** Decides clicks when the thread cannot start or has died: the in-process batcher. */
  fallback: AnswerRecorder;
  /** No checkpoint thread runs: the thread's connection checkpoints as SQLite does by default. */
  autoCheckpoint?: boolean;
  /** Defaults to findAnswerWorker(); tests point it at a worker that fails. */
  worker?: WorkerLocation;
}

interface Pending {
  click: Click;
  resolve(result: SubmitResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit on a worker thread: clicks are decided (read, score, write the answer and its 9
 * standings rows, commit) on the thread's own SQLite connection, so the event loop that acknowledges
 * Discord spends none of its time in SQLite or in its busy waits (a checkpoint holding the write lock).
 * That work was about half of a click's CPU on the event loop (bench/click.bench.ts).
 *
 * One batch is with the thread at a time; clicks that arrive meanwhile form the next one, so the batch
 * grows with the load and a quiet spell's click goes at the end of its event-loop turn. A member hears
 * "registered" only after the thread committed the answer, as before. If the thread cannot start or
 * dies, clicks go to `fallback` (the in-process batcher); the clicks of the batch it had are refused
 * with an error (they may or may not be on disk: a second click says which).
 */
export class AnswerThread implements AnswerRecorder {
  private readonly worker: Worker | undefined;
  private queue: Pending[] = [];
  private inFlight: { id: number; batch: Pending[] } | undefined;
  private nextId = 1;
  private scheduled = false;
  private idle: Array<() => void> = [];
  private failedOver = false;
  private stopping = false;
  /** The thread has opened its connection: from here a batch it had may be on disk when it dies. */
  private ready = false;

  constructor(private readonly options: AnswerThreadOptions) {
    const location = options.worker ?? findAnswerWorker();
    if (!location) {
      options.logger.warn(
        'answer thread file not found (run `npm run build`): clicks are decided in-process',
      );
      this.failedOver = true;
      return;
    }
    const setup: WorkerSetup = {
      path: options.path,
      questions: options.questions,
      autoCheckpoint: options.autoCheckpoint ?? false,
    };
    this.worker = startWorker(location, setup);
    this.worker.on('message', (reply: ThreadReply) => this.onReply(reply));
    this.worker.on('error', (error) => this.failOver(error));
    this.worker.on('exit', (code) => this.failOver(new Error(`answer thread exited with code ${code}`)));
  }

  /** Whether clicks are decided on the thread (false once it failed and the fallback took over). */
  get onThread(): boolean {
    return !this.failedOver;
  }

  submit(now: number, input: SubmitInput): Promise<SubmitResult> {
    if (this.failedOver) return this.options.fallback.submit(now, input);
    if (this.stopping) return Promise.reject(new Error('the answer thread is stopped'));
    return new Promise((resolve, reject) => {
      this.queue.push({ click: { now, input }, resolve, reject });
      if (this.scheduled || this.inFlight) return;
      this.scheduled = true;
      // The clicks of this event-loop turn go together.
      setImmediate(() => {
        this.scheduled = false;
        this.send();
      });
    });
  }

  settled(): Promise<void> {
    const fallbackSettled = this.failedOver ? this.options.fallback.settled() : Promise.resolve();
    if (!this.inFlight && this.queue.length === 0) return fallbackSettled;
    return new Promise<void>((resolve) => this.idle.push(resolve)).then(() => this.settled());
  }

  /** Tells the thread's connection to checkpoint by itself: the checkpoint thread has stopped. */
  checkpointByItself(): void {
    if (!this.failedOver && !this.stopping) this.post({ type: 'auto-checkpoint' });
  }

  async stop(): Promise<void> {
    await this.settled();
    if (this.stopping) return;
    this.stopping = true;
    const worker = this.worker;
    if (!worker || this.failedOver) return;
    const closed = new Promise<void>((resolve) =>
      worker.on('message', (reply: ThreadReply) => reply.type === 'closed' && resolve()),
    );
    this.post({ type: 'close' });
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2000))]);
    await worker.terminate();
  }

  private post(request: ThreadRequest): void {
    this.worker!.postMessage(request);
  }

  private send(): void {
    if (this.inFlight || this.failedOver) return;
    if (this.queue.length === 0) {
      for (const resolve of this.idle.splice(0)) resolve();
      return;
    }
    this.inFlight = { id: this.nextId++, batch: this.queue };
    this.queue = [];
    this.post({ type: 'batch', id: this.inFlight.id, clicks: this.inFlight.batch.map((p) => p.click) });
  }

  private onReply(reply: ThreadReply): void {
    if (reply.type === 'ready') {
      this.ready = true;
      return;
    }
    if (reply.type === 'closed') return;
    const inFlight = this.inFlight;
    if (!inFlight || inFlight.id !== reply.id) return;
    this.inFlight = undefined;
    if (reply.type === 'failed') {
      const error = fromWire(reply.error);
      for (const pending of inFlight.batch) pending.reject(error);
    } else {
      inFlight.batch.forEach((pending, i) => {
        const outcome = reply.outcomes[i]!;
        if (outcome.ok) pending.resolve(outcome.result);
        else pending.reject(fromWire(outcome.error));
      });
    }
    // Clicks that came in meanwhile have waited long enough: they go now, as one batch.
    this.send();
  }

  private failOver(reason: unknown): void {
    if (this.failedOver || this.stopping) return;
    this.failedOver = true;
    this.options.logger.error({ err: reason }, 'answer thread failed; clicks are decided in-process');
    const sent = this.inFlight?.batch ?? [];
    this.inFlight = undefined;
    // A thread that never got ready decided nothing: its batch goes to the fallback with the rest.
    const untouched = this.ready ? [] : sent;
    const unsure = new Error('the answer thread stopped before it confirmed this answer', { cause: reason });
    if (this.ready) for (const pending of sent) pending.reject(unsure);
    for (const { click, resolve, reject } of [...untouched, ...this.queue.splice(0)])
      this.options.fallback.submit(click.now, click.input).then(resolve, reject);
    for (const resolve of this.idle.splice(0)) resolve();
  }
}
