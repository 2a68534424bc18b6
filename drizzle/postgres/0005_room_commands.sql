CREATE TABLE "room_commands" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"room_name" text NOT NULL,
	"action" text NOT NULL,
	"args" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"taken_at" timestamp (3) with time zone,
	"done_at" timestamp (3) with time zone,
	"result" text,
	"failed" boolean
);
--> statement-breakpoint
CREATE INDEX "room_commands_instance" ON "room_commands" USING btree ("instance_id","taken_at");