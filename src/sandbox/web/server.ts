import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import type { DailyTickResult } from '../../daily/daily-tick';
import type { Logger } from '../../shared/logger';
import { projectPath } from '../../shared/project-root';
import type { CommandOption, DiscordStandIn, InteractionHandle, StoredMessage } from '../../stand-in';
import type { Cast } from '../cast';
import type { SimulatedMembers } from '../simulated-members';

/** The page's files: plain HTML, CSS and browser JavaScript, served as they are (no build step). */
const PUBLIC_FOLDER = projectPath('src', 'sandbox', 'web', 'public');
const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/render.js': { file: 'render.js', type: 'text/javascript; charset=utf-8' },
  '/command-box.js': { file: 'command-box.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

export interface SandboxWeb {
  url: string;
  /** The address the server listens on (always 127.0.0.1). */
  address: AddressInfo;
  close(): Promise<void>;
}

export interface SandboxWebOptions {
  port: number;
  standIn: DiscordStandIn;
  cast: Cast;
  simulated: SimulatedMembers;
  triggerDaily: () => Promise<DailyTickResult>;
  logger: Logger;
}

/** What the page knows of a message; ephemeral ones carry the member they are for. */
export function messageView(standIn: DiscordStandIn, message: StoredMessage) {
  const raw = message.raw();
  const interaction = raw.interaction as
    { name?: string; user?: { id: string; username: string } } | undefined;
  return {
    id: message.id,
    channelId: message.channel_id,
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    ephemeral: message.ephemeral,
    deleted: message.deleted,
    loading: (message.flags & 128) !== 0,
    edited: raw.edited_timestamp !== null,
    timestamp: raw.timestamp,
    recipientId: message.ephemeral ? (standIn.messageRecipient(message) ?? null) : null,
    interaction: interaction?.user
      ? { name: interaction.name ?? '', userId: interaction.user.id, username: interaction.user.username }
      : null,
  };
}

const optionSchema: z.ZodType<CommandOption> = z.lazy(() =>
  z.object({
    name: z.string().min(1).max(32),
    type: z.number().int(),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    focused: z.boolean().optional(),
    options: z.array(optionSchema).optional(),
  }),
);

const interactSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('command'),
    memberId: z.string(),
    channelId: z.string(),
    name: z.string(),
    options: z.array(optionSchema),
  }),
  z.object({
    kind: z.literal('autocomplete'),
    memberId: z.string(),
    channelId: z.string(),
    name: z.string(),
    options: z.array(optionSchema),
  }),
  z.object({ kind: z.literal('button'), memberId: z.string(), messageId: z.string(), customId: z.string() }),
  z.object({
    kind: z.literal('select'),
    memberId: z.string(),
    messageId: z.string(),
    customId: z.string(),
    values: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('modal'),
    memberId: z.string(),
    channelId: z.string(),
    customId: z.string(),
    fields: z.record(z.string(), z.string()),
    messageId: z.string().optional(),
  }),
]);

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  // Only JSON bodies: a cross-site form post cannot send this content type without a CORS preflight,
  // which this server never grants.
  if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
    throw new HttpError(415, 'expected application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 100_000) throw new HttpError(413, 'body too large');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new HttpError(400, 'invalid JSON');
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The page's server: static files, the world's state, a server-sent event stream, member actions. */
export async function startSandboxWeb(options: SandboxWebOptions): Promise<SandboxWeb> {
  const { standIn, cast, simulated, logger } = options;
  const streams = new Set<ServerResponse>();
  const visitor = (id: string) => {
    const member = cast.visitors.find((m) => m.id === id);
    if (!member) throw new HttpError(400, `no visitor ${id}`);
    return member;
  };

  const unsubscribe = standIn.onMessageChange((message) => {
    const data = `event: message\ndata: ${JSON.stringify(messageView(standIn, message))}\n\n`;
    for (const stream of streams) stream.write(data);
  });

  const state = () => ({
    guild: {
      id: standIn.guild.id,
      name: standIn.guild.name,
      channels: standIn.guild.channels.map((c) => ({ id: c.id, name: c.name, type: c.type })),
    },
    bot: standIn.botUser,
    visitors: cast.visitors.map((m) => ({
      id: m.id,
      username: m.username,
      locale: m.locale,
      admin: cast.admins.has(m.id),
    })),
    simulated: cast.simulated.map(({ member }) => ({ id: member.id, username: member.username })),
    simulatedEnabled: simulated.enabled,
    commands: standIn.registeredCommands.get(standIn.guild.id) ?? [],
    messages: [...standIn.messages.values()].map((m) => messageView(standIn, m)),
  });

  const interact = async (body: unknown) => {
    const input = interactSchema.parse(body);
    const member = visitor(input.memberId);
    let handle: InteractionHandle;
    try {
      switch (input.kind) {
        case 'autocomplete': {
          const auto = standIn.autocomplete({
            member,
            channelId: input.channelId,
            name: input.name,
            options: input.options,
          });
          const callback = await auto.callback(4_000);
          return { choices: (callback.data as { choices?: unknown[] } | undefined)?.choices ?? [] };
        }
        case 'command':
          handle = standIn.runCommand({
            member,
            channelId: input.channelId,
            name: input.name,
            options: input.options,
          });
          break;
        case 'button':
          handle = standIn.clickButton({ member, messageId: input.messageId, customId: input.customId });
          break;
        case 'select':
          handle = standIn.selectMenu({
            member,
            messageId: input.messageId,
            customId: input.customId,
            values: input.values,
          });
          break;
        case 'modal':
          handle = standIn.submitModal({
            member,
            channelId: input.channelId,
            customId: input.customId,
            fields: input.fields,
            ...(input.messageId ? { messageId: input.messageId } : {}),
          });
          break;
      }
    } catch (error) {
      // What a Discord client would not let a member do (a disabled button, a message gone).
      throw new HttpError(409, error instanceof Error ? error.message : String(error));
    }
    const callback = await handle.callback(5_000).catch(() => undefined);
    if (!callback) return { interactionId: handle.id, answered: false };
    return {
      interactionId: handle.id,
      answered: callback.status < 300,
      callbackType: callback.type,
      // A modal (callback 9) opens on the page of the member who asked for it.
      ...(callback.type === 9 ? { modal: callback.data } : {}),
    };
  };

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> = {
    'GET /api/state': async (_req, res) => sendJson(res, 200, state()),
    'GET /api/events': async (req, res) => {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
    },
    'POST /api/interact': async (req, res) => sendJson(res, 200, await interact(await readJson(req))),
    'POST /api/daily': async (req, res) => {
      await readJson(req);
      sendJson(res, 200, await options.triggerDaily());
    },
    'POST /api/simulated': async (req, res) => {
      const { enabled } = z.object({ enabled: z.boolean() }).parse(await readJson(req));
      simulated.enabled = enabled;
      sendJson(res, 200, { enabled });
    },
  };

  const server = createServer((req, res) => {
    // Only this machine's own names: a page elsewhere that rebinds its DNS name to 127.0.0.1 gets nothing.
    const port = (server.address() as AddressInfo).port;
    if (![`127.0.0.1:${port}`, `localhost:${port}`].includes(req.headers.host ?? '')) {
      sendJson(res, 421, { error: 'open the sandbox at its printed 127.0.0.1 address' });
      return;
    }
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const route = routes[`${req.method} ${path}`];
    const asset = req.method === 'GET' ? STATIC[path] : undefined;
    const work = route
      ? route(req, res)
      : asset
        ? readFile(join(PUBLIC_FOLDER, asset.file)).then((content) => {
            res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store' });
            res.end(content);
          })
        : Promise.reject(new HttpError(404, 'not found'));
    work.catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : error instanceof z.ZodError ? 400 : 500;
      if (status === 500) logger.error({ err: error, path }, 'sandbox page request failed');
      const message = error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message;
      if (!res.headersSent) sendJson(res, status, { error: message });
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    address,
    close: async () => {
      unsubscribe();
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
