import { randomUUID } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { recordings } from '../db/schema.js';
import { HavenError, storageFailed } from '../errors.js';
import { PendingWrites } from '../db/pending-writes.js';
import { combine, probe } from '../ffmpeg.js';
import { prepareRecordingDirectory } from '../recording-directory.js';
import { createRecordingFolder } from '../recording-files.js';
import type { ConfigService } from './config.js';
import { ParticipantRecorder } from './participant-recorder.js';
import { pageOf, type HistoryPage } from '../db/pages.js';
import type { SessionEvent, SessionService } from './sessions.js';
import { sessionClockUs, type TrackFeeds } from './track-feeds.js';

export type RecordingState = 'RECORDING' | 'FINALIZING' | 'COMPLETE' | 'FAILED' | 'INTERRUPTED';
export type RecordingFileKind = 'VIDEO' | 'AUDIO' | 'COMBINED';

export const FILE_NAMES: Record<RecordingFileKind, string> = {
  VIDEO: 'video.mp4',
  AUDIO: 'audio.wav',
  COMBINED: 'combined.mp4',
};

export interface RecordingFile {
  kind: RecordingFileKind;
  path: string;
  sizeBytes: number;
  durationSec: number | null;
  codec: string | null;
  width: number | null;
  height: number | null;
}

export interface RecordingView {
  id: string;
  sessionId: string;
  roomName: string;
  participantIdentity: string;
  state: RecordingState;
  startedAt: Date;
  endedAt: Date | null;
  error: string | null;
  files: RecordingFile[];
}

interface ActiveRecording {
  id: string;
  recorder: ParticipantRecorder;
  finishing?: Promise<void>;
}

interface RecordedSession {
  sessionId: string;
  roomName: string;
  startedAtMs: number;
  participants: Map<string, ActiveRecording>;
}

/** Records sessions to disk, one recording per participant with media, and keeps their catalog. */
export class RecordingService {
  private readonly recorded = new Map<string, RecordedSession>();
  private readonly finishing = new Set<Promise<void>>();
  /** Recordings being written or finalized, by id: a delete waits for them. */
  private readonly running = new Map<string, { session: RecordedSession; identity: string; active: ActiveRecording }>();
  private readonly writes: PendingWrites;

  constructor(
    private readonly db: Db,
    private readonly config: ConfigService,
    private readonly sessions: SessionService,
    private readonly feeds: TrackFeeds,
    private readonly log: Logger,
  ) {
    this.writes = new PendingWrites(log);
    sessions.events.listen((event) => this.onSessionEvent(event));
  }

  /** Writes a recording's row; a write the database refuses (a full disk) is held and retried. */
  private save(id: string, values: Partial<typeof recordings.$inferInsert>): void {
    this.writes.update(id, values, (merged) => this.db.update(recordings).set(merged).where(eq(recordings.id, id)).run());
  }

  private row(id: string): typeof recordings.$inferSelect | undefined {
    const row = this.db.select().from(recordings).where(eq(recordings.id, id)).get();
    return row && this.writes.overlay(id, row);
  }

  /** Tries the writes the database refused once more (on shutdown). */
  flushWrites(): void {
    this.writes.flush();
  }

  /** Recordings a crash left unfinished become INTERRUPTED; their files are probed and combined. */
  async recoverInterrupted(): Promise<number> {
    const stale = this.db.select().from(recordings).where(inArray(recordings.state, ['RECORDING', 'FINALIZING'])).all();
    for (const row of stale) {
      this.db
        .update(recordings)
        .set({ state: 'INTERRUPTED', endedAt: new Date(), error: 'haven-live stopped without finishing this recording' })
        .where(eq(recordings.id, row.id))
        .run();
    }
    for (const row of stale) {
      const files = await this.finishFiles(row.directory).catch(() => []);
      this.db.update(recordings).set({ files: JSON.stringify(files) }).where(eq(recordings.id, row.id)).run();
    }
    return stale.length;
  }

  /** Starts recording every participant with media in the room's session (and those who join). */
  async start(roomName: string): Promise<RecordingView[]> {
    let session = this.sessions.get(roomName);
    if (!this.recorded.has(session.id)) await this.checkDirectory();
    // The check awaited: another start may have begun recording meanwhile, or the session ended.
    session = this.sessions.get(roomName);
    if (!this.recorded.has(session.id)) {
      this.recorded.set(session.id, {
        sessionId: session.id,
        roomName,
        startedAtMs: session.startedAt.getTime(),
        participants: new Map(),
      });
      try {
        for (const participant of session.participants) {
          for (const track of participant.tracks) this.record(session.id, participant.identity, track.kind, track.sid);
        }
      } catch (error) {
        // Nothing half-started stays behind: what began is stopped, and the caller is told why.
        void this.stopSession(session.id).catch((stopError) => this.log.error({ err: stopError }, 'stopping a recording that could not start failed'));
        throw error;
      }
    }
    return this.forSession(session.id);
  }

