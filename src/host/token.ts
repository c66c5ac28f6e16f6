/**
 * A bot token is three base64url parts: the bot's user id, a timestamp and an HMAC
 * (`MTA….GhIj…kL.abc…`). Checking the shape catches the usual paste mistakes — the client secret or
 * the public key instead of the token, a "Bot " prefix, quotes, a cut-off copy — before any request.
 */
const TOKEN_SHAPE = /^([A-Za-z0-9_-]{16,})\.([A-Za-z0-9_-]{4,})\.([A-Za-z0-9_-]{20,})$/;

/** Why a token cannot be a bot token, in words; null when it has the right shape. Never echoes it. */
export function tokenShapeProblem(token: string): string | null {
  if (/^bot\s/i.test(token)) return 'must be the token alone, without the "Bot " prefix';
  if (/^["']|["']$/.test(token)) return 'must not be quoted';
  if (/\s/.test(token)) return 'must not contain spaces or line breaks';
  if (!tokenUserId(token))
    return (
      'is not shaped like a bot token (three parts separated by dots, the first being the bot id): ' +
      'copy it from the developer portal → Bot → Reset Token, not the client secret or the public key'
    );
  return null;
}

/** The bot user id a well-shaped token carries in its first part. */
export function tokenUserId(token: string): string | undefined {
  const match = TOKEN_SHAPE.exec(token);
  const id = match ? decodeBase64Url(match[1]!) : '';
  return /^\d{17,20}$/.test(id) ? id : undefined;
}

function decodeBase64Url(part: string): string {
  return Buffer.from(part, 'base64url').toString('utf8');
}
