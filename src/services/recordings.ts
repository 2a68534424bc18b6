import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { rm, statfs, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Logger } from 'pino';
import type { Storage } from '../db/client.js';
import { HavenError, storageFailed } from '../errors.js';
import { prepareRecordingDirectory } from '../recording-directory.js';
import { createRecordingFolder } from '../recording-files.js';
import type { ConfigService } from './config.js';
import type { ParticipantInfo, TrackInfo } from '../livekit.js';
import { describeStorageError, type ObjectStorage } from '../object-storage.js';
import { GapCauses } from './gap-reasons.js';
import { RecordingUploads, type UploadOptions } from './uploads.js';
import { RecordingPauses } from './recording-pauses.js';
import { RecordingStore, toView } from './recording-store.js';
import { ParticipantRecorder, type FamilyRecorder } from './participant-recorder.js';
import { PassthroughRecorder, RoomTap } from './passthrough-recorder.js';
import { mintViewerToken } from '../livekit.js';
import type { TapAvailability } from '../media-tap.js';
import { finishFiles } from './recording-finishing.js';
import {
  FAMILY_FILES,
  familyOf,
  MANIFEST_FILE,
  FILE_NAMES,
  type FamilyTracks,
  type MediaFamily,
  type RecordingFile,
  type RecordingGap,
  type RecordingMode,
  type RecordingView,
  type StopReason,
  type TrackSourceName,
} from './recording-model.js';
import type { HistoryPage } from '../db/pages.js';
import type { SessionEvent } from './events.js';
import type { SessionService } from './sessions.js';
import type { SessionClock } from './session-clock.js';
import type { TrackFeeds } from './track-feeds.js';

export interface RecordingServiceOptions {
  /** Free space (MB) below which every recording stops (default 500; HAVEN_MIN_FREE_MB). */
  minFreeMb?: number;
  /** Object storage that finished recordings are uploaded to (HAVEN_STORAGE_URL); none: they stay on disk. */
  storage?: ObjectStorage;
  uploads?: UploadOptions;
  /** The media tap, when built: PASSTHROUGH recording needs it. */
  tap?: TapAvailability;
  /** The mode of a recording whose start names none (HAVEN_RECORDING_MODE; default PASSTHROUGH when the tap is built, else TRANSCODE). */
  defaultMode?: RecordingMode;
}

/** Where a recording's file can be read: on disk, or in object storage. */
export type FileLocation = { path: string } | { objectKey: string; storage: ObjectStorage };

interface ActiveRecording {
  id: string;
  directory: string;
  startedAt: Date;
  /** Session-clock time it started at, µs. */
  startUs: number;
  /** One recorder per family of tracks, each with its own files. */
  recorders: Map<MediaFamily, FamilyRecorder>;
  tracks: Map<MediaFamily, FamilyTracks>;
  /** Its pauses, and its files' time line without them. */
  pauses: RecordingPauses;
  /** Stops it when it reaches its maximum length. */
  limitTimer?: NodeJS.Timeout;
  finishing?: Promise<void>;
}

interface RecordedSession {
  sessionId: string;
  roomName: string;
  clock: SessionClock;
  participants: Map<string, ActiveRecording>;
  /** When the session was reconnecting, and each track muted: what explains a gap. */
  causes: GapCauses;
  /** Which participants' tracks are recorded, when not all are. */
  filter: RecordFilter | undefined;
  /** Recorded length (pauses left out) at which a recording stops with MAX_DURATION, µs. */
  maxRecordingUs: number | undefined;
  /** Participants whose recording reached its maximum length: not recorded again in this session. */
  done: Set<string>;
  paused: boolean;
  mode: RecordingMode;
  /** The room's media tap (PASSTHROUGH), once a track needs it. */
  roomTap?: RoomTap;
  /** After a failover: the first part of each participant's recording this session goes on with. */
  continues?: FailoverParts;
}

/** The recordings a session goes on with after taking a room over from an instance that died. */
export interface FailoverParts {
  /** The first part's id, by participant identity. */
  firstParts: Map<string, string>;
  /** When the instance that died last renewed the room's lease: where the FAILOVER gap begins. */
  lostAt: Date;
}

/** Whether a participant's track of a source is recorded (a watch rule's participants and sources). */
export type RecordFilter = (identity: string, source: TrackSourceName) => boolean;

