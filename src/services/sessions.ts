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
import type { Logger } from 'pino';
import { Broadcast } from '../broadcast.js';
import type { Storage } from '../db/client.js';
import type { HistoryPage } from '../db/pages.js';
import { HavenError, storageFailed, validationFailed } from '../errors.js';
import {
  describeParticipant,
  CONSENT_ATTRIBUTE,
  consentOf,
  describeTrack,
  disconnectReasonName,
  joinRoom,
  type ParticipantInfo,
} from '../livekit.js';
import type { ConfigService } from './config.js';
import type { EventPayload, SessionEvent, SessionState } from './events.js';
import { EventJournal, type EventJournalOptions } from './event-journal.js';
import type { JournaledEvent } from './event-store.js';
import type { InstanceService } from './instances.js';
import type { Lease } from './lease-store.js';
import { SessionClock } from './session-clock.js';
import { SessionStore, type SessionValues } from './session-store.js';

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
  /** The instance that runs the session (null in the history of sessions before instances were kept). */
  ownerInstanceId: string | null;
}

export interface SessionServiceOptions {
  connectTimeoutMs?: number;
  /** How many events a subscriber that stops reading may fall behind before its oldest are dropped. */
  eventBufferSize?: number;
  /** Sessions active at once (default 16). */
  maxSessions?: number;
  journal?: EventJournalOptions;
}

const MAX_ROOM_NAME = 128;
/** Sessions active at once unless HAVEN_MAX_SESSIONS says otherwise. */
export const DEFAULT_MAX_SESSIONS = 16;
/** Ended sessions kept in memory for `find` (the rest are in the history). */
const MAX_ENDED_KEPT = 256;
/** How long after a reconnect the participants known before it may take to reappear. */
const RECONNECT_SETTLE_MS = 3_000;

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
  readonly clock = new SessionClock(this.startedAt.getTime());
  endedAt: Date | null = null;
  endReason: string | null = null;
  endMessage: string | null = null;
  room: Room | undefined;
  ready!: Promise<void>;
  private readonly participants = new Map<string, RemoteParticipant>();
  /** Each participant's consent to be recorded as last told (a change of it is an event). */
  readonly consent = new Map<string, boolean>();
  /**
   * While rtc-node reconnects: who was in the room, with their track sids. A full reconnect makes
   * rtc-node drop every participant and add them back; only the difference is news.
   */
  reconnectingFrom: Map<string, Set<string>> | undefined;
  /** After rtc-node reports the room back: when to stop waiting for everyone to reappear. */
  settleTimer: NodeJS.Timeout | undefined;
  /** The room's lease token while this instance owns it (every write of the session carries it). */
  token = 0;
  /** The lease of another instance that owns the room: this start joined nothing. */
  elsewhere: Lease | undefined;

  constructor(
    readonly id: string,
    readonly roomName: string,
    readonly ownerInstanceId: string,
    /** A viewer for live media of a room another instance owns: no lease, no row, its events for the media alone. */
    readonly viewer = false,
  ) {}

  get active(): boolean {
    return ACTIVE_STATES.includes(this.state);
  }

  attach(room: Room): void {
    this.room = room;
    // rtc-node fills remoteParticipants on connect but emits no participantConnected for them.
    for (const participant of room.remoteParticipants.values()) this.addParticipant(participant);
  }

  participant(identity: string): RemoteParticipant | undefined {
    return this.participants.get(identity);
  }

  addParticipant(participant: RemoteParticipant): void {
    this.participants.set(participant.identity, participant);
    this.consent.set(participant.identity, consentOf(participant.attributes));
  }

  removeParticipant(participant: RemoteParticipant): void {
    this.participants.delete(participant.identity);
    this.consent.delete(participant.identity);
  }

  /** Who is in the room and what they publish, as known now. */
  snapshot(): Map<string, Set<string>> {
    return new Map([...this.participants.values()].map((p) => [p.identity, new Set(p.trackPublications.keys())]));
  }

  /** Takes the room's participants as they are now (after a reconnect). */
  resync(room: Room): void {
    this.participants.clear();
    for (const participant of room.remoteParticipants.values()) this.participants.set(participant.identity, participant);
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
      ownerInstanceId: this.ownerInstanceId,
    };
  }
}

