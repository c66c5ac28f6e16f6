import { DiscordAPIError } from 'discord.js';
import { z } from 'zod';
import { discordErrorCode } from '../discord/discord-errors';

/**
 * Why the last daily post failed, stored on the guild row as small JSON so `/config show` can say it
 * in the reader's language. `code` is Discord's error code (50013…), or null when the outcome of the
 * send is unknown (network, timeout, 5xx).
 */
const storedSchema = z.object({ code: z.number().nullable(), channelId: z.string(), detail: z.string() });
export type DailyError = z.infer<typeof storedSchema>;

export function encodeDailyError(error: unknown, channelId: string): string {
  const code = error instanceof DiscordAPIError ? (discordErrorCode(error) ?? 0) : null;
  const detail = (error instanceof Error ? error.message : String(error)).slice(0, 300);
  return JSON.stringify({ code, channelId, detail } satisfies DailyError);
}

export function decodeDailyError(stored: string): DailyError | null {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
