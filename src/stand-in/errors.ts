// Discord's JSON error bodies for the cases the stand-in plays. discord.js turns a 4xx body with a `code`
// into a DiscordAPIError carrying that code.

export interface DiscordError {
  status: number;
  body: { code: number; message: string; errors?: unknown };
}

function error(status: number, code: number, message: string): DiscordError {
  return { status, body: { code, message } };
}

export const notFound = (): DiscordError => error(404, 0, '404: Not Found');
export const unauthorized = (): DiscordError => error(401, 0, '401: Unauthorized');
export const unknownChannel = (): DiscordError => error(404, 10003, 'Unknown Channel');
export const unknownGuild = (): DiscordError => error(404, 10004, 'Unknown Guild');
export const unknownMember = (): DiscordError => error(404, 10007, 'Unknown Member');
export const unknownMessage = (): DiscordError => error(404, 10008, 'Unknown Message');
export const unknownWebhook = (): DiscordError => error(404, 10015, 'Unknown Webhook');
export const unknownInteraction = (): DiscordError => error(404, 10062, 'Unknown interaction');
export const alreadyAcknowledged = (): DiscordError =>
  error(400, 40060, 'Interaction has already been acknowledged.');
export const emptyMessage = (): DiscordError => error(400, 50006, 'Cannot send an empty message');

/** One problem in a request body: where (path of keys/indexes), a Discord error code and a message. */
export interface FormIssue {
  path: Array<string | number>;
  code: string;
  message: string;
}

/** 400 {code:50035, 'Invalid Form Body'} with Discord's nested `errors` object. */
export function invalidFormBody(issues: FormIssue[]): DiscordError {
  const errors: Record<string, unknown> = {};
  for (const issue of issues) {
    let node = errors;
    for (const key of issue.path) {
      const next = (node[String(key)] ??= {}) as Record<string, unknown>;
      node = next;
    }
    const list = (node._errors ??= []) as unknown[];
    list.push({ code: issue.code, message: issue.message });
  }
  return { status: 400, body: { code: 50035, message: 'Invalid Form Body', errors } };
}
