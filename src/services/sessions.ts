import { randomUUID } from 'node:crypto';
import {
  RoomEvent,
  type DisconnectReason,
  type Participant,
  type RemoteParticipant,
  type RemoteTrackPublication,
  type Room,
  type TrackPublication,
} from '@livekit/rtc-node';
import { eq, inArray } from 'drizzle-orm';
import type { Logger } from 'pino';
import { Broadcast } from '../broadcast.js';
import type { Db } from '../db/client.js';
import { pageOf, type HistoryPage } from '../db/pages.js';
import { sessions } from '../db/schema.js';
import { HavenError, validationFailed } from '../errors.js';
import {
  describeParticipant,
  describeTrack,
  disconnectReasonName,
  joinRoom,
  type ParticipantInfo,
  type TrackInfo,
} from '../livekit.js';
import type { ConfigService } from './config.js';
import type { RecordingView } from './recordings.js';

export type SessionState = 'CONNECTING' | 'CONNECTED' | 'RECONNECTING' | 'ENDED' | 'FAILED';
const ACTIVE_STATES: SessionState[] = ['CONNECTING', 'CONNECTED', 'RECONNECTING'];

export interface SessionView {
  id: string;
  roomName: string;
  state: SessionState;
  startedAt: Date;
  endedAt: Date | null;
  endReason: string | null;
  endMessage: string | null;
  participants: ParticipantInfo[];
}

interface EventBase {
  sessionId: string;
  roomName: string;
  at: Date;
}
export type SessionEvent = EventBase &
  (
    | { type: 'ParticipantJoined' | 'ParticipantLeft'; participant: ParticipantInfo }
    | {
        type:
          | 'TrackPublished'
          | 'TrackUnpublished'
          | 'TrackSubscribed'
          | 'TrackUnsubscribed'
          | 'TrackMuted'
          | 'TrackUnmuted';
        participant: ParticipantInfo;
        track: TrackInfo;
      }
    | { type: 'ActiveSpeakersChanged'; identities: string[] }
    | { type: 'ConnectionStateChanged'; state: SessionState }
    | { type: 'SessionEnded'; reason: string; message: string | null }
    | { type: 'RecordingStarted' | 'RecordingStopped'; recording: RecordingView }
    | { type: 'RecordingFailed'; recording: RecordingView; error: string }
  );
type EventPayload = SessionEvent extends infer E ? (E extends unknown ? Omit<E, keyof EventBase> : never) : never;

export interface SessionServiceOptions {
  connectTimeoutMs?: number;
  /** How many events a subscriber that stops reading may fall behind before its oldest are dropped. */
  eventBufferSize?: number;
}

const MAX_ROOM_NAME = 128;

