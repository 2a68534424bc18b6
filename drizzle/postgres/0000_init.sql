CREATE TABLE "recordings" (
	"seq" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recordings_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"id" text NOT NULL,
	"session_id" text NOT NULL,
	"room_name" text NOT NULL,
	"participant_identity" text NOT NULL,
	"state" text NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"ended_at" timestamp (3) with time zone,
	"finalized_at" timestamp (3) with time zone,
	"stop_reason" text,
	"error" text,
	"directory" text NOT NULL,
	"files" text DEFAULT '[]' NOT NULL,
	"gaps" text DEFAULT '[]' NOT NULL,
	"pauses" text DEFAULT '[]' NOT NULL,
	"mode" text DEFAULT 'TRANSCODE' NOT NULL,
	CONSTRAINT "recordings_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"seq" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sessions_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"id" text NOT NULL,
	"room_name" text NOT NULL,
	"state" text NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"ended_at" timestamp (3) with time zone,
	"end_reason" text,
	"end_message" text,
	CONSTRAINT "sessions_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "watch_rules" (
	"seq" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "watch_rules_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"id" text NOT NULL,
	"room_pattern" text NOT NULL,
	"record" boolean NOT NULL,
	"include_identities" text DEFAULT '[]' NOT NULL,
	"exclude_identities" text DEFAULT '[]' NOT NULL,
	"sources" text NOT NULL,
	"max_recording_sec" integer,
	"empty_room_sec" integer NOT NULL,
	"enabled" boolean NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "watch_rules_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE INDEX "recordings_state" ON "recordings" USING btree ("state");--> statement-breakpoint
CREATE INDEX "recordings_session" ON "recordings" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "recordings_room" ON "recordings" USING btree ("room_name");--> statement-breakpoint
CREATE INDEX "sessions_state" ON "sessions" USING btree ("state");--> statement-breakpoint
CREATE INDEX "sessions_room" ON "sessions" USING btree ("room_name");