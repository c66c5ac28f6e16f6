import { WebSocketServer } from 'ws';
import type { Server } from 'node:http';
import type { WebSocket } from 'ws';
import { shardOfGuild } from '../discord/shards';
import { sessionId as newSessionId } from './ids';
import { Waiters } from './waiters';
import type { World } from './world';

// The WebSocket gateway: HELLO, IDENTIFY → READY + GUILD_CREATEs, heartbeats, RESUME, dispatches.

const HEARTBEAT_INTERVAL_MS = 41_250;

/** GuildMembers, GuildPresences, MessageContent: need a switch in the developer portal. */
const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);

const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  Resume: 6,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

interface Session {
  id: string;
  /** Order of IDENTIFY, to tell sessions started after a given moment. */
  serial: number;
  sequence: number;
  /** True once READY and every GUILD_CREATE were sent (or RESUMED). */
  ready: boolean;
  /** [shard_id, num_shards] from IDENTIFY: the session gets only the events of its guilds. */
  shard: [number, number];
}

interface GatewayPayload {
  op: number;
  d?: unknown;
}

export class Gateway {
  private readonly wss: WebSocketServer;
  private readonly sockets = new Map<WebSocket, Session | undefined>();
  /** Sessions that may be resumed, by session_id. */
  private readonly knownSessions = new Map<string, Session>();
  readonly readiness = new Waiters<Session>();
  readonly identifiedTokens: string[] = [];
  url = '';
  private serials = 0;

  constructor(
    server: Server,
    private readonly world: World,
    private readonly applicationId: string,
    /** Privileged intents the application has enabled in the portal (bits). */
    private readonly allowedPrivilegedIntents: number,
    private readonly rejectedTokens: ReadonlySet<string> = new Set(),
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  private accept(socket: WebSocket): void {
    this.sockets.set(socket, undefined);
    socket.on('message', (data) => this.receive(socket, data.toString()));
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => this.sockets.delete(socket));
    this.send(socket, { op: Op.Hello, d: { heartbeat_interval: HEARTBEAT_INTERVAL_MS } });
  }

  private receive(socket: WebSocket, text: string): void {
    let payload: GatewayPayload;
    try {
      payload = JSON.parse(text) as GatewayPayload;
    } catch {
      socket.close(4002, 'Error while decoding payload.');
      return;
    }
    switch (payload.op) {
      case Op.Heartbeat:
        this.send(socket, { op: Op.HeartbeatAck });
        return;
      case Op.Identify:
        this.identify(socket, payload.d as { token?: string; intents?: number; shard?: [number, number] });
        return;
      case Op.Resume:
        this.resume(socket, payload.d as { session_id?: string });
        return;
      case Op.PresenceUpdate:
        return;
      default:
        socket.close(4001, 'Unknown opcode.');
    }
  }

  private identify(
    socket: WebSocket,
    d: { token?: string; intents?: number; shard?: [number, number] },
  ): void {
    if (this.sockets.get(socket)) {
      socket.close(4005, 'Already authenticated.');
      return;
    }
    this.identifiedTokens.push(d.token ?? '');
    if (this.rejectedTokens.has(d.token ?? '')) {
      socket.close(4004, 'Authentication failed.');
      return;
    }
    if ((d.intents ?? 0) & PRIVILEGED_INTENTS & ~this.allowedPrivilegedIntents) {
      // What Discord answers when the portal switch for a privileged intent is off.
      socket.close(4014, 'Disallowed intent(s).');
      return;
    }
    const shard = d.shard ?? [0, 1];
    if (
      !Number.isInteger(shard[0]) ||
      !Number.isInteger(shard[1]) ||
      shard[1] < 1 ||
      shard[0] < 0 ||
      shard[0] >= shard[1]
    ) {
      socket.close(4010, 'Invalid shard.');
      return;
    }
    this.serials += 1;
    const session: Session = { id: newSessionId(), serial: this.serials, sequence: 0, ready: false, shard };
    this.sockets.set(socket, session);
    this.knownSessions.set(session.id, session);
    const { world } = this;
    const guilds = world.guilds.filter((g) => owns(session, g.id));
    this.dispatchTo(socket, session, 'READY', {
      v: 10,
      user: { ...world.userJson(world.botUser, true), verified: true, mfa_enabled: false, flags: 0 },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.url,
      shard,
      application: { id: this.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
      _trace: ['discord-stand-in'],
    });
    for (const guild of guilds)
      this.dispatchTo(socket, session, 'GUILD_CREATE', world.guildCreateJson(guild));
    session.ready = true;
    this.readiness.notify(session);
  }

  private resume(socket: WebSocket, d: { session_id?: string }): void {
    const session = d.session_id ? this.knownSessions.get(d.session_id) : undefined;
    if (!session) {
      // d:false → the client must IDENTIFY afresh.
      this.send(socket, { op: Op.InvalidSession, d: false });
      return;
    }
    // Events missed while disconnected are not replayed.
    for (const [other, s] of this.sockets) if (s === session && other !== socket) other.terminate();
    this.sockets.set(socket, session);
    this.dispatchTo(socket, session, 'RESUMED', null);
    session.ready = true;
    this.readiness.notify(session);
  }

  private send(socket: WebSocket, payload: object): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
  }