/** Joins rooms as a hidden viewer, keeps each session's state and history, and publishes what happens. */
export class SessionService {
  private readonly live = new Map<string, LiveSession>();
  /** Sessions that ended in this process, newest per room, for `session(roomName)`. */
  private readonly ended = new Map<string, LiveSession>();
  readonly events: Broadcast<SessionEvent>;
  /** What happens in the rooms viewed for live media of another instance's session: for the media alone. */
  readonly viewerEvents: Broadcast<SessionEvent>;
  /** Viewers of rooms another instance owns, for their live media here. */
  private readonly viewers = new Map<string, LiveSession>();
  /** The events stored with a cursor each, for subscribers (who may resume after one). */
  readonly journal: EventJournal;
  private readonly store: SessionStore;
  private readonly connectTimeoutMs: number;
  private readonly eventBufferSize: number;
  private readonly maxSessions: number;

  /** Lease releases under way (shutdown waits for them). */
  private readonly releases = new Set<Promise<void>>();

  constructor(
    private readonly storage: Storage,
    private readonly config: ConfigService,
    readonly instances: InstanceService,
    private readonly log: Logger,
    options: SessionServiceOptions = {},
  ) {
    this.events = new Broadcast<SessionEvent>((error, event) =>
      this.log.error({ err: error, roomName: event.roomName, sessionId: event.sessionId, event: event.type }, 'a session event listener failed'),
    );
    this.viewerEvents = new Broadcast<SessionEvent>((error, event) =>
      this.log.error({ err: error, roomName: event.roomName, sessionId: event.sessionId, event: event.type }, 'a viewer event listener failed'),
    );
    this.store = new SessionStore(storage, log);
    this.journal = new EventJournal(storage, instances, log.child({ service: 'events' }), options.journal);
    this.connectTimeoutMs = options.connectTimeoutMs ?? 15_000;
    this.eventBufferSize = options.eventBufferSize ?? 256;
    this.maxSessions = options.maxSessions ?? DEFAULT_MAX_SESSIONS;
  }

  /** Sessions that a crash left active end as INTERRUPTED. */
  markInterrupted(): Promise<number> {
    return this.store.markInterrupted(ACTIVE_STATES, this.ownRows());
  }

  /**
   * Which rows an earlier run of this instance left: with SQLite every row (one machine, one file);
   * with PostgreSQL this instance's own (HAVEN_INSTANCE_ID), never another instance's.
   */
  ownRows(): string | undefined {
    return this.storage.kind === 'postgres' ? this.instances.id : undefined;
  }

  /** Ends the session whose lease another instance took (or that ran out unrenewed). */
  leaseLost(roomName: string, token: number): void {
    const session = this.live.get(roomName);
    if (!session || session.token !== token) return;
    this.finish(session, 'ENDED', 'LEASE_LOST', 'another instance took this room');
    void session.room?.disconnect().catch(() => undefined);
  }