/** What a recording started by a watch rule is limited to. */
export interface RecordOptions {
  filter?: RecordFilter;
  /** Each recording stops with MAX_DURATION once it holds this many seconds (null: no limit). */
  maxRecordingSec?: number | null;
  /** PASSTHROUGH or TRANSCODE (default: the server's). */
  mode?: RecordingMode | null;
  continues?: FailoverParts;
}

/** Records sessions to disk, one recording per participant with media, and keeps their catalog. */
export class RecordingService {
  private readonly recorded = new Map<string, RecordedSession>();
  private readonly finishing = new Set<Promise<void>>();
  /** Recordings being written or finalized, by id: a delete waits for them. */
  private readonly running = new Map<string, { session: RecordedSession; identity: string; active: ActiveRecording }>();
  private readonly store: RecordingStore;
  private readonly minFreeBytes: number;
  private diskTimer: NodeJS.Timeout | undefined;
  /** Uploads to object storage, when it is set. */
  readonly uploads: RecordingUploads | undefined;
  /** Whether PASSTHROUGH recording can be used (the media tap is built), and why not. */
  readonly passthrough: TapAvailability;
  readonly defaultMode: RecordingMode;

  constructor(
    storage: Storage,
    private readonly config: ConfigService,
    private readonly sessions: SessionService,
    private readonly feeds: TrackFeeds,
    private readonly log: Logger,
    options: RecordingServiceOptions = {},
  ) {
    this.store = new RecordingStore(storage, log);
    this.minFreeBytes = (options.minFreeMb ?? 500) * 1024 * 1024;
    this.uploads = options.storage && new RecordingUploads(this.store, options.storage, log.child({ service: 'uploads' }), options.uploads);
    this.passthrough = options.tap ?? { available: false, reason: 'the media tap was not looked for' };
    this.defaultMode = options.defaultMode ?? (this.passthrough.available ? 'PASSTHROUGH' : 'TRANSCODE');
    if (this.defaultMode === 'PASSTHROUGH' && !this.passthrough.available) {
      log.warn({ reason: this.passthrough.reason }, 'PASSTHROUGH recording is unavailable: recordings are made in TRANSCODE');
      this.defaultMode = 'TRANSCODE';
    }
    sessions.events.listen((event) => this.onSessionEvent(event));
  }

  /**
   * While anything records, checks every second the recordings' lengths against their limit, and
   * the recording directory's free space: below the minimum every recording stops cleanly
   * (stopReason LOW_DISK_SPACE), before a full disk cuts files short.
   */
  private watchDisk(): void {
    if (this.diskTimer) return;
    this.diskTimer = setInterval(() => {
      if (this.recorded.size === 0) {
        clearInterval(this.diskTimer);
        this.diskTimer = undefined;
        return;
      }
      this.checkLengths();
      statfs(this.config.recordingDirectory()).then(
        (stats) => {
          const free = stats.bavail * stats.bsize;
          if (free >= this.minFreeBytes) return;
          this.log.warn({ freeMb: Math.floor(free / 1024 / 1024) }, 'recording directory low on space: stopping every recording');
          for (const sessionId of [...this.recorded.keys()]) void this.stopSession(sessionId, 'LOW_DISK_SPACE');
        },
        (error) => this.log.warn({ err: error }, 'could not read the free space of the recording directory'),
      );
    }, 1_000);
    this.diskTimer.unref();
  }

  /**
   * Stops each recording that holds its session's maximum length. Checked every second; one due
   * within the next second gets a timer of its own, so that it stops when it reaches it.
   */
  private checkLengths(): void {
    for (const session of this.recorded.values()) {
      const maxUs = session.maxRecordingUs;
      if (maxUs === undefined) continue;
      const nowUs = session.clock.nowUs();
      for (const [identity, active] of session.participants) {
        if (active.finishing) continue;
        const remainingUs = maxUs - (active.pauses.toFileUs(nowUs) - active.startUs);
        if (remainingUs > 0) {
          if (remainingUs < 1_100_000 && !active.pauses.paused && !active.limitTimer) {
            active.limitTimer = setTimeout(() => {
              active.limitTimer = undefined;
              this.checkLengths();
            }, Math.ceil(remainingUs / 1000) + 1);
            active.limitTimer.unref();
          }
          continue;
        }
        session.done.add(identity);
        this.log.info({ recordingId: active.id, roomName: session.roomName }, 'recording reached its maximum length');
        void this.finish(session, identity, active, 'MAX_DURATION', active.pauses.fromFileUs(active.startUs + maxUs));
      }
    }
  }

  /** Tries the writes the database refused once more (on shutdown). */
  flushWrites(): Promise<void> {
    return this.store.flush();
  }