  /** Stops recording the room's session and finishes its files. */
  async stop(roomName: string): Promise<RecordingView[]> {
    const session = this.sessions.get(roomName);
    await this.stopSession(session.id);
    return this.forSession(session.id);
  }

  /** Finishes every recording (for shutdown). */
  async stopAll(): Promise<void> {
    await Promise.all([...this.recorded.keys()].map((sessionId) => this.stopSession(sessionId)));
    await Promise.all([...this.finishing]);
  }

  isRecording(sessionId: string): boolean {
    return this.recorded.has(sessionId);
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

  get(id: string): RecordingView {
    const row = this.row(id);
    if (!row) throw new HavenError('RECORDING_NOT_FOUND', `No recording with id ${JSON.stringify(id)}`, { id });
    return toView(row);
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

  /** The file of a recording on disk, for download. */
  filePath(id: string, fileName: string): string | undefined {
    const kind = (Object.keys(FILE_NAMES) as RecordingFileKind[]).find((key) => FILE_NAMES[key] === fileName);
    const row = this.db.select().from(recordings).where(eq(recordings.id, id)).get();
    if (!kind || !row) return undefined;
    const path = join(row.directory, FILE_NAMES[kind]);
    return existsSync(path) ? path : undefined;
  }

  /** Removes a recording's files and row (stopping it first if it is running). */
  async delete(id: string): Promise<RecordingView> {
    const view = this.get(id);
    // A recording still being written or finalized is finished first: its files are in use.
    const running = this.running.get(id);
    if (running) await this.finish(running.session, running.identity, running.active);
    const row = this.row(id);
    if (!row) return view;
    try {
      this.db.delete(recordings).where(eq(recordings.id, id)).run();
    } catch (error) {
      throw storageFailed('the recording catalog', error);
    }
    await rm(row.directory, { recursive: true, force: true });
    return view;
  }

  /** RECORDING_FAILED naming the directory unless it is a writable folder outside system folders; leaves nothing behind. */
  async checkDirectory(): Promise<void> {
    const root = this.config.recordingDirectory();
    try {
      await prepareRecordingDirectory(root);
    } catch (error) {
      // The cause (an errno, a path that exists or not) is for the operator only.
      this.log.debug({ err: error, directory: root }, 'recording directory cannot be used');
      throw new HavenError(
        'RECORDING_FAILED',
        `Recording directory ${root} cannot be used (it must be a writable folder outside system folders): set recordingDirectory with updateConfig`,
        { directory: root },
      );
    }
  }

  /** Records a participant's track; STORAGE_FAILED (with nothing started) if the catalog refuses it. */
  private record(sessionId: string, participantIdentity: string, kind: 'AUDIO' | 'VIDEO', trackSid: string): void {
    const session = this.recorded.get(sessionId);
    if (!session) return;
    let active = session.participants.get(participantIdentity);
    if (!active) {
      const startedAt = new Date();
      let directory: string;
      try {
        directory = createRecordingFolder(this.config.recordingDirectory(), session.roomName, participantIdentity, startedAt);
      } catch (error) {
        this.log.error({ err: error, roomName: session.roomName }, 'cannot create a recording folder');
        return;
      }
      const id = randomUUID();
      try {
        this.db
          .insert(recordings)
          .values({ id, sessionId, roomName: session.roomName, participantIdentity, state: 'RECORDING', startedAt, directory })
          .run();
      } catch (error) {
        rmSync(directory, { recursive: true, force: true });
        this.log.error({ err: error, roomName: session.roomName }, 'could not save a new recording');
        throw storageFailed('the recording', error);
      }
      const recorder = new ParticipantRecorder(
        { roomName: session.roomName, sessionId, participantIdentity },
        directory,
        sessionClockUs(session.startedAtMs),
        this.feeds,
        (error) => this.onRecorderFailure(session, participantIdentity, id, error),
      );
      active = { id, recorder };
      session.participants.set(participantIdentity, active);
      this.running.set(id, { session, identity: participantIdentity, active });
      this.emit(session, { type: 'RecordingStarted', recording: this.get(id) });
    }
    active.recorder.record(kind, trackSid);
  }

  private onRecorderFailure(session: RecordedSession, identity: string, id: string, error: Error): void {
    if (session.participants.get(identity)?.id === id) session.participants.delete(identity);
    const message = `Recording failed: ${error.message}`;
    this.log.error({ recordingId: id, err: error }, 'recording failed');
    this.save(id, { state: 'FAILED', endedAt: new Date(), error: message });
    const row = this.row(id);
    if (!row) return;
    // What was written stays playable; list it.
    const task: Promise<void> = this.finishFiles(row.directory, false)
      .then((files) => this.save(id, { files: JSON.stringify(files) }))
      .catch((failure) => this.log.warn({ err: failure, recordingId: id }, 'listing the files of a failed recording failed'))
      .finally(() => {
        this.finishing.delete(task);
        this.running.delete(id);
      });
    this.finishing.add(task);
    this.emit(session, { type: 'RecordingFailed', recording: toView(row), error: message });
  }

  private async stopSession(sessionId: string): Promise<void> {
    const session = this.recorded.get(sessionId);
    if (!session) return;
    this.recorded.delete(sessionId);
    await Promise.all([...session.participants.keys()].map((identity) => this.finish(session, identity)));
  }

  private finish(session: RecordedSession, identity: string, active = session.participants.get(identity)): Promise<void> {
    if (!active) return Promise.resolve();
    active.finishing ??= (async () => {
      const stopUs = sessionClockUs(session.startedAtMs);
      this.save(active.id, { state: 'FINALIZING' });
      const error = await active.recorder.stop(stopUs);
      if (session.participants.get(identity) === active) session.participants.delete(identity);
      if (this.row(active.id)?.state === 'FAILED') return;
      let files: RecordingFile[] = [];
      let failure = error?.message ?? null;
      try {
        files = await this.finishFiles(active.recorder.directory);
      } catch (combineError) {
        failure ??= (combineError as Error).message;
      }
      this.save(active.id, { state: failure ? 'FAILED' : 'COMPLETE', endedAt: new Date(), error: failure, files: JSON.stringify(files) });
      const view = this.get(active.id);
      if (failure) this.emit(session, { type: 'RecordingFailed', recording: view, error: failure });
      else this.emit(session, { type: 'RecordingStopped', recording: view });
    })();
    const task: Promise<void> = active.finishing
      .catch((error) => this.log.error({ err: error, recordingId: active.id }, 'finishing a recording failed'))
      .finally(() => {
        this.finishing.delete(task);
        this.running.delete(active.id);
      });
    this.finishing.add(task);
    return task;
  }

  /** Makes combined.mp4 from what is there (unless asked not to) and probes every file. */
  private async finishFiles(directory: string, makeCombined = true): Promise<RecordingFile[]> {
    const present = (kind: RecordingFileKind) => {
      const path = join(directory, FILE_NAMES[kind]);
      return existsSync(path) && statSync(path).size > 0 ? path : null;
    };
    const video = present('VIDEO');
    const audio = present('AUDIO');
    let combineError: Error | undefined;
    if (makeCombined && (video || audio)) {
      await combine(video, audio, join(directory, FILE_NAMES.COMBINED)).catch((error: Error) => (combineError = error));
    }
    const files: RecordingFile[] = [];
    for (const kind of ['VIDEO', 'AUDIO', 'COMBINED'] as const) {
      const path = present(kind);
      if (!path) continue;
      const probed = await probe(path).catch(() => ({ durationSec: null, codec: null, width: null, height: null }));
      files.push({ kind, path, sizeBytes: statSync(path).size, ...probed });
    }
    if (combineError) throw new Error(`combining the files failed: ${combineError.message}`);
    return files;
  }

  private emit(session: { sessionId: string; roomName: string }, payload: { type: 'RecordingStarted' | 'RecordingStopped'; recording: RecordingView } | { type: 'RecordingFailed'; recording: RecordingView; error: string }): void {
    this.sessions.events.publish({ sessionId: session.sessionId, roomName: session.roomName, at: new Date(), ...payload });
  }

  private onSessionEvent(event: SessionEvent): void {
    const session = this.recorded.get(event.sessionId);
    if (!session) return;
    switch (event.type) {
      case 'TrackPublished':
        try {
          this.record(event.sessionId, event.participant.identity, event.track.kind, event.track.sid);
        } catch (error) {
          this.log.error({ err: error, sessionId: event.sessionId }, 'could not start recording a published track');
        }
        break;
      case 'ParticipantLeft':
        void this.finish(session, event.participant.identity);
        break;
      case 'SessionEnded':
        void this.stopSession(event.sessionId).catch((error) => this.log.error({ err: error, sessionId: event.sessionId }, 'stopping recordings failed'));
        break;
      default:
        break;
    }
  }
}

function toView(row: typeof recordings.$inferSelect): RecordingView {
  return {
    id: row.id,
    sessionId: row.sessionId,
    roomName: row.roomName,
    participantIdentity: row.participantIdentity,
    state: row.state as RecordingState,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    error: row.error,
    files: JSON.parse(row.files) as RecordingFile[],
  };
}
