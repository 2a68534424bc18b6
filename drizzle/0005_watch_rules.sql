CREATE TABLE `watch_rules` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`room_pattern` text NOT NULL,
	`record` integer NOT NULL,
	`include_identities` text DEFAULT '[]' NOT NULL,
	`exclude_identities` text DEFAULT '[]' NOT NULL,
	`sources` text NOT NULL,
	`max_recording_sec` integer,
	`empty_room_sec` integer NOT NULL,
	`enabled` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `watch_rules_id_unique` ON `watch_rules` (`id`);