  private dispatchTo(socket: WebSocket, session: Session, t: string, d: unknown): void {
    session.sequence += 1;
    this.send(socket, { op: Op.Dispatch, t, s: session.sequence, d });
  }

  private readySockets(): Array<[WebSocket, Session]> {
    return [...this.sockets].filter((entry): entry is [WebSocket, Session] => {
      const [socket, session] = entry;
      return session?.ready === true && socket.readyState === socket.OPEN;
    });
  }

  /** A ready session exists (for `guildId`: one of the shard owning that guild). */
  hasReadySession(guildId?: string): boolean {
    return this.readySockets().some(([, session]) => !guildId || owns(session, guildId));
  }

  /** The ready sessions' shards and the guilds each one owns. */
  readySessions(): { shard: [number, number]; guildIds: string[] }[] {
    return this.readySockets().map(([, session]) => ({
      shard: [...session.shard],
      guildIds: this.world.guilds.filter((g) => owns(session, g.id)).map((g) => g.id),
    }));
  }

  /** Sends a guild's event (CHANNEL_DELETE, GUILD_ROLE_CREATE…) to every ready session of the shard owning it. */
  broadcast(t: string, d: object): void {
    const guildId = guildOf(d);
    for (const [socket, session] of this.readySockets())
      if (!guildId || owns(session, guildId)) this.dispatchTo(socket, session, t, d);
  }

  /** Sends an event to the newest ready session of the guild's shard, as Discord sends an interaction to one shard. */
  dispatchToNewest(t: string, d: object): void {
    const guildId = guildOf(d);
    const newest = this.readySockets()
      .filter(([, session]) => !guildId || owns(session, guildId))
      .at(-1);
    if (!newest) {
      throw new Error(
        `Discord stand-in: no ready gateway session to send ${t} to${guildId ? ` (guild ${guildId})` : ''} — ` +
          'log a client in (with shards: the shard of that guild) and await standIn.waitForClientReady() ' +
          '(and the client\u2019s clientReady) first',
      );
    }
    this.dispatchTo(newest[0], newest[1], t, d);
  }

  /**
   * Resolves when a session is ready. `fresh`: only a session that IDENTIFIES after this call (a restarted
   * bot), not one that is still connected from before. `shard`: a session of that shard id.
   */
  waitForReady(options: { timeoutMs?: number; fresh?: boolean; shard?: number } = {}): Promise<void> {
    const after = options.fresh ? this.serials : 0;
    const existing = this.readySockets().map(([, session]) => session);
    const { shard } = options;
    return this.readiness
      .wait((session) => session.serial > after && (shard === undefined || session.shard[0] === shard), {
        timeoutMs: options.timeoutMs ?? 15_000,
        existing,
        what:
          shard === undefined
            ? 'a client to IDENTIFY and get READY'
            : `shard ${shard} to IDENTIFY and get READY`,
      })
      .then(() => undefined);
  }

  /** Drops every socket without a close frame, like a network failure; sessions stay resumable. */
  disconnectAll(): void {
    for (const [socket, session] of this.sockets) {
      if (session) session.ready = false;
      socket.terminate();
    }
    this.sockets.clear();
  }

  async close(): Promise<void> {
    this.readiness.rejectAll('closed');
    // A fatal close code: a client still logged in stops instead of reconnecting to a dead port forever.
    for (const socket of this.sockets.keys()) {
      socket.close(4004, 'Stand-in closed.');
      setTimeout(() => socket.terminate(), 500).unref();
    }
    this.sockets.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

function owns(session: Session, guildId: string): boolean {
  return shardOfGuild(guildId, session.shard[1]) === session.shard[0];
}

function guildOf(d: object): string | undefined {
  const guildId = (d as { guild_id?: unknown }).guild_id;
  return typeof guildId === 'string' ? guildId : undefined;
}
