import { bigint, boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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
    /** The instance that ran it (HAVEN_INSTANCE_ID). */
    instanceId: text('instance_id'),
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
    /** The instance that made it (HAVEN_INSTANCE_ID). */
    instanceId: text('instance_id'),
    /** The first part's id when this row continues a recording another instance began (failover). */
    partOf: text('part_of'),
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

export const sessionEvents = pgTable(
  'session_events',
  {
    // Events come many a second for years: 64 bits.
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    roomName: text('room_name').notNull(),
    sessionId: text('session_id').notNull(),
    type: text('type').notNull(),
    at: at('at').notNull(),
    payload: text('payload').notNull(),
    /** The instance whose session it happened in: the others read it from here for their subscribers. */
    instanceId: text('instance_id'),
  },
  (t) => [index('session_events_room').on(t.roomName, t.seq), index('session_events_at').on(t.at), index('session_events_instance').on(t.instanceId, t.seq)],
);

export const instances = pgTable('instances', {
  id: text('id').primaryKey(),
  startedAt: at('started_at').notNull(),
  lastSeenAt: at('last_seen_at').notNull(),
  maxSessions: integer('max_sessions').notNull(),
});

export const roomLeases = pgTable('room_leases', {
  roomName: text('room_name').primaryKey(),
  instanceId: text('instance_id').notNull(),
  sessionId: text('session_id').notNull(),
  token: bigint('token', { mode: 'number' }).notNull(),
  expiresAt: at('expires_at').notNull(),
});

export const roomCommands = pgTable(
  'room_commands',
  {
    id: text('id').primaryKey(),
    instanceId: text('instance_id').notNull(),
    roomName: text('room_name').notNull(),
    action: text('action').notNull(),
    args: text('args').notNull(),
    createdAt: at('created_at').notNull(),
    takenAt: at('taken_at'),
    doneAt: at('done_at'),
    result: text('result'),
    failed: boolean('failed'),
  },
  (t) => [index('room_commands_instance').on(t.instanceId, t.takenAt)],
);