  /**
   * Joins the room, or returns the session already active there. With `replaces`, the lease of a
   * session whose instance stopped renewing it: once this instance holds the room, that session's
   * row ends (FAILOVER) where its instance last renewed the lease, and its subscribers are told.
   */
  async start(roomName: string, replaces?: Lease): Promise<SessionView> {
    validateRoomName(roomName);
    const existing = this.live.get(roomName);
    if (existing) {
      await existing.ready;
      return existing.elsewhere ? this.ownedElsewhere(existing.elsewhere) : existing.view();
    }
    if (this.live.size >= this.maxSessions) {
      throw new HavenError('LIMIT_EXCEEDED', `At most ${this.maxSessions} sessions at once: stop one first, or raise HAVEN_MAX_SESSIONS`, {
        limit: 'maxSessions',
      });
    }
    const credentials = this.config.livekitCredentials();
    const session = new LiveSession(randomUUID(), roomName, this.instances.id);
    // Held before its lease and row are saved: a second start for the room meanwhile waits for this one.
    this.live.set(roomName, session);
    session.ready = (async () => {
      try {
        // A start that takes a room whose instance died (the reconciler's, a client's) ends that instance's session too.
        if (!replaces && this.storage.kind === 'postgres') replaces = (await this.instances.orphans()).find((lease) => lease.roomName === roomName);
        const lease = await this.instances.acquire(roomName, session.id);
        if (lease.instanceId !== this.instances.id || lease.sessionId !== session.id) {
          // Another instance owns the room: it is not joined twice.
          session.elsewhere = lease;
          if (this.live.get(roomName) === session) this.live.delete(roomName);
          return;
        }
        session.token = lease.token;
        await this.store.insert({ id: session.id, roomName, state: session.state, startedAt: session.startedAt, instanceId: this.instances.id });
      } catch (error) {
        if (this.live.get(roomName) === session) this.live.delete(roomName);
        if (session.token > 0) this.release(session);
        this.log.error({ err: error, roomName }, 'could not save a new session');
        throw storageFailed('the session', error);
      }
      try {
        const room = await joinRoom(credentials, roomName, this.connectTimeoutMs);
        session.attach(room);
        this.listen(session, room);
        // Taken over once joined: a join that fails leaves the lost session to the next look.
        if (replaces) this.endLost(session, replaces);
        this.setState(session, 'CONNECTED');
        this.log.info({ sessionId: session.id, roomName }, 'session connected');
      } catch (error) {
        // rtc-node's text carries the body of whatever answered at livekitUrl ("server error: 500 ... -
        // <body>"): clients, the sessions table and the log above debug get a fixed reason instead.
        const text = error instanceof Error ? error.message : String(error);
        const status = /\b(?:client|server) error: (\d{3})\b/.exec(text)?.[1];
        const reasons: [boolean, string][] = [
          [text.startsWith('no answer from the LiveKit server within'), 'timed out'],
          [status === '401' || status === '403' || (!status && /unauthori[sz]ed|invalid token/i.test(text)), 'unauthorized'],
          [status === '404', 'not found'],
          [!status && /connection refused|ECONNREFUSED|failed to connect|failed to lookup|dns/i.test(text), 'unreachable'],
        ];
        const reason = reasons.find(([matches]) => matches)?.[1] ?? 'connection failed';
        this.finish(session, 'FAILED', 'CONNECT_FAILED', reason);
        this.log.debug({ sessionId: session.id, roomName, err: error }, 'session failed to connect (full error)');
        this.log.warn({ sessionId: session.id, roomName, reason }, 'session failed to connect');
        throw new HavenError('ROOM_CONNECT_FAILED', `Could not join room ${JSON.stringify(roomName)}: ${reason}`, { reason });
      }
    })();
    await session.ready;
    return session.elsewhere ? this.ownedElsewhere(session.elsewhere) : session.view();
  }

  /** Ends the row of the session whose lease `session` took after its instance stopped renewing it. */
  private endLost(session: LiveSession, lost: Lease): void {
    const endedAt = this.instances.lastRenewal(lost);
    const message = `instance ${lost.instanceId} stopped renewing its lease; ${this.instances.id} took the room`;
    this.store.save(lost.sessionId, { state: 'ENDED', endedAt, endReason: 'FAILOVER', endMessage: message }, this.instances.fence(session.roomName, session.token));
    this.events.publish({ sessionId: lost.sessionId, roomName: session.roomName, at: new Date(), type: 'SessionEnded', reason: 'FAILOVER', message } as SessionEvent);
    this.log.warn({ roomName: session.roomName, lostInstanceId: lost.instanceId, lostSessionId: lost.sessionId }, 'took over a room whose instance stopped renewing its lease');
  }

  /** Whether this instance runs (or is starting) the room's session. */
  isLive(roomName: string): boolean {
    return this.live.has(roomName);
  }

  /** Sessions active here now. */
  get activeCount(): number {
    return this.live.size;
  }

