import { and, asc, eq, gt, lt, max, type SQL } from 'drizzle-orm';
import type { Storage } from '../db/client.js';
import type { SessionEvent } from './events.js';

/** A session event with its place in the journal: resume after it with `sessionEvents(roomName, after: cursor)`. */
export type JournaledEvent = SessionEvent & { cursor: string };

/** Fields of an event's payload that hold dates (JSON keeps them as ISO strings). */
const DATE_FIELDS = new Set(['startedAt', 'endedAt', 'finalizedAt', 'joinedAt', 'start', 'end']);

/** The session events' SQL: appended in order, read after a cursor. */
export class EventStore {
  constructor(private readonly storage: Storage) {}

  private get table() {
    return this.storage.tables.sessionEvents;
  }

  /** Appends an instance's events in their order; their sequence numbers, in the same order. */
  async append(events: SessionEvent[], instanceId: string): Promise<number[]> {
    const rows = events.map(({ sessionId, roomName, type, at, ...payload }) => ({ sessionId, roomName, type, at, payload: JSON.stringify(payload), instanceId }));
    const inserted = await this.storage.db.insert(this.table).values(rows).returning({ seq: this.table.seq });
    // One statement's rows are numbered in their order; RETURNING need not list them in it.
    return inserted.map((row) => row.seq).sort((a, b) => a - b);
  }

  /** Up to `limit` of a room's events after `seq`, oldest first. */
  after(roomName: string, seq: number, limit: number): Promise<JournaledEvent[]> {
    return this.read(and(eq(this.table.roomName, roomName), gt(this.table.seq, seq)), limit);
  }

  /** Up to `limit` of an instance's events after `seq`, oldest first (one instance stores its events in order). */
  ofInstance(instanceId: string, seq: number, limit: number): Promise<JournaledEvent[]> {
    return this.read(and(eq(this.table.instanceId, instanceId), gt(this.table.seq, seq)), limit);
  }

  /** The last sequence number given so far (0 with none). */
  async last(): Promise<number> {
    const [row] = await this.storage.db.select({ seq: max(this.table.seq) }).from(this.table);
    return Number(row?.seq ?? 0);
  }

  private async read(where: SQL | undefined, limit: number): Promise<JournaledEvent[]> {
    const rows = await this.storage.db.select().from(this.table).where(where).orderBy(asc(this.table.seq)).limit(limit);
    return rows.map((row) => ({
      ...(JSON.parse(row.payload, (key, value) => (DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value)) as object),
      sessionId: row.sessionId,
      roomName: row.roomName,
      type: row.type,
      at: row.at,
      cursor: String(row.seq),
    })) as JournaledEvent[];
  }

  /** Removes events older than `before`. */
  async prune(before: Date): Promise<void> {
    await this.storage.db.delete(this.table).where(lt(this.table.at, before));
  }
}
