import { DiscordAPIError } from 'discord.js';
import { createLogger } from '../../src/shared/logger';
import type { Db } from '../../src/db/database';
import type { Question } from '../../src/deck/types';
import type { QuizChannelPort } from '../../src/quiz/channel-port';
import type { QuizMessagePayload } from '../../src/quiz/render';
import { RoundRunner } from '../../src/quiz/round-runner';
import { ManualScheduler } from '../support/manual-scheduler';

export interface PortCall {
  kind: 'send' | 'edit';
  channelId: string;
  messageId: string;
  payload: QuizMessagePayload;
}

/** A channel port that records what a round posts and edits, and can be told to fail like Discord. */
export class FakePort implements QuizChannelPort {
  calls: PortCall[] = [];
  failWith: { status: number; code: number } | null = null;
  private nextId = 1000;

  async send(channelId: string, payload: QuizMessagePayload): Promise<string> {
    this.throwIfFailing('POST', channelId);
    const messageId = String(this.nextId++);
    this.calls.push({ kind: 'send', channelId, messageId, payload });
    return messageId;
  }

  async edit(channelId: string, messageId: string, payload: QuizMessagePayload): Promise<void> {
    this.throwIfFailing('PATCH', channelId);
    this.calls.push({ kind: 'edit', channelId, messageId, payload });
  }

  get sends() {
    return this.calls.filter((c) => c.kind === 'send');
  }
  get edits() {
    return this.calls.filter((c) => c.kind === 'edit');
  }

  private throwIfFailing(method: string, channelId: string) {
    if (!this.failWith) return;
    throw new DiscordAPIError(
      { code: this.failWith.code, message: 'stand-in failure' },
      this.failWith.code,
      this.failWith.status,
      method,
      `/channels/${channelId}/messages`,
      {},
    );
  }
}

export class Clock {
  constructor(public value = Date.UTC(2026, 10, 27, 12, 0, 0)) {}
  now = () => this.value;
  advance(ms: number) {
    this.value += ms;
  }
}

export const silentLogger = createLogger('silent');

export function makeRunner(db: Db, questions: readonly Question[], clock: Clock, port = new FakePort()) {
  const scheduler = new ManualScheduler(clock.now);
  const runner = new RoundRunner({
    db,
    questionById: new Map(questions.map((q) => [q.id, q])),
    port,
    scheduler,
    now: clock.now,
    logger: silentLogger,
    nextQuestionDelayMs: 3000,
  });
  return { runner, scheduler, port };
}
