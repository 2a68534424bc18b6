import { eq, inArray } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { pageOf, type HistoryPage } from '../db/pages.js';
import { PendingWrites } from '../db/pending-writes.js';
import { sessions } from '../db/schema.js';
import type { SessionState } from './events.js';

export type SessionRow = typeof sessions.$inferSelect;
export type SessionValues = Partial<typeof sessions.$inferInsert>;

/** The session history's SQL. A write the database refuses (a full disk) is held and retried. */
export class SessionStore {
  private readonly writes: PendingWrites;

  constructor(
    private readonly db: Db,
    log: Logger,
  ) {
    this.writes = new PendingWrites(log);
  }

  /** Sessions in one of `states` end as INTERRUPTED; how many did. */
  markInterrupted(states: SessionState[]): number {
    return this.db
      .update(sessions)
      .set({ state: 'ENDED', endReason: 'INTERRUPTED', endedAt: new Date(), endMessage: 'haven-live stopped without ending this session' })
      .where(inArray(sessions.state, states))
      .run().changes;
  }

  /** Adds a new session's row; throws what the database says when it refuses. */
  insert(values: typeof sessions.$inferInsert): void {
    this.db.insert(sessions).values(values).run();
  }

  save(id: string, values: SessionValues): void {
    this.writes.update(id, values, (merged) => this.db.update(sessions).set(merged).where(eq(sessions.id, id)).run());
  }

  /** Tries the writes the database refused once more (on shutdown). */
  flush(): void {
    this.writes.flush();
  }

  /** A page of the history, newest first, as each row is meant to be (with writes still held). */
  page(page: HistoryPage): SessionRow[] {
    const { where, orderBy, limit } = pageOf(sessions.seq, page);
    return this.db
      .select()
      .from(sessions)
      .where(where)
      .orderBy(orderBy)
      .limit(limit)
      .all()
      .map((row) => this.writes.overlay(row.id, row));
  }
}
