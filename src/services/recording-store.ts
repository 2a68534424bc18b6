import { eq, inArray } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { pageOf, type HistoryPage } from '../db/pages.js';
import { PendingWrites } from '../db/pending-writes.js';
import { recordings } from '../db/schema.js';
import type { RecordingFile, RecordingGap, RecordingPause, RecordingState, RecordingView, StopReason } from './recording-model.js';

export type RecordingRow = typeof recordings.$inferSelect;
export type RecordingValues = Partial<typeof recordings.$inferInsert>;

/** The recording catalog's SQL: rows in, views out. A write the database refuses (a full disk) is held and retried. */
export class RecordingStore {
  private readonly writes: PendingWrites;

  constructor(
    private readonly db: Db,
    log: Logger,
  ) {
    this.writes = new PendingWrites(log);
  }

  /** Adds a new recording's row; throws what the database says when it refuses. */
  insert(values: typeof recordings.$inferInsert): void {
    this.db.insert(recordings).values(values).run();
  }

  save(id: string, values: RecordingValues): void {
    this.writes.update(id, values, (merged) => this.db.update(recordings).set(merged).where(eq(recordings.id, id)).run());
  }

  /** A row as it is meant to be (with writes still held), or undefined. */
  row(id: string): RecordingRow | undefined {
    const row = this.db.select().from(recordings).where(eq(recordings.id, id)).get();
    return row && this.writes.overlay(id, row);
  }

  /** Tries the writes the database refused once more (on shutdown). */
  flush(): void {
    this.writes.flush();
  }

  /** Rows a crash left RECORDING or FINALIZING, now INTERRUPTED. */
  markInterrupted(): RecordingRow[] {
    const stale = this.db.select().from(recordings).where(inArray(recordings.state, ['RECORDING', 'PAUSED', 'FINALIZING'])).all();
    for (const row of stale) {
      this.db
        .update(recordings)
        .set({ state: 'INTERRUPTED', endedAt: new Date(), error: 'haven-live stopped without finishing this recording' })
        .where(eq(recordings.id, row.id))
        .run();
    }
    return stale;
  }

  /** Finished recordings with a file waiting for upload (UPLOADING or UPLOAD_FAILED). */
  withUnstoredFiles(): string[] {
    return this.db
      .select({ id: recordings.id, files: recordings.files })
      .from(recordings)
      .where(inArray(recordings.state, ['COMPLETE', 'FAILED', 'INTERRUPTED']))
      .all()
      .filter((row) => (JSON.parse(row.files) as RecordingFile[]).some((file) => file.storage === 'UPLOADING' || file.storage === 'UPLOAD_FAILED'))
      .map((row) => row.id);
  }

  forSession(sessionId: string): RecordingView[] {
    return this.db
      .select()
      .from(recordings)
      .where(eq(recordings.sessionId, sessionId))
      .orderBy(recordings.seq)
      .all()
      .map((row) => toView(this.writes.overlay(row.id, row)));
  }

  list(roomName: string | null | undefined, page: HistoryPage): { cursor: number; node: RecordingView }[] {
    const { where, orderBy, limit } = pageOf(recordings.seq, page, roomName ? eq(recordings.roomName, roomName) : undefined);
    return this.db
      .select()
      .from(recordings)
      .where(where)
      .orderBy(orderBy)
      .limit(limit)
      .all()
      .map((row) => ({ cursor: row.seq, node: toView(this.writes.overlay(row.id, row)) }));
  }

  /** Removes a row; throws what the database says when it refuses. */
  delete(id: string): void {
    this.db.delete(recordings).where(eq(recordings.id, id)).run();
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
  };
}
