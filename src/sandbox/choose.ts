import { existsSync } from 'node:fs';

/**
 * `npm start` opens the sandbox when no bot token is configured: DISCORD_TOKEN unset or empty in the
 * environment and in `.env` (read here the way load-env reads it; real variables win). A token that is
 * set but malformed is not "no token": it goes to the normal start-up and fails there, naming the key.
 */
export function sandboxChosen(source: Record<string, string | undefined> = process.env): boolean {
  if (source === process.env && existsSync('.env')) process.loadEnvFile('.env');
  return (source.DISCORD_TOKEN ?? '') === '';
}
