import { dailyPostsFeature } from '../daily/daily-feature';
import type { Feature } from './feature';
import { createQuizFeature } from '../quiz/quiz-feature';

/** Every feature the bot runs, in start order (stopped in reverse). */
export function createFeatures(): Feature[] {
  return [createQuizFeature(), dailyPostsFeature()];
}
