import { dailyPostsFeature } from './daily/daily-feature';
import type { Feature } from './features';

/** Every feature the bot runs, in start order (stopped in reverse). */
export function createFeatures(): Feature[] {
  return [dailyPostsFeature()];
}
