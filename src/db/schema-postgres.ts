import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// The same tables as schema.ts (SQLite) with PostgreSQL's types: the rows read the same in TypeScript.
const at = (name: string) => timestamp(name, { mode: 'date', withTimezone: true, precision: 3 });

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: at('updated_at').notNull(),
});

export const sessions = pgTable(
  'sessions',
  {
    seq: integer('seq').primaryKey().generatedAlwaysAsIdentity(),
    id: text('id').notNull().unique(),
    roomName: text('room_name').notNull(),
    state: text('state').notNull(),
    startedAt: at('started_at').notNull(),
    endedAt: at('ended_at'),
    endReason: text('end_reason'),
    endMessage: text('end_message'),
  },
  (t) => [index('sessions_state').on(t.state), index('sessions_room').on(t.roomName)],
);

export const recordings = pgTable(
  'recordings',
  {
    seq: integer('seq').primaryKey().generatedAlwaysAsIdentity(),
    id: text('id').notNull().unique(),
    sessionId: text('session_id').notNull(),
    roomName: text('room_name').notNull(),
    participantIdentity: text('participant_identity').notNull(),
    state: text('state').notNull(),
    startedAt: at('started_at').notNull(),
    endedAt: at('ended_at'),
    finalizedAt: at('finalized_at'),
    stopReason: text('stop_reason'),
    error: text('error'),
    directory: text('directory').notNull(),
    files: text('files').notNull().default('[]'),
    gaps: text('gaps').notNull().default('[]'),
    pauses: text('pauses').notNull().default('[]'),
    mode: text('mode').notNull().default('TRANSCODE'),
  },
  (t) => [index('recordings_state').on(t.state), index('recordings_session').on(t.sessionId), index('recordings_room').on(t.roomName)],
);

export const watchRules = pgTable('watch_rules', {
  seq: integer('seq').primaryKey().generatedAlwaysAsIdentity(),
  id: text('id').notNull().unique(),
  roomPattern: text('room_pattern').notNull(),
  record: boolean('record').notNull(),
  includeIdentities: text('include_identities').notNull().default('[]'),
  excludeIdentities: text('exclude_identities').notNull().default('[]'),
  sources: text('sources').notNull(),
  maxRecordingSec: integer('max_recording_sec'),
  emptyRoomSec: integer('empty_room_sec').notNull(),
  enabled: boolean('enabled').notNull(),
  createdAt: at('created_at').notNull(),
});
