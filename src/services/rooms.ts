import type { Logger } from 'pino';
import { HavenError } from '../errors.js';
import { countPublishers, listServerRooms, type ServerRoom } from '../livekit.js';
import type { ConfigService } from './config.js';
import type { RecordingService } from './recordings.js';
import type { SessionService, SessionView } from './sessions.js';

/** A room on the LiveKit server, with haven-live's session in it (if any) and whether it records. */
export interface RoomView extends ServerRoom {
  session: SessionView | null;
  recording: boolean;
}

export interface RoomDirectoryOptions {
  /** How long a listing is answered from memory (ms; default 2 000). */
  cacheMs?: number;
  /** How long the LiveKit server may take to answer (ms; default 5 000). */
  timeoutMs?: number;
}

/**
 * The LiveKit server's live rooms, as its RoomService lists them (haven-live holds the API key, so
 * it sees every room), listed at most once per `cacheMs` however many ask.
 */
export class RoomDirectory {
  private cached: { atMs: number; url: string; rooms: ServerRoom[] } | undefined;
  private pending: Promise<ServerRoom[]> | undefined;
  private readonly cacheMs: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly config: ConfigService,
    private readonly sessions: SessionService,
    private readonly recordings: RecordingService,
    private readonly log: Logger,
    options: RoomDirectoryOptions = {},
  ) {
    this.cacheMs = options.cacheMs ?? 2_000;
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  /** Every live room, by name; NOT_CONFIGURED or LIVEKIT_UNAVAILABLE when they cannot be listed. */
  async list(): Promise<RoomView[]> {
    const rooms = await this.serverRooms();
    const sessions = new Map(this.sessions.active().map((session) => [session.roomName, session]));
    return rooms
      .map((room) => {
        const session = sessions.get(room.name) ?? null;
        return { ...room, session, recording: session !== null && this.recordings.isRecording(session.id) };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** How many participants publish in a room now, asked of the server (not cached). */
  publishers(roomName: string): Promise<number> {
    return countPublishers(this.config.livekitCredentials(), roomName, this.timeoutMs);
  }

  /** The server's rooms, from the cache when it is fresh and for the same server. */
  async serverRooms(): Promise<ServerRoom[]> {
    const credentials = this.config.livekitCredentials();
    const cached = this.cached;
    if (cached && cached.url === credentials.url && Date.now() - cached.atMs < this.cacheMs) return cached.rooms;
    this.pending ??= listServerRooms(credentials, this.timeoutMs)
      .then((rooms) => {
        this.cached = { atMs: Date.now(), url: credentials.url, rooms };
        return rooms;
      })
      .catch((error: unknown) => {
        // The cause is for the operator; the client learns what to check.
        this.log.warn({ err: error }, 'listing the LiveKit server\'s rooms failed');
        const status = (error as { status?: unknown })?.status;
        const refused = status === 401 || status === 403;
        throw new HavenError(
          'LIVEKIT_UNAVAILABLE',
          refused
            ? 'The LiveKit server refused to list its rooms: check livekitApiKey and livekitApiSecret'
            : 'The LiveKit server did not list its rooms: check livekitUrl and that the server runs',
          { reason: refused ? 'UNAUTHORIZED' : 'UNREACHABLE' },
        );
      })
      .finally(() => (this.pending = undefined));
    return this.pending;
  }
}
