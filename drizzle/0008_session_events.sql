CREATE TABLE `session_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`room_name` text NOT NULL,
	`session_id` text NOT NULL,
	`type` text NOT NULL,
	`at` integer NOT NULL,
	`payload` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `session_events_room` ON `session_events` (`room_name`,`seq`);--> statement-breakpoint
CREATE INDEX `session_events_at` ON `session_events` (`at`);