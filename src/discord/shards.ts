/** Discord's rule for which shard receives a guild's events: `(guild_id >> 22) % shard_count`. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Whether a process running `shardIds` of `shardCount` owns a guild (everything when unsharded). */
export function ownsGuildFor(shardIds: readonly number[], shardCount: number): (guildId: string) => boolean {
  if (shardCount <= 1) return () => true;
  const owned = new Set(shardIds);
  return (guildId) => owned.has(shardOfGuild(guildId, shardCount));
}
