import type { AnswerBatcher } from './answer-batcher';
import type { RoundRunner } from './round-runner';

/** What the quiz offers commands and buttons through the app context. */
export interface QuizServices {
  /** Records answer clicks, group-committed; always there (answers are accepted before rounds resume). */
  answers: AnswerBatcher;
  /** Drives rounds; set by the quiz feature when it starts, absent when the bot runs without it (tests). */
  rounds?: RoundRunner;
}
