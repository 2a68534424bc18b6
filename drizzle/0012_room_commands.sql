CREATE TABLE `room_commands` (
	`id` text PRIMARY KEY NOT NULL,
	`instance_id` text NOT NULL,
	`room_name` text NOT NULL,
	`action` text NOT NULL,
	`args` text NOT NULL,
	`created_at` integer NOT NULL,
	`taken_at` integer,
	`done_at` integer,
	`result` text,
	`failed` integer
);
--> statement-breakpoint
CREATE INDEX `room_commands_instance` ON `room_commands` (`instance_id`,`taken_at`);