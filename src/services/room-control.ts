import type { Logger } from 'pino';
import type { MediaService } from './media.js';
import type { RecordingMode, RecordingView } from './recording-model.js';
import type { RecordingService } from './recordings.js';
import type { InstanceService } from './instances.js';
import { NotTaken, type RoomAction, type RoomCommands } from './room-commands.js';
import { validateRoomName, type SessionService, type SessionView } from './sessions.js';

export interface RoomControlOptions {
  /** How long a viewer of a room another instance owns stays without a subscriber (default 15 s). */
  viewerIdleMs?: number;
  /** How often that is looked at (default 5 s). */
  viewerCheckMs?: number;
}

export interface StartSessionArgs {
  roomName: string;
  record?: boolean | null;
  recordingMode?: RecordingMode | null;
}

/**
 * A room's session and recording, whichever instance on the database is asked: what this instance
 * owns it does itself; a room another instance owns is asked of that instance; a new session goes
 * to the instance with the most room to spare. With one instance, everything is done here.
 */
export class RoomControl {
  /** New sessions sent to each instance and not answered yet: counted in the placement of the next. */
  private readonly sentTo = new Map<string, number>();

  /** Rooms viewed for live media, with when a subscriber last asked for one. */
  private readonly viewerUse = new Map<string, number>();
  private viewerTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly sessions: SessionService,
    private readonly mediaService: MediaService,
    private readonly recordings: RecordingService,
    private readonly instances: InstanceService,
    private readonly commands: RoomCommands,
    private readonly log: Logger,
    private readonly options: RoomControlOptions = {},
  ) {}

  /** Runs the commands other instances send this one, from now on. */
  start(): void {
    this.commands.start(
      (action, roomName, args) => this.here(action, roomName, args),
      () => this.instances.shared,
    );
  }

  stop(): Promise<void> {
    clearInterval(this.viewerTimer);
    this.viewerTimer = undefined;
    return this.commands.stop();
  }

  /**
   * Live media (`open`) of a room: of this instance's session, or, when another instance owns the
   * room, of a viewer this instance joins for it. A viewer leaves once no subscriber has used it
   * for `viewerIdleMs`, or when the room's session ends or comes to this instance.
   */
  async media<T>(roomName: string, open: () => T | Promise<T>): Promise<T> {
    // A name that cannot be a room's is left to `open` to refuse, as on one instance.
    if (!this.sessions.isLive(roomName) && roomName.length <= 128) {
      const owner = await this.instances.ownerElsewhere(roomName);
      if (owner) {
        this.viewerUse.set(roomName, Date.now());
        await this.sessions.openViewer(roomName, owner);
        this.viewerTimer ??= setInterval(() => void this.closeIdleViewers(), this.options.viewerCheckMs ?? 5_000).unref();
      }
    }
    return open();
  }

  private async closeIdleViewers(): Promise<void> {
    for (const roomName of this.sessions.viewedRooms()) {
      const idle = !this.mediaService.inUse(roomName) && Date.now() - (this.viewerUse.get(roomName) ?? 0) > (this.options.viewerIdleMs ?? 15_000);
      const owned = !this.sessions.isLive(roomName) && (await this.instances.ownerElsewhere(roomName).catch(() => 'unknown')) !== undefined;
      if (idle || !owned) {
        this.viewerUse.delete(roomName);
        await this.sessions.closeViewer(roomName);
      }
    }
  }

  async startSession(args: StartSessionArgs): Promise<SessionView> {
    const roomName = validateRoomName(args.roomName);
    if (!this.sessions.isLive(roomName)) {
      const owner = (await this.instances.ownerElsewhere(roomName)) ?? (await this.instances.placement(this.sentTo));
      if (owner && owner !== this.instances.id) {
        this.sentTo.set(owner, (this.sentTo.get(owner) ?? 0) + 1);
        try {
          return await this.commands.send<SessionView>(owner, roomName, 'startSession', { ...args });
        } catch (error) {
          // An instance that did not take it is gone: the session starts here.
          if (!(error instanceof NotTaken)) throw error;
          this.log.warn({ roomName, instanceId: owner }, 'an instance did not take a new session; starting it here');
        } finally {
          const left = (this.sentTo.get(owner) ?? 1) - 1;
          if (left > 0) this.sentTo.set(owner, left);
          else this.sentTo.delete(owner);
        }
      }
    }
    const session = await this.startHere(args);
    // Another instance took the room meanwhile: it is asked (for its participants, and to record).
    if (session.ownerInstanceId && session.ownerInstanceId !== this.instances.id) {
      return this.commands.send<SessionView>(session.ownerInstanceId, roomName, 'startSession', { ...args }).catch((error: unknown) => {
        if (error instanceof NotTaken) return session;
        throw error;
      });
    }
    return session;
  }

  stopSession(roomName: string): Promise<SessionView> {
    return this.route(roomName, 'stopSession', {}, () => this.sessions.stop(roomName));
  }

  /** The room's session: the active one wherever it runs, else the one that ended last here. */
  async session(roomName: string): Promise<SessionView | null> {
    if (this.sessions.isLive(roomName)) return this.sessions.find(roomName);
    const owner = await this.instances.ownerElsewhere(roomName);
    if (!owner) return this.sessions.find(roomName);
    return this.commands.send<SessionView | null>(owner, roomName, 'session').catch((error: unknown) => {
      if (!(error instanceof NotTaken)) throw error;
      return this.sessions.find(roomName);
    });
  }

  startRecording(roomName: string, mode: RecordingMode | null | undefined): Promise<RecordingView[]> {
    return this.route(roomName, 'startRecording', { mode }, () => this.recordings.start(roomName, { mode }));
  }

  stopRecording(roomName: string): Promise<RecordingView[]> {
    return this.route(roomName, 'stopRecording', {}, () => this.recordings.stop(roomName));
  }

  pauseRecording(roomName: string): Promise<RecordingView[]> {
    return this.route(roomName, 'pauseRecording', {}, () => this.recordings.pause(roomName));
  }

  resumeRecording(roomName: string): Promise<RecordingView[]> {
    return this.route(roomName, 'resumeRecording', {}, () => this.recordings.resume(roomName));
  }

  /** Does `local` when the room's session runs here or nowhere; asks the instance that owns it otherwise. */
  private async route<T>(roomName: string, action: RoomAction, args: Record<string, unknown>, local: () => Promise<T>): Promise<T> {
    validateRoomName(roomName);
    if (!this.sessions.isLive(roomName)) {
      const owner = await this.instances.ownerElsewhere(roomName);
      if (owner) {
        try {
          return await this.commands.send<T>(owner, roomName, action, args);
        } catch (error) {
          if (!(error instanceof NotTaken)) throw error;
        }
      }
    }
    return local();
  }

  private async startHere(args: StartSessionArgs): Promise<SessionView> {
    if (args.record) {
      this.recordings.checkMode(args.recordingMode);
      await this.recordings.checkDirectory();
    }
    const session = await this.sessions.start(args.roomName);
    if (args.record && session.ownerInstanceId === this.instances.id) await this.recordings.start(args.roomName, { mode: args.recordingMode });
    return session;
  }

  /** What another instance asked of this one. */
  private here(action: RoomAction, roomName: string, args: Record<string, unknown>): Promise<unknown> {
    const mode = (args.mode ?? null) as RecordingMode | null;
    switch (action) {
      case 'startSession':
        return this.startHere({ roomName, record: args.record === true, recordingMode: (args.recordingMode ?? null) as RecordingMode | null });
      case 'stopSession':
        return this.sessions.stop(roomName);
      case 'session':
        return Promise.resolve(this.sessions.find(roomName));
      case 'startRecording':
        return this.recordings.start(roomName, { mode });
      case 'stopRecording':
        return this.recordings.stop(roomName);
      case 'pauseRecording':
        return this.recordings.pause(roomName);
      case 'resumeRecording':
        return this.recordings.resume(roomName);
    }
  }
}