  /**
   * Recordings a crash left unfinished become INTERRUPTED; their files are probed and combined, and
   * uploaded with object storage. Uploads a restart left waiting go on.
   */
  async recoverInterrupted(): Promise<number> {
    const own = this.sessions.ownRows();
    // With those another instance took over while this one was gone (FAILOVER): their files are here.
    const stale = [...(await this.store.markInterrupted(own)), ...(own ? await this.store.takenOver(own) : [])];
    for (const row of stale) {
      const files = await finishFiles(row.directory).catch(() => []);
      this.store.save(row.id, { files: JSON.stringify(files), finalizedAt: new Date() });
      if (files.length > 0) this.uploads?.enqueue(row.id);
    }
    await this.uploads?.resumePending();
    return stale.length;
  }

  /**
   * Goes on with the recordings of a session whose instance died, in the room's session this
   * instance took over: its running recordings become INTERRUPTED (FAILOVER) at `lostAt`, and each
   * participant's goes on as a new part of the same recording, the missing span a FAILOVER gap.
   */
  async continueAfterFailover(roomName: string, lostSessionId: string, lostAt: Date): Promise<RecordingView[]> {
    const rows = await this.store.takeOver(lostSessionId, lostAt);
    if (rows.length === 0) return [];
    const firstParts = new Map(rows.map((row) => [row.participantIdentity, row.partOf ?? row.id]));
    this.log.info({ roomName, parts: rows.length }, 'going on with the recordings of an instance that stopped renewing its lease');
    return this.start(roomName, { mode: rows[0].mode === 'PASSTHROUGH' ? 'PASSTHROUGH' : 'TRANSCODE', continues: { firstParts, lostAt } });
  }

  /** The span from the lost instance's last renewal to this part's start, as a gap of each track, in the first part. */
  private async addFailoverGaps(session: RecordedSession, firstId: string, startedAt: Date, participant: ParticipantInfo): Promise<void> {
    const first = await this.store.row(firstId);
    if (!first || !session.continues) return;
    const seconds = (at: Date) => Math.max(0, (at.getTime() - first.startedAt.getTime()) / 1000);
    const gaps: RecordingGap[] = participant.tracks
      .filter((track) => !session.filter || session.filter(participant.identity, sourceName(track.source)))
      .map((track) => ({
        kind: track.kind,
        trackSid: track.sid,
        source: sourceName(track.source),
        startSec: seconds(session.continues!.lostAt),
        endSec: seconds(startedAt),
        reason: 'FAILOVER',
      }));
    this.store.save(firstId, { gaps: JSON.stringify([...(JSON.parse(first.gaps) as RecordingGap[]), ...gaps]) });
  }

  /** Every part of a recording (one, unless another instance went on with it after a failover). */
  parts(recording: RecordingView): Promise<RecordingView[]> {
    return this.store.parts(recording.partOf ?? recording.id);
  }

  /** Starts recording every participant with media in the room's session (and those who join). */
  async start(roomName: string, options: RecordOptions = {}): Promise<RecordingView[]> {
    const mode = this.checkMode(options.mode);
    let session = this.sessions.get(roomName);
    if (!this.recorded.has(session.id)) await this.checkDirectory();
    // The check awaited: another start may have begun recording meanwhile, or the session ended.
    session = this.sessions.get(roomName);
    if (!this.recorded.has(session.id)) {
      this.recorded.set(session.id, {
        sessionId: session.id,
        roomName,
        clock: this.sessions.clock(roomName),
        participants: new Map(),
        causes: new GapCauses(),
        filter: options.filter,
        maxRecordingUs: options.maxRecordingSec == null ? undefined : options.maxRecordingSec * 1e6,
        done: new Set(),
        paused: false,
        mode,
        continues: options.continues,
      });
      const recorded = this.recorded.get(session.id)!;
      for (const participant of session.participants) {
        for (const track of participant.tracks) if (track.muted) recorded.causes.mute(track.sid, 0);
      }
      this.watchDisk();
      try {
        const saved: Promise<void>[] = [];
        for (const participant of session.participants) {
          for (const track of participant.tracks) {
            const inserted = this.record(session.id, participant, track);
            if (inserted) saved.push(inserted);
          }
        }
        await Promise.all(saved);
      } catch (error) {
        // Nothing half-started stays behind: what began is stopped, and the caller is told why.
        void this.stopSession(session.id).catch((stopError) => this.log.error({ err: stopError }, 'stopping a recording that could not start failed'));
        throw error;
      }
    }
    return this.forSession(session.id);
  }

