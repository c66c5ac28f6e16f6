CREATE TABLE `answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`question_id` text NOT NULL,
	`kind` text NOT NULL,
	`round_id` integer,
	`daily_post_id` integer,
	`choice` text NOT NULL,
	`correct` integer NOT NULL,
	`response_ms` integer NOT NULL,
	`points` integer NOT NULL,
	`domain` integer NOT NULL,
	`topic` text NOT NULL,
	`answered_at` integer NOT NULL,
	FOREIGN KEY (`guild_id`) REFERENCES `guilds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`daily_post_id`) REFERENCES `daily_posts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `answers_once_per_round_question` ON `answers` (`round_id`,`question_id`,`user_id`) WHERE "answers"."round_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `answers_once_per_daily_post` ON `answers` (`daily_post_id`,`user_id`) WHERE "answers"."daily_post_id" is not null;--> statement-breakpoint
CREATE INDEX `answers_guild_user_time` ON `answers` (`guild_id`,`user_id`,`answered_at`);--> statement-breakpoint
CREATE INDEX `answers_guild_time` ON `answers` (`guild_id`,`answered_at`);--> statement-breakpoint
CREATE TABLE `daily_posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`kind` text NOT NULL,
	`local_date` text NOT NULL,
	`channel_id` text NOT NULL,
	`subject` text NOT NULL,
	`message_id` text,
	`posted_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`guild_id`) REFERENCES `guilds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `daily_posts_once_per_day` ON `daily_posts` (`guild_id`,`kind`,`local_date`);--> statement-breakpoint
CREATE INDEX `daily_posts_guild_kind_posted` ON `daily_posts` (`guild_id`,`kind`,`posted_at`);--> statement-breakpoint
CREATE TABLE `guilds` (
	`id` text PRIMARY KEY NOT NULL,
	`timezone` text NOT NULL,
	`daily_channel_id` text,
	`daily_time` text DEFAULT '09:00' NOT NULL,
	`service_card_enabled` integer DEFAULT true NOT NULL,
	`daily_question_enabled` integer DEFAULT true NOT NULL,
	`settings_version` integer DEFAULT 0 NOT NULL,
	`last_daily_error` text,
	`last_daily_error_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `round_questions` (
	`round_id` integer NOT NULL,
	`position` integer NOT NULL,
	`question_id` text NOT NULL,
	`message_id` text,
	`opened_at` integer,
	`deadline_at` integer,
	`revealed_at` integer,
	PRIMARY KEY(`round_id`, `position`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `round_questions_question` ON `round_questions` (`question_id`);--> statement-breakpoint
CREATE TABLE `rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`starter_id` text NOT NULL,
	`locale` text NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`question_count` integer NOT NULL,
	`seconds_per_question` integer NOT NULL,
	`topic` text,
	`domain` integer,
	`current_position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`ended_at` integer,
	`stopped_by` text,
	FOREIGN KEY (`guild_id`) REFERENCES `guilds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_one_running_per_channel` ON `rounds` (`channel_id`) WHERE "rounds"."status" = 'running';--> statement-breakpoint
CREATE INDEX `rounds_guild_created` ON `rounds` (`guild_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `standings` (
	`guild_id` text NOT NULL,
	`period_kind` text NOT NULL,
	`period_key` text NOT NULL,
	`scope` text NOT NULL,
	`user_id` text NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`answered` integer DEFAULT 0 NOT NULL,
	`correct` integer DEFAULT 0 NOT NULL,
	`last_answered_at` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `period_kind`, `period_key`, `scope`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `standings_by_points` ON `standings` (`guild_id`,`period_kind`,`period_key`,`scope`,`points`);