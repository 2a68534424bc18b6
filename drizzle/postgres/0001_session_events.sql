CREATE TABLE "session_events" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "session_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"room_name" text NOT NULL,
	"session_id" text NOT NULL,
	"type" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"payload" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "session_events_room" ON "session_events" USING btree ("room_name","seq");--> statement-breakpoint
CREATE INDEX "session_events_at" ON "session_events" USING btree ("at");