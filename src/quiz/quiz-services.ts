import type { RoundRunner } from './round-runner';
import type { SubmitInput, SubmitResult } from './submit-answer';

/**
 * Records answer clicks, group-committed: the in-process `AnswerBatcher`, or the `AnswerThread` that
 * decides them on a worker thread with its own connection (what the bot runs on a database file).
 */
export interface AnswerRecorder {
  /** Resolves once the click is decided and, when it counted, on disk. */
  submit(now: number, input: SubmitInput): Promise<SubmitResult>;
  /** Resolves once every click submitted so far is decided and on disk. */
  settled(): Promise<void>;
  /** Settles, then releases what the recorder holds (the thread and its connection, if any). */
  stop(): Promise<void>;
}

/** What the quiz offers commands and buttons through the app context. */
export interface QuizServices {
  /** Always there (answers are accepted before rounds resume). */
  answers: AnswerRecorder;
  /** Drives rounds; set by the quiz feature when it starts, absent when the bot runs without it (tests). */
  rounds?: RoundRunner;
}
