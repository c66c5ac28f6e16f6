// The floor of bench/startup.bench.ts: node and a bare discord.js client (plain JavaScript, no loader),
// logged in to the stand-in at DISCORD_API_URL; prints a "Logged in as" line like the bot's.
/* global console, process */
import { Client, Events, GatewayIntentBits } from 'discord.js';

const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  rest: { api: process.env.DISCORD_API_URL },
});
client.once(Events.ClientReady, (ready) =>
  console.log(JSON.stringify({ msg: `Logged in as ${ready.user.tag}` })),
);
process.once('SIGTERM', () => void client.destroy().then(() => process.exit(0)));
await client.login(process.env.DISCORD_TOKEN);
