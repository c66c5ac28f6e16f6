import { backupDatabase } from '../db/backup';
import { databaseEnvSchema } from '../env';
import { loadEnvOrExit } from '../app/load-env';

/**
 * `npm run backup -- <file>`: a consistent copy of DATABASE_PATH, safe while the bot runs. Needs no
 * Discord keys. Exits 1 with the reason when it cannot.
 */
const target = process.argv[2];
if (!target || target.startsWith('-')) {
  console.error('Usage: npm run backup -- <file>   (copies DATABASE_PATH; safe while the bot runs)');
  process.exit(1);
}
const env = loadEnvOrExit(databaseEnvSchema);

try {
  const result = await backupDatabase(env.DATABASE_PATH, target);
  console.log(
    `Backed up ${env.DATABASE_PATH} to ${result.path}: ${(result.bytes / 1024).toFixed(0)} KiB, ` +
      `${result.answers} answers, integrity check ok`,
  );
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
