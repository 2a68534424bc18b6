CREATE TABLE `recordings` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`session_id` text NOT NULL,
	`room_name` text NOT NULL,
	`participant_identity` text NOT NULL,
	`state` text NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	`error` text,
	`directory` text NOT NULL,
	`files` text DEFAULT '[]' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recordings_id_unique` ON `recordings` (`id`);--> statement-breakpoint
CREATE INDEX `recordings_state` ON `recordings` (`state`);--> statement-breakpoint
CREATE INDEX `recordings_session` ON `recordings` (`session_id`);--> statement-breakpoint
CREATE INDEX `recordings_room` ON `recordings` (`room_name`);