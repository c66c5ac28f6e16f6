export { startDiscordStandIn } from './stand-in';
export { DEFAULT_MEMBER_PERMISSIONS, BOT_PERMISSIONS } from './permissions';
export { embedLength } from './message-rules';
export type * from './types';
