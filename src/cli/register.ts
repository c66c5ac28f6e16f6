import { REST } from 'discord.js';
import { commands } from '../../commands';
import { commandsRoute } from '../host/command-sync';
import { loadEnvOrExit } from '../app/load-env';

/**
 * Registers the slash commands: to DISCORD_GUILD_ID when set (shows up at once, good for testing),
 * globally otherwise. A separate step, never done on ready: it is rate limited and only needed when the
 * commands change.
 */
const env = loadEnvOrExit();

const rest = new REST(env.DISCORD_API_URL ? { api: env.DISCORD_API_URL } : {}).setToken(env.DISCORD_TOKEN);
const body = commands.map((command) => command.data.toJSON());
const route = commandsRoute(env.DISCORD_CLIENT_ID, env.DISCORD_GUILD_ID);

try {
  const result = (await rest.put(route, { body })) as unknown[];
  const where = env.DISCORD_GUILD_ID
    ? `server ${env.DISCORD_GUILD_ID}`
    : 'all servers (global; may take up to an hour)';
  console.log(
    `Registered ${result.length} commands for ${where}: ${body.map((c) => `/${c.name}`).join(' ')}`,
  );
} catch (error) {
  console.error(`Could not register the commands: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
