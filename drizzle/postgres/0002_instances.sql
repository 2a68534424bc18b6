CREATE TABLE "instances" (
	"id" text PRIMARY KEY NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"last_seen_at" timestamp (3) with time zone NOT NULL,
	"max_sessions" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "room_leases" (
	"room_name" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"session_id" text NOT NULL,
	"token" bigint NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "instance_id" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "instance_id" text;