export function validateRoomName(roomName: string): string {
  if (roomName.length < 1 || roomName.length > MAX_ROOM_NAME) {
    throw validationFailed('roomName', `must be 1 to ${MAX_ROOM_NAME} characters`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(roomName)) throw validationFailed('roomName', 'must not contain control characters');
  return roomName;
}

/** One connection to one room, from joining to its end. */
class LiveSession {
  state: SessionState = 'CONNECTING';
  readonly startedAt = new Date();
  endedAt: Date | null = null;
  endReason: string | null = null;
  endMessage: string | null = null;
  room: Room | undefined;
  ready!: Promise<void>;
  private readonly participants = new Map<string, RemoteParticipant>();

  constructor(
    readonly id: string,
    readonly roomName: string,
  ) {}

  get active(): boolean {
    return ACTIVE_STATES.includes(this.state);
  }

  attach(room: Room): void {
    this.room = room;
    // rtc-node fills remoteParticipants on connect but emits no participantConnected for them.
    for (const participant of room.remoteParticipants.values()) this.participants.set(participant.identity, participant);
  }

  participant(identity: string): RemoteParticipant | undefined {
    return this.participants.get(identity);
  }

  addParticipant(participant: RemoteParticipant): void {
    this.participants.set(participant.identity, participant);
  }

  removeParticipant(participant: RemoteParticipant): void {
    this.participants.delete(participant.identity);
  }

  view(): SessionView {
    return {
      id: this.id,
      roomName: this.roomName,
      state: this.state,
      startedAt: this.startedAt,
      endedAt: this.endedAt,
      endReason: this.endReason,
      endMessage: this.endMessage,
      participants: this.active ? [...this.participants.values()].map(describeParticipant) : [],
    };
  }
}

/** Joins rooms as a hidden viewer, keeps each session's state and history, and publishes what happens. */
export class SessionService {
  private readonly live = new Map<string, LiveSession>();
  readonly events = new Broadcast<SessionEvent>();
  private readonly connectTimeoutMs: number;
  private readonly eventBufferSize: number;

  constructor(
    private readonly db: Db,
    private readonly config: ConfigService,
    private readonly log: Logger,
    options: SessionServiceOptions = {},
  ) {
    this.connectTimeoutMs = options.connectTimeoutMs ?? 15_000;
    this.eventBufferSize = options.eventBufferSize ?? 256;
  }

  /** Sessions that a crash left active end as INTERRUPTED. */
  markInterrupted(): number {
    const result = this.db
      .update(sessions)
      .set({ state: 'ENDED', endReason: 'INTERRUPTED', endedAt: new Date(), endMessage: 'haven-live stopped without ending this session' })
      .where(inArray(sessions.state, ACTIVE_STATES))
      .run();
    return result.changes;
  }

  /** Joins the room, or returns the session already active there. */
  async start(roomName: string): Promise<SessionView> {
    validateRoomName(roomName);
    const existing = this.live.get(roomName);
    if (existing) {
      await existing.ready;
      return existing.view();
    }
    const credentials = this.config.livekitCredentials();
    const session = new LiveSession(randomUUID(), roomName);
    this.live.set(roomName, session);
    this.db
      .insert(sessions)
      .values({ id: session.id, roomName, state: session.state, startedAt: session.startedAt })
      .run();
    session.ready = (async () => {
      try {
        const room = await joinRoom(credentials, roomName, this.connectTimeoutMs);
        session.attach(room);
        this.listen(session, room);
        this.setState(session, 'CONNECTED');
        this.log.info({ sessionId: session.id, roomName }, 'session connected');
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.finish(session, 'FAILED', 'CONNECT_FAILED', reason);
        this.log.warn({ sessionId: session.id, roomName, reason }, 'session failed to connect');
        throw new HavenError('ROOM_CONNECT_FAILED', `Could not join room ${JSON.stringify(roomName)}: ${reason}`, {
          reason,
        });
      }
    })();
    await session.ready;
    return session.view();
  }

  async stop(roomName: string, reason = 'STOPPED'): Promise<SessionView> {
    const session = this.live.get(roomName);
    if (!session) throw sessionNotFound(roomName);
    await session.ready.catch(() => undefined);
    if (session.active) {
      this.finish(session, 'ENDED', reason, null);
      await session.room?.disconnect().catch((error) => this.log.warn({ err: error, roomName }, 'disconnect failed'));
    }
    return session.view();
  }

  async stopAll(reason: string): Promise<void> {
    await Promise.all([...this.live.keys()].map((roomName) => this.stop(roomName, reason).catch(() => undefined)));
  }

  active(): SessionView[] {
    return [...this.live.values()].filter((session) => session.active).map((session) => session.view());
  }

  /** The active session of a room, or SESSION_NOT_FOUND. */
  get(roomName: string): SessionView {
    return this.require(roomName).view();
  }

  find(roomName: string): SessionView | null {
    return this.live.get(roomName)?.view() ?? null;
  }

  /** The rtc-node room of an active session, for the media services downstream of it. */
  room(roomName: string): Room {
    const session = this.require(roomName);
    if (!session.room || session.state === 'CONNECTING') throw sessionNotFound(roomName);
    return session.room;
  }

  /** When the active session of a room started (the origin of its media clock), in ms since the epoch. */
  startedAtMs(roomName: string): number {
    return this.require(roomName).startedAt.getTime();
  }

  /** Ended and active sessions, newest first; cursors are the history's sequence numbers. */
  history(page: HistoryPage): { cursor: number; node: SessionView }[] {
    const { where, orderBy, limit } = pageOf(sessions.seq, page);
    const rows = this.db.select().from(sessions).where(where).orderBy(orderBy).limit(limit).all();
    return rows.map((row) => {
      const live = this.live.get(row.roomName);
      return {
        cursor: row.seq,
        node:
          live?.id === row.id
            ? live.view()
            : {
                id: row.id,
                roomName: row.roomName,
                state: row.state as SessionState,
                startedAt: row.startedAt,
                endedAt: row.endedAt,
                endReason: row.endReason,
                endMessage: row.endMessage,
                participants: [],
              },
      };
    });
  }

  subscribe(roomName: string): AsyncIterableIterator<SessionEvent> {
    validateRoomName(roomName);
    return this.events.subscribe((event) => event.roomName === roomName, this.eventBufferSize);
  }

  private require(roomName: string): LiveSession {
    const session = this.live.get(roomName);
    if (!session || !session.active) throw sessionNotFound(roomName);
    return session;
  }

  private emit(session: LiveSession, payload: EventPayload): void {
    this.events.publish({ sessionId: session.id, roomName: session.roomName, at: new Date(), ...payload } as SessionEvent);
  }

  private setState(session: LiveSession, state: SessionState): void {
    if (session.state === state) return;
    session.state = state;
    this.db.update(sessions).set({ state }).where(eq(sessions.id, session.id)).run();
    this.emit(session, { type: 'ConnectionStateChanged', state });
  }

  private finish(session: LiveSession, state: 'ENDED' | 'FAILED', reason: string, message: string | null): void {
    if (!session.active) return;
    session.endedAt = new Date();
    session.endReason = reason;
    session.endMessage = message;
    this.setState(session, state);
    this.db
      .update(sessions)
      .set({ endedAt: session.endedAt, endReason: reason, endMessage: message })
      .where(eq(sessions.id, session.id))
      .run();
    if (this.live.get(session.roomName) === session) this.live.delete(session.roomName);
    if (state === 'ENDED') this.emit(session, { type: 'SessionEnded', reason, message });
  }

  private listen(session: LiveSession, room: Room): void {
    const trackEvent = (
      type: 'TrackPublished' | 'TrackUnpublished' | 'TrackSubscribed' | 'TrackUnsubscribed' | 'TrackMuted' | 'TrackUnmuted',
      publication: TrackPublication,
      participant: Participant,
    ) => {
      if (!session.active || participant.identity === room.localParticipant?.identity) return;
      const remote = session.participant(participant.identity);
      if (!remote) return;
      this.emit(session, { type, participant: describeParticipant(remote), track: describeTrack(publication) });
    };
    room
      .on(RoomEvent.ParticipantConnected, (participant) => {
        session.addParticipant(participant);
        this.emit(session, { type: 'ParticipantJoined', participant: describeParticipant(participant) });
      })
      .on(RoomEvent.ParticipantDisconnected, (participant) => {
        const info = describeParticipant(participant);
        session.removeParticipant(participant);
        this.emit(session, { type: 'ParticipantLeft', participant: info });
      })
      .on(RoomEvent.TrackPublished, (publication: RemoteTrackPublication, participant) =>
        trackEvent('TrackPublished', publication, participant),
      )
      .on(RoomEvent.TrackUnpublished, (publication, participant) => trackEvent('TrackUnpublished', publication, participant))
      .on(RoomEvent.TrackSubscribed, (_track, publication, participant) =>
        trackEvent('TrackSubscribed', publication, participant),
      )
      .on(RoomEvent.TrackUnsubscribed, (_track, publication, participant) =>
        trackEvent('TrackUnsubscribed', publication, participant),
      )
      .on(RoomEvent.TrackMuted, (publication, participant) => trackEvent('TrackMuted', publication, participant))
      .on(RoomEvent.TrackUnmuted, (publication, participant) => trackEvent('TrackUnmuted', publication, participant))
      .on(RoomEvent.ActiveSpeakersChanged, (speakers) => {
        if (!session.active) return;
        const identities = speakers
          .map((speaker) => speaker.identity)
          .filter((identity) => identity !== room.localParticipant?.identity);
        this.emit(session, { type: 'ActiveSpeakersChanged', identities });
      })
      .on(RoomEvent.Reconnecting, () => {
        if (session.active) this.setState(session, 'RECONNECTING');
      })
      .on(RoomEvent.Reconnected, () => {
        if (session.active) this.setState(session, 'CONNECTED');
      })
      .on(RoomEvent.Disconnected, (reason: DisconnectReason) => {
        if (!session.active) return;
        const name = disconnectReasonName(reason);
        this.log.warn({ sessionId: session.id, roomName: session.roomName, reason: name }, 'LiveKit ended the session');
        this.finish(session, 'ENDED', name, 'LiveKit closed the connection');
        void room.disconnect().catch(() => undefined);
      });
  }
}

function sessionNotFound(roomName: string): HavenError {
  return new HavenError('SESSION_NOT_FOUND', `No active session in room ${JSON.stringify(roomName)}: call startSession first`, {
    roomName,
  });
}
