ALTER TABLE "session_events" ADD COLUMN "instance_id" text;--> statement-breakpoint
CREATE INDEX "session_events_instance" ON "session_events" USING btree ("instance_id","seq");