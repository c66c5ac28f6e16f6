// Public types of the Discord stand-in. Other suites code against these names: keep them stable.

export interface StandInChannelOption {
  id?: string;
  type?: number;
  name?: string;
  /** Permission bits denied to the bot in this channel (a member overwrite), e.g. SendMessages. */
  denyBot?: bigint;
}

export interface StandInGuildOption {
  id?: string;
  /** Without an id: make one that falls in shard [id, count] (Discord's rule: `(guild_id >> 22) % count`). */
  shard?: [number, number];
  name?: string;
  channels?: StandInChannelOption[];
}

export interface StandInOptions {
  applicationId?: string;
  botUserId?: string;
  /** Default: one guild "Estudo AIF-C01" with text channels "geral", "quiz" and voice channel "voz". */
  guilds?: StandInGuildOption[];
  /** A first interaction callback later than this gets 404 {code:10062}. Default 3000 (Discord's 3 s). */
  ackDeadlineMs?: number;
  /** Privileged intents enabled "in the portal" (GuildMembers 1<<1, GuildPresences 1<<8, MessageContent
   * 1<<15). Default none: IDENTIFY asking for one is closed with 4014, as Discord does. */
  privilegedIntents?: number;
  /** Tokens Discord would refuse (reset or wrong): REST answers 401, IDENTIFY is closed with 4004. */
  rejectedTokens?: string[];
  /** `shards` in GET /gateway/bot (what SHARDS=auto starts). Default: one per 1,000 guilds, at least 1. */
  recommendedShards?: number;
}

export interface ReadySession {
  /** [shard_id, num_shards] from IDENTIFY ([0, 1] unsharded). */
  shard: [number, number];
  /** The guilds whose events and interactions this session gets. */
  guildIds: string[];
}

export interface StandInChannel {
  id: string;
  type: number;
  name: string;
  denyBot?: bigint;
}

export interface StandInGuild {
  id: string;
  name: string;
  channels: StandInChannel[];
  /** The first text channel (type 0). */
  textChannelId: string;
  /** The first voice channel (type 2), if the guild has one. */
  voiceChannelId: string | undefined;
}

export interface StandInUser {
  id: string;
  username: string;
}

export interface StandInMember {
  id: string;
  username: string;
  permissions: bigint;
  locale: string;
  roles: string[];
}

export interface MemberOptions {
  id?: string;
  username?: string;
  permissions?: bigint;
  locale?: string;
  roles?: string[];
}

export interface CommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  options?: CommandOption[];
  focused?: boolean;
}

export interface RestRecord {
  method: string;
  /** Decoded path without the /api/v10 prefix, e.g. `/webhooks/1/abc/messages/@original`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or the parsed `payload_json` of a multipart body; undefined when empty. */
  body: unknown;
  status: number;
  /** performance.now() when the response was sent. */
  at: number;
  /** The Authorization header, or null (interaction and webhook routes carry none). */
  auth: string | null;
  /** Files uploaded with a multipart body (`files[n]`), with their bytes. */
  files?: { index: number; filename: string; contentType: string; size: number; data: Buffer }[];
}

export interface CallbackRecord {
  type: number;
  data: unknown;
  /** performance.now() when the callback request arrived. */
  at: number;
  /** The HTTP status the stand-in answered (204/200 when accepted, 404 when too late, 400 when invalid). */
  status: number;
  ephemeral: boolean;
}

export interface StoredMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  ephemeral: boolean;
  /** Set on interaction responses and follow-ups. */
  interactionId?: string;
  edits: Array<{ at: number; body: unknown }>;
  deleted: boolean;
  /** The message as Discord's API would return it. */
  raw(): Record<string, unknown>;
}

export interface InteractionHandle {
  id: string;
  token: string;
  /** performance.now() when the INTERACTION_CREATE frame was sent. */
  dispatchedAt: number;
  /** The FIRST callback request for this interaction, whatever its status. */
  callback(timeoutMs?: number): Promise<CallbackRecord>;
  /** The message shown by the response: the reply (type 4), the deferred reply once edited (type 5), or the
   * component's message once updated (type 7, or type 6 + editReply). */
  original(timeoutMs?: number): Promise<StoredMessage>;
  readonly followUps: StoredMessage[];
}

export interface InteractionBase {
  member: StandInMember;
  channelId?: string;
  guildId?: string;
  locale?: string;
}

export interface RunCommandOptions extends InteractionBase {
  name: string;
  options?: CommandOption[];
}

export interface AutocompleteOptions extends InteractionBase {
  name: string;
  options: CommandOption[];
}

export interface ClickButtonOptions extends InteractionBase {
  customId: string;
  messageId: string;
}

export interface SelectMenuOptions extends ClickButtonOptions {
  values: string[];
}

export interface SubmitModalOptions extends InteractionBase {
  customId: string;
  fields: Record<string, string>;
  /** The message whose component opened the modal, if any (enables update/deferUpdate). */
  messageId?: string;
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Only consider requests at or after this index of `requests`. Default 0 (every recorded request). */
  since?: number;
}

export interface ChannelError {
  status: number;
  code: number;
  message?: string;
}

export interface DiscordStandIn {
  apiUrl: string;
  applicationId: string;
  botUser: StandInUser;
  /** A fake token to log in with; any string works. Tokens seen in IDENTIFY are in `identifiedTokens`. */
  token: string;
  identifiedTokens: string[];
  guild: StandInGuild;
  guilds: StandInGuild[];
  member(opts?: MemberOptions): StandInMember;
  /** Resolves when a session is READY with every GUILD_CREATE sent (at once if one already is). With
   * `fresh: true`, only a session that identifies after the call: use it after restarting a bot. With
   * `shard: n`, a session of shard n. */
  waitForClientReady(
    options?: number | { timeoutMs?: number; fresh?: boolean; shard?: number },
  ): Promise<void>;
  /** The sessions that are ready now, with their shard and guilds. */
  readySessions(): ReadySession[];

  runCommand(opts: RunCommandOptions): InteractionHandle;
  autocomplete(opts: AutocompleteOptions): InteractionHandle;
  clickButton(opts: ClickButtonOptions): InteractionHandle;
  selectMenu(opts: SelectMenuOptions): InteractionHandle;
  submitModal(opts: SubmitModalOptions): InteractionHandle;

  requests: RestRecord[];
  waitForRequest(predicate: (r: RestRecord) => boolean, options?: number | WaitOptions): Promise<RestRecord>;
  messages: Map<string, StoredMessage>;
  channelMessages(channelId: string): StoredMessage[];
  waitForMessage(predicate: (m: StoredMessage) => boolean, timeoutMs?: number): Promise<StoredMessage>;
  /** Calls `listener` after every message create, edit and delete (ephemeral ones too); returns the
   * unsubscribe function. The sandbox page follows the channel through it. */
  onMessageChange(listener: (m: StoredMessage) => void): () => void;
  /** The member an ephemeral reply was for (the user of the interaction it answers), if any. */
  messageRecipient(m: StoredMessage): string | undefined;

  setChannelError(channelId: string, error: ChannelError | null): void;
  deleteChannel(channelId: string): void;
  registeredCommands: Map<string, unknown[]>;
  disconnectClients(): void;
  close(): Promise<void>;
}
