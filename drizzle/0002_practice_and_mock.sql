CREATE TABLE `mock_exams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`started_at` integer NOT NULL,
	`deadline_at` integer NOT NULL,
	`finished_at` integer,
	`correct` integer,
	`total` integer NOT NULL,
	`scaled_score` integer,
	FOREIGN KEY (`guild_id`) REFERENCES `guilds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mock_exams_one_running` ON `mock_exams` (`guild_id`,`user_id`) WHERE "mock_exams"."status" = 'running';--> statement-breakpoint
CREATE INDEX `mock_exams_member` ON `mock_exams` (`guild_id`,`user_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `mock_items` (
	`mock_id` integer NOT NULL,
	`position` integer NOT NULL,
	`question_id` text NOT NULL,
	`choice` text,
	`flagged` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`mock_id`, `position`),
	FOREIGN KEY (`mock_id`) REFERENCES `mock_exams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `practice_cards` (
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`question_id` text NOT NULL,
	`due` integer NOT NULL,
	`stability` real NOT NULL,
	`difficulty` real NOT NULL,
	`scheduled_days` integer NOT NULL,
	`learning_steps` integer NOT NULL,
	`reps` integer NOT NULL,
	`lapses` integer NOT NULL,
	`state` integer NOT NULL,
	`last_review` integer NOT NULL,
	`correct` integer NOT NULL,
	`last_answer_id` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `user_id`, `question_id`)
);
--> statement-breakpoint
CREATE INDEX `practice_cards_due` ON `practice_cards` (`guild_id`,`user_id`,`due`);--> statement-breakpoint
CREATE TABLE `practice_items` (
	`session_id` integer NOT NULL,
	`position` integer NOT NULL,
	`question_id` text NOT NULL,
	`shown_at` integer NOT NULL,
	`answer_id` integer,
	PRIMARY KEY(`session_id`, `position`),
	FOREIGN KEY (`session_id`) REFERENCES `practice_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answer_id`) REFERENCES `answers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `practice_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`guild_id`) REFERENCES `guilds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `practice_sessions_one_open` ON `practice_sessions` (`guild_id`,`user_id`) WHERE "practice_sessions"."finished_at" is null;--> statement-breakpoint
ALTER TABLE `answers` ADD `practice_session_id` integer REFERENCES practice_sessions(id);--> statement-breakpoint
CREATE UNIQUE INDEX `answers_once_per_practice_item` ON `answers` (`practice_session_id`,`question_id`,`user_id`) WHERE "answers"."practice_session_id" is not null;