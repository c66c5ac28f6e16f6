PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_standings` (
	`guild_id` text NOT NULL,
	`zone` text DEFAULT '' NOT NULL,
	`period_kind` text NOT NULL,
	`period_key` text NOT NULL,
	`scope` text NOT NULL,
	`user_id` text NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`answered` integer DEFAULT 0 NOT NULL,
	`correct` integer DEFAULT 0 NOT NULL,
	`last_answered_at` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `zone`, `period_kind`, `period_key`, `scope`, `user_id`)
);
--> statement-breakpoint
INSERT INTO `__new_standings`("guild_id", "zone", "period_kind", "period_key", "scope", "user_id", "points", "answered", "correct", "last_answered_at") SELECT "guild_id", CASE WHEN "period_kind" = 'all' THEN '' ELSE coalesce((SELECT "timezone" FROM `guilds` WHERE "id" = `standings`."guild_id"), '') END, "period_kind", "period_key", "scope", "user_id", "points", "answered", "correct", "last_answered_at" FROM `standings`;--> statement-breakpoint
DROP TABLE `standings`;--> statement-breakpoint
ALTER TABLE `__new_standings` RENAME TO `standings`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `standings_by_points` ON `standings` (`guild_id`,`zone`,`period_kind`,`period_key`,`scope`,`points`);--> statement-breakpoint
CREATE INDEX `standings_by_accuracy` ON `standings` (`guild_id`,`zone`,`period_kind`,`period_key`,`scope`,(correct * 1.0 / answered),`answered`);