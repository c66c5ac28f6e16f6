import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';

/** Discord error codes the bot handles on purpose rather than treating as crashes. */
export const DiscordErrorCode = {
  UnknownInteraction: RESTJSONErrorCodes.UnknownInteraction, // 10062: the 3 s window or the 15 min token expired
  AlreadyAcknowledged: RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged, // 40060
  UnknownChannel: RESTJSONErrorCodes.UnknownChannel, // 10003
  UnknownMessage: RESTJSONErrorCodes.UnknownMessage, // 10008
  MissingAccess: RESTJSONErrorCodes.MissingAccess, // 50001
  MissingPermissions: RESTJSONErrorCodes.MissingPermissions, // 50013
} as const;

export function discordErrorCode(error: unknown): number | undefined {
  return error instanceof DiscordAPIError && typeof error.code === 'number' ? error.code : undefined;
}

/** The interaction can no longer be answered: expired, or someone (a retry, a second process) already did. */
export function isStaleInteractionError(error: unknown): boolean {
  const code = discordErrorCode(error);
  return code === DiscordErrorCode.UnknownInteraction || code === DiscordErrorCode.AlreadyAcknowledged;
}

/** The bot cannot post in that channel any more: deleted, or permissions were taken away. */
export function isChannelUnavailableError(error: unknown): boolean {
  const code = discordErrorCode(error);
  return (
    code === DiscordErrorCode.UnknownChannel ||
    code === DiscordErrorCode.MissingAccess ||
    code === DiscordErrorCode.MissingPermissions
  );
}
