import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Storage } from '../db/client.js';
import { pageOf, type HistoryPage } from '../db/pages.js';
import { PendingWrites } from '../db/pending-writes.js';
import type { recordings } from '../db/schema-postgres.js';
import type { RecordingFile, RecordingGap, RecordingPause, RecordingState, RecordingView, StopReason } from './recording-model.js';

export type RecordingRow = typeof recordings.$inferSelect;
export type RecordingValues = Partial<typeof recordings.$inferInsert>;
type NewRecording = typeof recordings.$inferInsert & Pick<RecordingRow, 'id' | 'sessionId' | 'roomName' | 'participantIdentity' | 'state' | 'startedAt' | 'directory'>;

/**
 * The recording catalog's SQL: rows in, views out. A write the database refuses (a full disk) is
 * held and retried. The rows of the recordings this process is making are kept as they are meant
 * to be, so that their views need no query.
 */
export class RecordingStore {
  private readonly writes: PendingWrites;
  private readonly local = new Map<string, RecordingRow>();

  constructor(
    private readonly storage: Storage,
    log: Logger,
  ) {
    this.writes = new PendingWrites(log);
  }

  private get table() {
    return this.storage.tables.recordings;
  }

  /** Adds a new recording's row; rejects with what the database says when it refuses. */
  insert(values: NewRecording): Promise<void> {
    const defaults = { seq: 0, endedAt: null, finalizedAt: null, stopReason: null, error: null, files: '[]', gaps: '[]', pauses: '[]', mode: 'TRANSCODE', instanceId: null, partOf: null };
    this.local.set(values.id, { ...defaults, ...values, instanceId: values.instanceId ?? null });
    return this.writes.first(values.id, () => this.storage.db.insert(this.table).values(values));
  }

  save(id: string, values: RecordingValues): void {
    const local = this.local.get(id);
    if (local) this.local.set(id, { ...local, ...values });
    this.writes.update(id, values, (merged) => this.storage.db.update(this.table).set(merged).where(eq(this.table.id, id)));
  }

  /** The row of a recording this process is making (until `release`). */
  current(id: string): RecordingRow | undefined {
    return this.local.get(id);
  }

  /** A recording this process finished: from now on it is read from the database. */
  release(id: string): void {
    this.local.delete(id);
  }

  /** A row as it is meant to be (with writes still held), or undefined. */
  async row(id: string): Promise<RecordingRow | undefined> {
    const local = this.local.get(id);
    if (local) return local;
    const [row] = await this.meant(() => this.storage.db.select().from(this.table).where(eq(this.table.id, id)).limit(1));
    return row;
  }

  /** Writes what is held (on shutdown). */
  flush(): Promise<void> {
    return this.writes.flush();
  }

  /** Rows a crash left RECORDING, PAUSED or FINALIZING (of one instance, when named), now INTERRUPTED. */
  markInterrupted(instanceId?: string): Promise<RecordingRow[]> {
    return this.storage.db
      .update(this.table)
      .set({ state: 'INTERRUPTED', endedAt: new Date(), error: 'haven-live stopped without finishing this recording' })
      .where(and(inArray(this.table.state, ['RECORDING', 'PAUSED', 'FINALIZING']), instanceId === undefined ? undefined : eq(this.table.instanceId, instanceId)))
      .returning();
  }

  /**
   * The running recordings of a session whose instance stopped renewing its lease: INTERRUPTED
   * (FAILOVER) at `endedAt`, their files left to that instance to finish when it starts again.
   */
  takeOver(sessionId: string, endedAt: Date): Promise<RecordingRow[]> {
    return this.storage.db
      .update(this.table)
      .set({ state: 'INTERRUPTED', endedAt, stopReason: 'FAILOVER', error: 'its instance stopped renewing the room lease; another instance goes on with a new part' })
      .where(and(eq(this.table.sessionId, sessionId), inArray(this.table.state, ['RECORDING', 'PAUSED', 'FINALIZING'])))
      .returning();
  }

  /** An instance's recordings that another took over while it was gone, their files not finished yet. */
  takenOver(instanceId: string): Promise<RecordingRow[]> {
    return this.storage.db
      .select()
      .from(this.table)
      .where(and(eq(this.table.instanceId, instanceId), eq(this.table.stopReason, 'FAILOVER'), isNull(this.table.finalizedAt)));
  }

  /** Every part of the recording whose first part is `firstId`, in the order they began. */
  async parts(firstId: string): Promise<RecordingView[]> {
    const rows = await this.meant(() =>
      this.storage.db
        .select()
        .from(this.table)
        .where(or(eq(this.table.id, firstId), eq(this.table.partOf, firstId)))
        .orderBy(this.table.startedAt),
    );
    return rows.map(toView);
  }

  /** Finished recordings with a file waiting for upload (UPLOADING or UPLOAD_FAILED). */
  async withUnstoredFiles(): Promise<string[]> {
    const rows = await this.storage.db
      .select({ id: this.table.id, files: this.table.files })
      .from(this.table)
      .where(inArray(this.table.state, ['COMPLETE', 'FAILED', 'INTERRUPTED']));
    return rows
      .filter((row) => (JSON.parse(row.files) as RecordingFile[]).some((file) => file.storage === 'UPLOADING' || file.storage === 'UPLOAD_FAILED'))
      .map((row) => row.id);
  }

  async forSession(sessionId: string): Promise<RecordingView[]> {
    const rows = await this.meant(() => this.storage.db.select().from(this.table).where(eq(this.table.sessionId, sessionId)).orderBy(this.table.seq));
    return rows.map(toView);
  }

  async list(roomName: string | null | undefined, page: HistoryPage): Promise<{ cursor: number; node: RecordingView }[]> {
    const { where, orderBy, limit } = pageOf(this.table.seq, page, roomName ? eq(this.table.roomName, roomName) : undefined);
    const rows = await this.meant(() => this.storage.db.select().from(this.table).where(where).orderBy(orderBy).limit(limit));
    return rows.map((row) => ({ cursor: row.seq, node: toView(row) }));
  }

  /** Removes a row; throws what the database says when it refuses. */
  async delete(id: string): Promise<void> {
    await this.storage.db.delete(this.table).where(eq(this.table.id, id));
  }

  /** Rows read from the database as they are meant to be: those this process is making as it keeps them. */
  private async meant(read: () => Promise<RecordingRow[]>): Promise<RecordingRow[]> {
    const rows = await this.writes.read(read, (row) => row.id);
    return rows.map((row) => {
      const local = this.local.get(row.id);
      return local ? { ...local, seq: row.seq } : row;
    });
  }
}

export function toView(row: RecordingRow): RecordingView {
  return {
    id: row.id,
    sessionId: row.sessionId,
    roomName: row.roomName,
    participantIdentity: row.participantIdentity,
    mode: row.mode === 'PASSTHROUGH' ? 'PASSTHROUGH' : 'TRANSCODE',
    state: row.state as RecordingState,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    finalizedAt: row.finalizedAt,
    stopReason: row.stopReason as StopReason | null,
    error: row.error,
    files: JSON.parse(row.files) as RecordingFile[],
    gaps: JSON.parse(row.gaps) as RecordingGap[],
    pauses: (JSON.parse(row.pauses) as { start: number; end: number | null }[]).map((span) => ({
      start: new Date(span.start),
      end: span.end === null ? null : new Date(span.end),
    })) satisfies RecordingPause[],
    instanceId: row.instanceId,
    partOf: row.partOf,
  };
}
