import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Settings saved with updateConfig; one row per setting, absent when not saved. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Every live session, active or ended, newest with the highest seq. */
export const sessions = sqliteTable(
  'sessions',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    roomName: text('room_name').notNull(),
    state: text('state').notNull(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    endReason: text('end_reason'),
    endMessage: text('end_message'),
    /** The instance that ran it (HAVEN_INSTANCE_ID). */
    instanceId: text('instance_id'),
  },
  (t) => [index('sessions_state').on(t.state), index('sessions_room').on(t.roomName)],
);

/** One recording per participant with media in a recorded session. */
export const recordings = sqliteTable(
  'recordings',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    sessionId: text('session_id').notNull(),
    roomName: text('room_name').notNull(),
    participantIdentity: text('participant_identity').notNull(),
    state: text('state').notNull(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    finalizedAt: integer('finalized_at', { mode: 'timestamp_ms' }),
    stopReason: text('stop_reason'),
    error: text('error'),
    /** Absolute path of the recording's folder inside the recording directory. */
    directory: text('directory').notNull(),
    /** JSON array of the files with what ffprobe read from them. */
    files: text('files').notNull().default('[]'),
    /** JSON array of the intervals in which a track had no media (seconds from the start). */
    gaps: text('gaps').notNull().default('[]'),
    /** JSON array of the spans it was paused, wall-clock ms ({ start, end }; end null while paused). */
    pauses: text('pauses').notNull().default('[]'),
    /** PASSTHROUGH or TRANSCODE. */
    mode: text('mode').notNull().default('TRANSCODE'),
    /** The instance that made it (HAVEN_INSTANCE_ID). */
    instanceId: text('instance_id'),
    /** The first part's id when this row continues a recording another instance began (failover). */
    partOf: text('part_of'),
  },
  (t) => [index('recordings_state').on(t.state), index('recordings_session').on(t.sessionId), index('recordings_room').on(t.roomName)],
);

/** Rules saying which rooms are watched (and recorded) by themselves. */
export const watchRules = sqliteTable('watch_rules', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  id: text('id').notNull().unique(),
  roomPattern: text('room_pattern').notNull(),
  record: integer('record', { mode: 'boolean' }).notNull(),
  /** JSON arrays of identity globs and of track sources. */
  includeIdentities: text('include_identities').notNull().default('[]'),
  excludeIdentities: text('exclude_identities').notNull().default('[]'),
  sources: text('sources').notNull(),
  maxRecordingSec: integer('max_recording_sec'),
  emptyRoomSec: integer('empty_room_sec').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Every session event, in order: `seq` is its cursor (sessionEvents(roomName, after)). */
export const sessionEvents = sqliteTable(
  'session_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    roomName: text('room_name').notNull(),
    sessionId: text('session_id').notNull(),
    type: text('type').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** The event's own fields (participant, track, recording, ...) as JSON. */
    payload: text('payload').notNull(),
    /** The instance whose session it happened in: the others read it from here for their subscribers. */
    instanceId: text('instance_id'),
  },
  (t) => [index('session_events_room').on(t.roomName, t.seq), index('session_events_at').on(t.at), index('session_events_instance').on(t.instanceId, t.seq)],
);

/** The haven-live instances on this database, each announcing itself while it runs. */
export const instances = sqliteTable('instances', {
  id: text('id').primaryKey(),
  startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
  lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
  maxSessions: integer('max_sessions').notNull(),
});

/**
 * Which instance owns each room's session: until `expiresAt`, renewed while it runs. `token` grows
 * with every new owner, and the owner's writes of the session carry it.
 */
export const roomLeases = sqliteTable('room_leases', {
  roomName: text('room_name').primaryKey(),
  instanceId: text('instance_id').notNull(),
  sessionId: text('session_id').notNull(),
  token: integer('token').notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * What one instance asks another to do with a room that instance owns (or should own): start its
 * session, stop it, record it. The instance named takes its own, and writes back the result.
 */
export const roomCommands = sqliteTable(
  'room_commands',
  {
    id: text('id').primaryKey(),
    /** The instance asked. */
    instanceId: text('instance_id').notNull(),
    roomName: text('room_name').notNull(),
    action: text('action').notNull(),
    /** The action's arguments as JSON. */
    args: text('args').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    takenAt: integer('taken_at', { mode: 'timestamp_ms' }),
    doneAt: integer('done_at', { mode: 'timestamp_ms' }),
    /** JSON of what it returned, or of the error it threw ({ code, message }). */
    result: text('result'),
    failed: integer('failed', { mode: 'boolean' }),
  },
  (t) => [index('room_commands_instance').on(t.instanceId, t.takenAt)],
);
