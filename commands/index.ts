import type { Command } from '../src/app/context';
import { configCommand } from './config';
import { deckCommand } from './deck';
import { helpCommand } from './help';
import { leaderboardCommand } from './leaderboard';
import { mockCommand } from './mock';
import { practiceCommand } from './practice';
import { quizCommand } from './quiz';
import { serviceCommand } from './service';
import { statsCommand } from './stats';

/** Every slash command the bot registers and routes, in the order /help lists them. */
export const commands: Command[] = [
  helpCommand,
  quizCommand,
  leaderboardCommand,
  practiceCommand,
  mockCommand,
  statsCommand,
  serviceCommand,
  configCommand,
  deckCommand,
];