  /** The mode a start asking for `mode` records in; RECORDING_FAILED saying why when it cannot be used. */
  checkMode(mode: RecordingMode | null | undefined): RecordingMode {
    const chosen = mode ?? this.defaultMode;
    if (chosen === 'PASSTHROUGH' && !this.passthrough.available) {
      throw new HavenError('RECORDING_FAILED', `PASSTHROUGH recording is unavailable (${this.passthrough.reason}): record in TRANSCODE`, { mode: chosen });
    }
    return chosen;
  }

  /** Stops recording the room's session and finishes its files. */
  async stop(roomName: string): Promise<RecordingView[]> {
    const session = this.sessions.get(roomName);
    await this.stopSession(session.id);
    return this.forSession(session.id);
  }

  /**
   * Pauses the room's recordings: nothing is written until they resume, and the paused time is
   * left out of the files. Someone who joins meanwhile starts paused.
   */
  pause(roomName: string): Promise<RecordingView[]> {
    return this.setPaused(roomName, true);
  }

  /** Resumes the room's paused recordings: each file goes on where it stopped. */
  resume(roomName: string): Promise<RecordingView[]> {
    return this.setPaused(roomName, false);
  }

  private setPaused(roomName: string, paused: boolean): Promise<RecordingView[]> {
    const view = this.sessions.get(roomName);
    const session = this.recorded.get(view.id);
    if (!session) throw new HavenError('RECORDING_NOT_FOUND', `Room ${JSON.stringify(roomName)} is not being recorded: call startRecording first`, { roomName });
    session.paused = paused;
    const nowUs = session.clock.nowUs();
    for (const active of session.participants.values()) {
      if (active.finishing) continue;
      const changed = paused ? active.pauses.pause(nowUs) : active.pauses.resume(nowUs);
      if (!changed) continue;
      for (const recorder of active.recorders.values()) recorder.setPaused(paused);
      this.store.save(active.id, { state: paused ? 'PAUSED' : 'RECORDING', pauses: this.pausesJson(session, active) });
      this.emit(session, { type: paused ? 'RecordingPaused' : 'RecordingResumed', recording: this.current(active.id) });
    }
    return this.forSession(view.id);
  }

  /** A recording's pauses as the catalog keeps them: wall-clock ms. */
  private pausesJson(session: RecordedSession, active: ActiveRecording): string {
    const ms = (us: number) => Math.round(session.clock.toEpochMs(us));
    return JSON.stringify(active.pauses.spans.map((span) => ({ start: ms(span.startUs), end: span.endUs === undefined ? null : ms(span.endUs) })));
  }

  /** Finishes every recording (for shutdown); uploads not done wait for the next start. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.recorded.keys()].map((sessionId) => this.stopSession(sessionId)));
    await Promise.all([...this.finishing]);
    await this.uploads?.stop();
  }

  isRecording(sessionId: string): boolean {
    return this.recorded.has(sessionId);
  }

  forSession(sessionId: string): Promise<RecordingView[]> {
    return this.store.forSession(sessionId);
  }

  async get(id: string): Promise<RecordingView> {
    const row = await this.store.row(id);
    if (!row) throw new HavenError('RECORDING_NOT_FOUND', `No recording with id ${JSON.stringify(id)}`, { id });
    return toView(row);
  }

  /** The view of a recording this process is making. */
  private current(id: string): RecordingView {
    return toView(this.store.current(id)!);
  }

  list(roomName: string | null | undefined, page: HistoryPage): Promise<{ cursor: number; node: RecordingView }[]> {
    return this.store.list(roomName, page);
  }

  /** The file of a recording on disk, for download. */
  async filePath(id: string, fileName: string): Promise<string | undefined> {
    const row = FILE_NAMES.has(fileName) ? await this.store.row(id) : undefined;
    if (!row) return undefined;
    const path = join(row.directory, fileName);
    return existsSync(path) ? path : undefined;
  }

  /** Where a recording's file is: on disk while it is there, else its object once stored. */
  async fileLocation(id: string, fileName: string): Promise<FileLocation | undefined> {
    const path = await this.filePath(id, fileName);
    if (path) return { path };
    const storage = this.uploads?.storage;
    const row = await this.store.row(id);
    if (!storage || !row) return undefined;
    const files = JSON.parse(row.files) as RecordingFile[];
    const file = files.find((f) => f.name === fileName && f.storage === 'STORED' && f.objectKey);
    if (file) return { objectKey: file.objectKey!, storage };
    // The manifest goes up last: once it is gone from the disk, it is in the bucket beside the files.
    if (fileName === MANIFEST_FILE && files.length > 0 && files.every((f) => f.storage === 'STORED')) return { objectKey: storage.key(basename(row.directory), MANIFEST_FILE), storage };
    return undefined;
  }