  /** The session another instance runs in a room, as its row says (participants are that instance's to tell). */
  private async ownedElsewhere(lease: Lease): Promise<SessionView> {
    const row = await this.store.row(lease.sessionId);
    return {
      id: lease.sessionId,
      roomName: lease.roomName,
      state: (row?.state as SessionState | undefined) ?? 'CONNECTING',
      startedAt: row?.startedAt ?? new Date(),
      endedAt: row?.endedAt ?? null,
      endReason: row?.endReason ?? null,
      endMessage: row?.endMessage ?? null,
      participants: [],
      ownerInstanceId: lease.instanceId,
    };
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
    await Promise.all([...this.viewers.keys()].map((roomName) => this.closeViewer(roomName)));
    await Promise.all([...this.live.keys()].map((roomName) => this.stop(roomName, reason).catch(() => undefined)));
  }

  active(): SessionView[] {
    return [...this.live.values()].filter((session) => session.active).map((session) => session.view());
  }

  /**
   * Joins a room another instance owns as a viewer of this instance's own, for live media here
   * (frames never cross between instances): no lease, no row, and its events reach the media alone.
   */
  async openViewer(roomName: string, ownerInstanceId: string): Promise<void> {
    validateRoomName(roomName);
    const existing = this.viewers.get(roomName);
    if (existing) {
      await existing.ready.catch(() => undefined);
      if (existing.active) return;
    }
    const credentials = this.config.livekitCredentials();
    const session = new LiveSession(randomUUID(), roomName, ownerInstanceId, true);
    this.viewers.set(roomName, session);
    session.ready = (async () => {
      try {
        const room = await joinRoom(credentials, roomName, this.connectTimeoutMs, 'viewer');
        session.attach(room);
        this.listen(session, room);
        this.setState(session, 'CONNECTED');
        this.log.info({ roomName, ownerInstanceId }, 'viewing a room another instance owns, for its live media');
      } catch (error) {
        if (this.viewers.get(roomName) === session) this.viewers.delete(roomName);
        this.log.warn({ roomName, err: error }, 'could not view a room another instance owns');
        throw new HavenError('ROOM_CONNECT_FAILED', `Could not join room ${JSON.stringify(roomName)} for its live media`, { reason: 'connection failed' });
      }
    })();
    await session.ready;
  }

  /** Leaves a room viewed for live media. */
  async closeViewer(roomName: string): Promise<void> {
    const session = this.viewers.get(roomName);
    if (!session) return;
    await session.ready.catch(() => undefined);
    this.finish(session, 'ENDED', 'VIEWER_CLOSED', null);
    await session.room?.disconnect().catch(() => undefined);
  }

  /** Rooms viewed for live media now. */
  viewedRooms(): string[] {
    return [...this.viewers.keys()];
  }

  /** The session whose media a subscriber of the room gets: this instance's, else its viewer's; or SESSION_NOT_FOUND. */
  forMedia(roomName: string): SessionView {
    return this.requireMedia(roomName).view();
  }

  /** Like `find`, with the viewer of a room another instance owns. */
  findForMedia(roomName: string): SessionView | null {
    const viewer = this.viewers.get(roomName);
    return this.live.get(roomName)?.view() ?? (viewer?.active ? viewer.view() : null) ?? this.find(roomName);
  }

  /** The rtc-node room whose media a subscriber gets. */
  mediaRoom(roomName: string): Room {
    const session = this.requireMedia(roomName);
    if (!session.room || session.state === 'CONNECTING') throw sessionNotFound(roomName);
    return session.room;
  }

  mediaClock(roomName: string): SessionClock {
    return this.requireMedia(roomName).clock;
  }

  private requireMedia(roomName: string): LiveSession {
    const session = this.live.get(roomName);
    if (session?.active) return session;
    const viewer = this.viewers.get(roomName);
    if (viewer?.active) return viewer;
    throw sessionNotFound(roomName);
  }

  /** The active session of a room, or SESSION_NOT_FOUND. */
  get(roomName: string): SessionView {
    return this.require(roomName).view();
  }

  /** The active session of a room, or the one that ended last in this process, or null. */
  find(roomName: string): SessionView | null {
    return (this.live.get(roomName) ?? this.ended.get(roomName))?.view() ?? null;
  }

  /** The rtc-node room of an active session, for the media services downstream of it. */
  room(roomName: string): Room {
    const session = this.require(roomName);
    if (!session.room || session.state === 'CONNECTING') throw sessionNotFound(roomName);
    return session.room;
  }

