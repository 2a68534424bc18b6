import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Storage } from '../db/client.js';
import { pageOf, type HistoryPage } from '../db/pages.js';
import { PendingWrites } from '../db/pending-writes.js';
import type { sessions } from '../db/schema-postgres.js';
import type { SessionState } from './events.js';

export type SessionRow = typeof sessions.$inferSelect;
export type SessionValues = Partial<typeof sessions.$inferInsert>;

/** The session history's SQL. A write the database refuses (a full disk) is held and retried. */
export class SessionStore {
  private readonly writes: PendingWrites;

  constructor(
    private readonly storage: Storage,
    log: Logger,
  ) {
    this.writes = new PendingWrites(log);
  }

  private get table() {
    return this.storage.tables.sessions;
  }

  /** Sessions in one of `states` (of one instance, when named) end as INTERRUPTED; how many did. */
  async markInterrupted(states: SessionState[], instanceId?: string): Promise<number> {
    const ended = await this.storage.db
      .update(this.table)
      .set({ state: 'ENDED', endReason: 'INTERRUPTED', endedAt: new Date(), endMessage: 'haven-live stopped without ending this session' })
      .where(and(inArray(this.table.state, states), instanceId === undefined ? undefined : eq(this.table.instanceId, instanceId)))
      .returning({ id: this.table.id });
    return ended.length;
  }

  /** A session's row as it is meant to be, or undefined. */
  async row(id: string): Promise<SessionRow | undefined> {
    const [row] = await this.writes.read(() => this.storage.db.select().from(this.table).where(eq(this.table.id, id)).limit(1), (r) => r.id);
    return row;
  }

  /** Adds a new session's row; throws what the database says when it refuses. */
  insert(values: typeof sessions.$inferInsert): Promise<void> {
    return this.writes.first(values.id, () => this.storage.db.insert(this.table).values(values));
  }

  /** Changes a session's row, where `fence` holds (its room's lease is still the writer's). */
  save(id: string, values: SessionValues, fence: SQL): void {
    this.writes.update(id, values, (merged) => this.storage.db.update(this.table).set(merged).where(and(eq(this.table.id, id), fence)));
  }

  /** Resolves once what is held for a session's row has been written. */
  settled(id: string): Promise<void> {
    return this.writes.settled(id);
  }

  /** Writes what is held (on shutdown). */
  flush(): Promise<void> {
    return this.writes.flush();
  }

  /** A page of the history, newest first, as each row is meant to be (with writes still held). */
  async page(page: HistoryPage): Promise<SessionRow[]> {
    const { where, orderBy, limit } = pageOf(this.table.seq, page);
    return this.writes.read(() => this.storage.db.select().from(this.table).where(where).orderBy(orderBy).limit(limit), (row) => row.id);
  }
}