  /** Removes a recording's files and row (stopping it first if it is running). */
  async delete(id: string): Promise<RecordingView> {
    let view = await this.get(id);
    // A recording still being written or finalized is finished first: its files are in use. The
    // answer is the recording as it ended, not as it was when the delete came.
    const running = this.running.get(id);
    if (running) await this.finish(running.session, running.identity, running.active);
    await this.uploads?.cancel(id);
    const row = await this.store.row(id);
    if (!row) return view;
    view = toView(row);
    const storage = this.uploads?.storage;
    const keys = view.files.flatMap((file) => (file.objectKey ? [file.objectKey] : []));
    if (storage && keys.length > 0) {
      try {
        await storage.delete([...keys, storage.key(basename(row.directory), MANIFEST_FILE)]);
      } catch (error) {
        // Nothing is deleted unless the objects are: the recording stays listed, to try again.
        this.uploads?.enqueue(id);
        throw new HavenError('STORAGE_FAILED', `Could not delete the recording's objects (${describeStorageError(error)}): try again`, { reason: describeStorageError(error) });
      }
    }
    try {
      await this.store.delete(id);
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

  /**
   * Records a participant's track. A new recording's row is saved meanwhile: the promise of that
   * rejects with STORAGE_FAILED when the catalog refuses it, and the recording is failed.
   */
  private record(sessionId: string, participant: ParticipantInfo, track: Pick<TrackInfo, 'kind' | 'sid' | 'source'>): Promise<void> | undefined {
    const session = this.recorded.get(sessionId);
    if (!session) return;
    const { identity: participantIdentity } = participant;
    const { kind, sid: trackSid, source } = track;
    // Someone who withheld consent is never recorded; one whose recording reached its limit is done.
    if (!participant.recordingConsent || session.done.has(participantIdentity)) return;
    if (session.filter && !session.filter(participantIdentity, sourceName(source))) return;
    let active = session.participants.get(participantIdentity);
    let inserted: Promise<void> | undefined;
    // Someone who left and came back while their last recording finalizes gets a new one.
    if (!active || active.finishing) {
      const startedAt = new Date();
      let directory: string;
      try {
        directory = createRecordingFolder(this.config.recordingDirectory(), session.roomName, participantIdentity, startedAt);
      } catch (error) {
        this.log.error({ err: error, roomName: session.roomName }, 'cannot create a recording folder');
        return;
      }
      const id = randomUUID();
      const partOf = session.continues?.firstParts.get(participantIdentity);
      session.continues?.firstParts.delete(participantIdentity);
      const startUs = session.clock.nowUs();
      const pauses = new RecordingPauses(startUs);
      // Someone who joins a paused recording starts paused.
      if (session.paused) pauses.pause(startUs);
      inserted = this.store.insert({
          id,
          sessionId,
          roomName: session.roomName,
          participantIdentity,
          mode: session.mode,
          instanceId: this.sessions.instances.id,
          state: session.paused ? 'PAUSED' : 'RECORDING',
          startedAt,
          directory,
          pauses: session.paused ? JSON.stringify([{ start: startedAt.getTime(), end: null }]) : '[]',
          partOf,
        })
        .then(() => {
          if (partOf) void this.addFailoverGaps(session, partOf, startedAt, participant);
        })
        .catch((error: unknown) => {
          this.log.error({ err: error, roomName: session.roomName }, 'could not save a new recording');
          this.onRecorderFailure(session, participantIdentity, id, new Error('the recording catalog refused it'));
          throw storageFailed('the recording', error);
        });
      // The start that made it reports a refusal; one who joined later is only failed.
      inserted.catch(() => undefined);
      active = { id, directory, startedAt, startUs, recorders: new Map(), tracks: new Map(), pauses };
      session.participants.set(participantIdentity, active);
      this.running.set(id, { session, identity: participantIdentity, active });
      this.emit(session, { type: 'RecordingStarted', recording: this.current(id) });
    }
    const family = familyOf(source);
    let recorder = active.recorders.get(family);
    if (!recorder && session.mode === 'PASSTHROUGH' && this.passthrough.available) {
      const { id } = active;
      const { roomName } = session;
      session.roomTap ??= new RoomTap(
        this.passthrough.path,
        async () => {
          const credentials = this.config.livekitCredentials();
          return { url: credentials.url, token: await mintViewerToken(credentials, roomName, 'tap') };
        },
        this.log.child({ roomName, tap: true }),
      );
      recorder = new PassthroughRecorder(active.directory, family, {
        roomTap: session.roomTap,
        startUs: active.startUs,
        clock: session.clock,
        pauses: active.pauses,
        publication: (sid) => this.feeds.publication({ roomName, sessionId, participantIdentity, trackSid: sid }),
        onFailure: (error) => this.onRecorderFailure(session, participantIdentity, id, error),
        log: this.log.child({ recordingId: id }),
      });
      active.recorders.set(family, recorder);
    }
    if (!recorder) {
      const { id } = active;
      recorder = new ParticipantRecorder(active.directory, { VIDEO: FAMILY_FILES[family].VIDEO, AUDIO: FAMILY_FILES[family].AUDIO }, {
        target: { roomName: session.roomName, sessionId, participantIdentity },
        startUs: active.startUs,
        clock: session.clock,
        pauses: active.pauses,
        feeds: this.feeds,
        onFailure: (error) => this.onRecorderFailure(session, participantIdentity, id, error),
      });
      active.recorders.set(family, recorder);
    }
    // A track published again by the same participant and source continues its family's files.
    recorder.record(kind, trackSid);
    active.tracks.set(family, { ...active.tracks.get(family), [kind]: { sid: trackSid, source: sourceName(source) } });
    return inserted;
  }

  private onRecorderFailure(session: RecordedSession, identity: string, id: string, error: Error): void {
    if (session.participants.get(identity)?.id === id) session.participants.delete(identity);
    const message = `Recording failed: ${error.message}`;
    this.log.error({ recordingId: id, err: error }, 'recording failed');
    this.store.save(id, { state: 'FAILED', endedAt: new Date(), error: message });
    const row = this.store.current(id);
    if (!row) return;
    // What was written stays playable; list it.
    const task: Promise<void> = finishFiles(row.directory, false)
      .then((files) => {
        this.store.save(id, { files: JSON.stringify(files) });
        if (files.length > 0) this.uploads?.enqueue(id);
      })
      .catch((failure) => this.log.warn({ err: failure, recordingId: id }, 'listing the files of a failed recording failed'))
      .finally(() => {
        this.finishing.delete(task);
        this.running.delete(id);
        this.store.release(id);
      });
    this.finishing.add(task);
    this.emit(session, { type: 'RecordingFailed', recording: toView(row), error: message });
  }

  private async stopSession(sessionId: string, reason: StopReason = 'STOPPED'): Promise<void> {
    const session = this.recorded.get(sessionId);
    if (!session) return;
    this.recorded.delete(sessionId);
    await Promise.all([...session.participants.keys()].map((identity) => this.finish(session, identity, undefined, reason)));
    await session.roomTap?.close();
  }

  private finish(
    session: RecordedSession,
    identity: string,
    active = session.participants.get(identity),
    reason: StopReason = 'STOPPED',
    /** Where the recorded window ends on the session clock (default now). */
    stopAtUs?: number,
  ): Promise<void> {
    if (!active) return Promise.resolve();
    active.finishing ??= (async () => {
      const stopUs = Math.min(stopAtUs ?? Number.POSITIVE_INFINITY, session.clock.nowUs());
      const endedAt = new Date(Math.round(session.clock.toEpochMs(stopUs)));
      clearTimeout(active.limitTimer);
      // A pause that lasts to the stop ends there.
      active.pauses.resume(stopUs);
      this.store.save(active.id, { state: 'FINALIZING', endedAt, stopReason: reason, pauses: this.pausesJson(session, active) });
      const errors = await Promise.all([...active.recorders.values()].map((recorder) => recorder.stop(stopUs)));
      if (session.participants.get(identity) === active) session.participants.delete(identity);
      if (this.store.current(active.id)?.state === 'FAILED') return;
      let files: RecordingFile[] = [];
      let failure = errors.find((error) => error !== null)?.message ?? null;
      try {
        const offsets = new Map([...active.recorders.entries()].map(([family, recorder]) => [family, (recorder.videoPhaseUs ?? 0) / 1e6]));
        files = await finishFiles(active.directory, true, active.tracks, offsets);
      } catch (combineError) {
        failure ??= (combineError as Error).message;
      }
      // Nothing arrived from any track: say so, rather than list a success without media.
      const empty = !failure && files.length === 0;
      const gaps = this.gapsOf(session, active, stopUs);
      if (empty) await rm(active.directory, { recursive: true, force: true }).catch(() => undefined);
      else await this.writeManifest(session, identity, active, { endedAt, stopUs, reason, files, gaps }).catch((error) => this.log.warn({ err: error, recordingId: active.id }, 'writing the manifest failed'));
      const state = failure ? 'FAILED' : empty ? 'EMPTY' : 'COMPLETE';
      this.store.save(active.id, { state, finalizedAt: new Date(), error: failure, files: JSON.stringify(files), gaps: JSON.stringify(gaps) });
      if (files.length > 0) this.uploads?.enqueue(active.id);
      const view = this.current(active.id);
      if (failure) this.emit(session, { type: 'RecordingFailed', recording: view, error: failure });
      else this.emit(session, { type: 'RecordingStopped', recording: view });
    })();
    const task: Promise<void> = active.finishing
      .catch((error) => this.log.error({ err: error, recordingId: active.id }, 'finishing a recording failed'))
      .finally(() => {
        this.finishing.delete(task);
        this.running.delete(active.id);
        if (!this.running.has(active.id)) this.store.release(active.id);
      });
    this.finishing.add(task);
    return task;
  }

  /** Every recorder's gaps, explained by what the session went through, in seconds from the start. */
  private gapsOf(session: RecordedSession, active: ActiveRecording, stopUs: number): RecordingGap[] {
    const sources = trackSources(active);
    // On the files' time line: paused time is left out, and a gap inside a pause is no gap.
    const seconds = (us: number) => Math.round((active.pauses.toFileUs(Math.max(us, active.startUs)) - active.startUs) / 1000) / 1000;
    return [...active.recorders.values()]
      .flatMap((recorder) => recorder.gaps(stopUs))
      .map((gap) => session.causes.explain(gap))
      .map((gap) => ({
        kind: gap.kind,
        trackSid: gap.trackSid,
        source: sources.get(gap.trackSid) ?? 'UNKNOWN',
        startSec: seconds(gap.startUs),
        endSec: seconds(Math.min(gap.endUs, stopUs)),
        reason: gap.reason,
      }))
      .filter((gap) => gap.endSec > gap.startSec)
      .sort((a, b) => a.startSec - b.startSec);
  }

  /** Writes manifest.json beside the files: what a player or an archive needs to trust them. */
  private async writeManifest(
    session: RecordedSession,
    identity: string,
    active: ActiveRecording,
    done: { endedAt: Date; stopUs: number; reason: StopReason; files: RecordingFile[]; gaps: RecordingGap[] },
  ): Promise<void> {
    const seconds = (us: number | undefined) => (us === undefined ? null : Math.round((active.pauses.toFileUs(us) - active.startUs) / 1000) / 1000);
    const sources = trackSources(active);
    const tracks = [...active.recorders.entries()].flatMap(([family, recorder]) =>
      recorder.tracks.map((track) => ({
        sid: track.sid,
        kind: track.kind,
        source: sources.get(track.sid) ?? 'UNKNOWN',
        // A track that delivered nothing has no file.
        file: track.firstMediaUs === undefined ? null : (done.files.find((file) => file.kind === track.kind && file.trackSid === track.sid)?.name ?? null),
        codec: track.mimeType,
        width: track.width,
        height: track.height,
        firstMediaSec: seconds(track.firstMediaUs),
        gaps: done.gaps.filter((gap) => gap.trackSid === track.sid),
        droppedFrames: track.kind === 'VIDEO' ? recorder.droppedFrames : 0,
        // The file's first media is this long after the recording's start.
        fileStartSec: Math.round(recorder.fileStartUs(track.kind) / 1000) / 1000,
        // PASSTHROUGH: what the media tap counted of the track.
        tap: recorder instanceof PassthroughRecorder ? recorder.figures(track.sid) : undefined,
        sync: track.sync && {
          receiveDelayMs: Math.round(track.sync.receiveDelayMs * 10) / 10,
          corrections: track.sync.corrections,
          correctedMs: Math.round(track.sync.correctedMs * 10) / 10,
          playoutShiftMs: Math.round(track.sync.playoutShiftMs * 10) / 10,
        },
      })),
    );
    const manifest = {
      recordingId: active.id,
      sessionId: session.sessionId,
      roomName: session.roomName,
      participantIdentity: identity,
      startedAt: active.startedAt.toISOString(),
      endedAt: done.endedAt.toISOString(),
      durationSec: seconds(done.stopUs),
      stopReason: done.reason,
      // Left out of the files (times are where they were on the wall clock); not gaps.
      pauses: active.pauses.spans.map((span) => ({
        start: new Date(Math.round(session.clock.toEpochMs(span.startUs))).toISOString(),
        end: new Date(Math.round(session.clock.toEpochMs(span.endUs ?? done.stopUs))).toISOString(),
        atSec: seconds(span.startUs),
        lengthSec: Math.round(((span.endUs ?? done.stopUs) - span.startUs) / 1000) / 1000,
      })),
      mode: session.mode,
      // PASSTHROUGH: how each family's video file was placed against its audio file in the combined file.
      alignment:
        session.mode === 'PASSTHROUGH'
          ? Object.fromEntries([...active.recorders.entries()].map(([family, recorder]) => [family, recorder instanceof PassthroughRecorder ? recorder.alignment : null]))
          : undefined,
      clock:
        session.mode === 'PASSTHROUGH'
          ? "Packets are written as they arrived, on each track's RTP clock; each file starts at its first packet (video: its first keyframe), placed by when it arrived, and the combined file lines video up with audio by the publisher's RTCP sender reports."
          : 'Media is stamped where it leaves rtc-node, minus each track\'s jitter-buffer delay, on one session clock; ' +
        'a track whose media position slips from it by more than 20 ms, or by more than 1 ms after a stall, is re-anchored there (listed as a DROPPED gap).',
      tracks,
      files: done.files.map(({ name, kind, trackSid, source, sizeBytes, durationSec, codec, width, height }) => ({ name, kind, trackSid, source, sizeBytes, durationSec, codec, width, height })),
      gaps: done.gaps,
    };
    await writeFile(join(active.directory, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  }

  private emit(
    session: { sessionId: string; roomName: string },
    payload:
      | { type: 'RecordingStarted' | 'RecordingStopped' | 'RecordingPaused' | 'RecordingResumed'; recording: RecordingView }
      | { type: 'RecordingFailed'; recording: RecordingView; error: string },
  ): void {
    this.sessions.events.publish({ sessionId: session.sessionId, roomName: session.roomName, at: new Date(), ...payload });
  }

  private onSessionEvent(event: SessionEvent): void {
    const session = this.recorded.get(event.sessionId);
    if (!session) return;
    const nowUs = session.clock.nowUs();
    switch (event.type) {
      case 'TrackMuted':
        session.causes.mute(event.track.sid, nowUs);
        break;
      case 'TrackUnmuted':
        session.causes.unmute(event.track.sid, nowUs);
        break;
      case 'ConnectionStateChanged':
        session.causes.connection(event.state === 'RECONNECTING', nowUs);
        break;
      case 'TrackPublished':
        try {
          this.record(event.sessionId, event.participant, event.track);
        } catch (error) {
          this.log.error({ err: error, sessionId: event.sessionId }, 'could not start recording a published track');
        }
        break;
      case 'RecordingConsentChanged':
        if (!event.participant.recordingConsent) {
          void this.finish(session, event.participant.identity, undefined, 'CONSENT_WITHDRAWN');
          break;
        }
        // Consent given again: a new recording of what the participant publishes.
        try {
          for (const track of event.participant.tracks) this.record(event.sessionId, event.participant, track);
        } catch (error) {
          this.log.error({ err: error, sessionId: event.sessionId }, 'could not start recording a participant who gave consent');
        }
        break;
      case 'ParticipantLeft':
        void this.finish(session, event.participant.identity, undefined, 'PARTICIPANT_LEFT');
        break;
      case 'SessionEnded':
        void this.stopSession(event.sessionId, 'SESSION_ENDED').catch((error) => this.log.error({ err: error, sessionId: event.sessionId }, 'stopping recordings failed'));
        break;
      default:
        break;
    }
  }
}

/** The source of every track a recording took, by sid. */
function trackSources(active: ActiveRecording): Map<string, TrackSourceName> {
  return new Map([...active.tracks.values()].flatMap((tracks) => Object.values(tracks).map((track) => [track.sid, track.source] as const)));
}

function sourceName(source: string): TrackSourceName {
  return (['CAMERA', 'MICROPHONE', 'SCREEN_SHARE', 'SCREEN_SHARE_AUDIO'] as const).find((known) => known === source) ?? 'UNKNOWN';
}
