ALTER TABLE `session_events` ADD `instance_id` text;--> statement-breakpoint
CREATE INDEX `session_events_instance` ON `session_events` (`instance_id`,`seq`);