  /** The media clock of the room's active session. */
  clock(roomName: string): SessionClock {
    return this.require(roomName).clock;
  }

  /** Ended and active sessions, newest first; cursors are the history's sequence numbers. */
  async history(page: HistoryPage): Promise<{ cursor: number; node: SessionView }[]> {
    return (await this.store.page(page)).map((row) => {
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
                ownerInstanceId: row.instanceId,
              },
      };
    });
  }

  /** A room's events as they happen; after a cursor, first those that came after it. */
  subscribe(roomName: string, after?: string | null): AsyncIterableIterator<JournaledEvent> {
    validateRoomName(roomName);
    if (after != null && !/^\d{1,15}$/.test(after)) throw validationFailed('after', 'must be the cursor of an event (digits), as sessionEvents gave it');
    return this.journal.subscribe(roomName, after == null ? undefined : Number(after), this.eventBufferSize);
  }

  private require(roomName: string): LiveSession {
    const session = this.live.get(roomName);
    if (!session || !session.active) throw sessionNotFound(roomName);
    return session;
  }

  private emit(session: LiveSession, payload: EventPayload): void {
    (session.viewer ? this.viewerEvents : this.events).publish({ sessionId: session.id, roomName: session.roomName, at: new Date(), ...payload } as SessionEvent);
  }

  private setState(session: LiveSession, state: SessionState): void {
    if (session.state === state) return;
    session.state = state;
    this.save(session, { state });
    this.emit(session, { type: 'ConnectionStateChanged', state });
  }

  /** Writes a session's row; a write the database refuses (a full disk) is held and retried. */
  private save(session: LiveSession, values: SessionValues): void {
    if (session.viewer) return;
    this.store.save(session.id, values, this.instances.fence(session.roomName, session.token));
  }

  /** Gives the room's lease up once the session's last writes have landed. */
  private release(session: LiveSession): void {
    if (session.viewer) return;
    const release: Promise<void> = this.store
      .settled(session.id)
      .then(() => this.instances.release(session.roomName, session.token))
      .catch((error) => this.log.warn({ err: error, roomName: session.roomName }, 'could not give up a room lease; it runs out by itself'))
      .finally(() => this.releases.delete(release));
    this.releases.add(release);
  }

  /** Tries the writes the database refused once more, and gives up the leases of ended sessions (on shutdown). */
  async flushWrites(): Promise<void> {
    await this.store.flush();
    await Promise.all([...this.releases]);
  }

  private finish(session: LiveSession, state: 'ENDED' | 'FAILED', reason: string, message: string | null): void {
    if (!session.active) return;
    clearTimeout(session.settleTimer);
    session.endedAt = new Date();
    session.endReason = reason;
    session.endMessage = message;
    this.setState(session, state);
    this.save(session, { endedAt: session.endedAt, endReason: reason, endMessage: message });
    if (session.viewer) {
      if (this.viewers.get(session.roomName) === session) this.viewers.delete(session.roomName);
    } else {
      if (this.live.get(session.roomName) === session) this.live.delete(session.roomName);
      this.ended.delete(session.roomName);
      this.ended.set(session.roomName, session);
      if (this.ended.size > MAX_ENDED_KEPT) this.ended.delete(this.ended.keys().next().value!);
    }
    if (state === 'ENDED') this.emit(session, { type: 'SessionEnded', reason, message });
    this.release(session);
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
      const before = session.reconnectingFrom?.get(participant.identity);
      // During a reconnect, tracks that rtc-node drops and adds back are no news.
      if (before && type === 'TrackUnpublished') return;
      if (before?.has(publication.sid ?? '') && type === 'TrackPublished') return;
      this.emit(session, { type, participant: describeParticipant(remote), track: describeTrack(publication) });
    };
    room
      .on(RoomEvent.ParticipantConnected, (participant) => {
        session.addParticipant(participant);
        if (session.reconnectingFrom?.has(participant.identity)) {
          if (session.settleTimer && [...session.reconnectingFrom.keys()].every((identity) => room.remoteParticipants.has(identity))) {
            this.settled(session, room);
          }
          return;
        }
        this.emit(session, { type: 'ParticipantJoined', participant: describeParticipant(participant) });
      })
      .on(RoomEvent.ParticipantDisconnected, (participant) => {
        // During a reconnect, whoever is still there is found again at the end of it.
        if (session.reconnectingFrom) return;
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
      .on(RoomEvent.ParticipantAttributesChanged, (changed, participant) => {
        if (!session.active || !(CONSENT_ATTRIBUTE in changed)) return;
        const remote = session.participant(participant.identity);
        const info = remote && describeParticipant(remote);
        // Only a change of consent is news (an attribute set again to the same value is not).
        if (!info || session.consent.get(info.identity) === info.recordingConsent) return;
        session.consent.set(info.identity, info.recordingConsent);
        this.emit(session, { type: 'RecordingConsentChanged', participant: info });
      })
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
        if (!session.active) return;
        session.reconnectingFrom ??= session.snapshot();
        clearTimeout(session.settleTimer);
        session.settleTimer = undefined;
        this.log.warn({ sessionId: session.id, roomName: session.roomName }, 'session reconnecting');
        this.setState(session, 'RECONNECTING');
      })
      .on(RoomEvent.Reconnected, () => {
        if (!session.active) return;
        // After a full reconnect rtc-node adds the participants back only after this event: wait
        // until everyone known is back (or a moment has passed) before saying who left.
        const known = [...(session.reconnectingFrom?.keys() ?? [])];
        if (known.every((identity) => room.remoteParticipants.has(identity))) return this.settled(session, room);
        clearTimeout(session.settleTimer);
        session.settleTimer = setTimeout(() => this.settled(session, room), RECONNECT_SETTLE_MS);
      })
      .on(RoomEvent.Disconnected, (reason: DisconnectReason) => {
        if (!session.active) return;
        const name = disconnectReasonName(reason);
        this.log.warn({ sessionId: session.id, roomName: session.roomName, reason: name }, 'LiveKit ended the session');
        this.finish(session, 'ENDED', name, 'LiveKit closed the connection');
        void room.disconnect().catch(() => undefined);
      });
  }

  private settled(session: LiveSession, room: Room): void {
    clearTimeout(session.settleTimer);
    session.settleTimer = undefined;
    if (!session.active) return;
    this.reconcile(session, room);
    this.log.info({ sessionId: session.id, roomName: session.roomName }, 'session reconnected');
    this.setState(session, 'CONNECTED');
  }

  /** After a reconnect: reports who and what really left or arrived while it lasted. */
  private reconcile(session: LiveSession, room: Room): void {
    const before = session.reconnectingFrom ?? new Map<string, Set<string>>();
    session.reconnectingFrom = undefined;
    const gone = [...before.keys()].filter((identity) => !room.remoteParticipants.has(identity));
    const departed = gone.map((identity) => session.participant(identity)).filter((p) => p !== undefined);
    session.resync(room);
    for (const participant of departed) {
      this.emit(session, { type: 'ParticipantLeft', participant: describeParticipant(participant) });
    }
    for (const participant of room.remoteParticipants.values()) {
      const tracks = before.get(participant.identity);
      if (!tracks) {
        this.emit(session, { type: 'ParticipantJoined', participant: describeParticipant(participant) });
        continue;
      }
      const info = describeParticipant(participant);
      for (const sid of tracks) {
        if (!participant.trackPublications.has(sid)) {
          const track = info.tracks.find((t) => t.sid === sid) ?? { sid, name: '', kind: 'VIDEO' as const, source: 'UNKNOWN', muted: false, width: null, height: null };
          this.emit(session, { type: 'TrackUnpublished', participant: info, track });
        }
      }
      for (const publication of participant.trackPublications.values()) {
        if (!tracks.has(publication.sid ?? '')) this.emit(session, { type: 'TrackPublished', participant: info, track: describeTrack(publication) });
      }
    }
  }
}

function sessionNotFound(roomName: string): HavenError {
  return new HavenError('SESSION_NOT_FOUND', `No active session in room ${JSON.stringify(roomName)}: call startSession first`, {
    roomName,
  });
}
