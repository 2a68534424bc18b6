CREATE TABLE `instances` (
	`id` text PRIMARY KEY NOT NULL,
	`started_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`max_sessions` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `room_leases` (
	`room_name` text PRIMARY KEY NOT NULL,
	`instance_id` text NOT NULL,
	`session_id` text NOT NULL,
	`token` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `recordings` ADD `instance_id` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `instance_id` text;