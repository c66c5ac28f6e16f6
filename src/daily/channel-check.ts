import type { Client } from 'discord.js';
import { missingDailyPermissions } from '../config/config-input';
import type { Db } from '../db/database';
import { guildsWithDailyChannel } from '../guilds/guild-settings';
import type { Logger } from '../shared/logger';

/**
 * At start-up, tells the host about daily channels the bot can no longer post in (a role changed, the
 * channel was deleted) before the first post fails, with the fix. Only warns: the daily tick records the
 * error for `/config show` and retries after the settings change.
 */
export function checkDailyChannels(client: Client, db: Db, logger: Logger): number {
  let problems = 0;
  for (const { guildId, channelId } of guildsWithDailyChannel(db)) {
    const guild = client.guilds.cache.get(guildId);
    if (!guild) continue; // the bot left that server, or it belongs to another shard
    const channel = guild.channels.cache.get(channelId);
    if (!channel) {
      problems += 1;
      logger.warn(
        { guildId, channelId },
        `Daily posts of server “${guild.name}” go to a channel that no longer exists: an admin runs /config channel`,
      );
      continue;
    }
    const me = guild.members.me;
    const missing = me ? missingDailyPermissions(channel.permissionsFor(me)) : [];
    if (missing.length > 0) {
      problems += 1;
      logger.warn(
        { guildId, channelId, missing },
        `The bot lacks ${missing.join(', ')} in #${channel.name} of “${guild.name}”, where its daily posts go: ` +
          'grant them to its role in that channel, or choose another with /config channel',
      );
    }
  }
  return problems;
}
