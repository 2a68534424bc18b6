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
  },
  (t) => [index('sessions_state').on(t.state), index('sessions_room').on(t.roomName)],
);
