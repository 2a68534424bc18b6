import { randomBytes } from 'node:crypto';
import {
  AudioStream,
  DisconnectReason,
  Room,
  TrackKind,
  TrackSource,
  type RemoteParticipant,
  type RemoteTrack,
  type TrackPublication,
} from '@livekit/rtc-node';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import type { LiveKitCredentials } from './services/config.js';

/** How haven-live joins a room: as a hidden viewer that can only subscribe. */
export const VIEWER_NAME = 'Haven Player';
const TOKEN_TTL = '10m';

export interface TrackInfo {
  sid: string;
  name: string;
  kind: 'AUDIO' | 'VIDEO';
  source: string;
  muted: boolean;
  width: number | null;
  height: number | null;
}

export interface ParticipantInfo {
  identity: string;
  name: string;
  sid: string;
  joinedAt: Date | null;
  tracks: TrackInfo[];
  /** Whether the participant may be recorded: false when its attribute `haven.record` is `off`. */
  recordingConsent: boolean;
}

/** The participant attribute that withholds consent to be recorded when it is `off`. */
export const CONSENT_ATTRIBUTE = 'haven.record';

export function consentOf(attributes: Record<string, string> | undefined): boolean {
  return attributes?.[CONSENT_ATTRIBUTE]?.trim().toLowerCase() !== 'off';
}

/** A room as the LiveKit server lists it. */
export interface ServerRoom {
  name: string;
  numParticipants: number;
  numPublishers: number;
  createdAt: Date | null;
}

/** The LiveKit server's live rooms (its RoomService); throws what the request met, after at most `timeoutMs`. */
export async function listServerRooms(credentials: LiveKitCredentials, timeoutMs: number): Promise<ServerRoom[]> {
  // No region failover: the server named is the one asked, and an answer comes within the timeout.
  const client = new RoomServiceClient(credentials.url, credentials.apiKey, credentials.apiSecret, { requestTimeout: timeoutMs / 1000, failover: false });
  const rooms = await client.listRooms();
  return rooms.map((room) => ({
    name: room.name,
    numParticipants: room.numParticipants,
    numPublishers: room.numPublishers,
    createdAt: room.creationTimeMs ? new Date(Number(room.creationTimeMs)) : room.creationTime ? new Date(Number(room.creationTime) * 1000) : null,
  }));
}

/** How many participants of a room publish a track now (ListParticipants is current; ListRooms' counts lag by up to 5 s). */
export async function countPublishers(credentials: LiveKitCredentials, roomName: string, timeoutMs: number): Promise<number> {
  const client = new RoomServiceClient(credentials.url, credentials.apiKey, credentials.apiSecret, { requestTimeout: timeoutMs / 1000, failover: false });
  const participants = await client.listParticipants(roomName);
  return participants.filter((participant) => participant.tracks.length > 0).length;
}

/** A hidden viewer's token: `haven-live-<random>`, or with `role` `haven-live-<role>-<random>` (the media tap's: `tap`). */
export async function mintViewerToken(credentials: LiveKitCredentials, roomName: string, role?: string): Promise<string> {
  const token = new AccessToken(credentials.apiKey, credentials.apiSecret, {
    identity: `haven-live-${role ? `${role}-` : ''}${randomBytes(6).toString('hex')}`,
    name: VIEWER_NAME,
    ttl: TOKEN_TTL,
  });
  token.addGrant({
    roomJoin: true,
    room: roomName,
    canSubscribe: true,
    canPublish: false,
    canPublishData: false,
    hidden: true,
  });
  return token.toJwt();
}

/**
 * Joins a room, failing after `timeoutMs`: rtc-node keeps retrying an unreachable URL for a long
 * time, and a caller waiting on startSession needs an answer. rtc-node's disconnect() does nothing
 * while a connect is pending, so a connect that succeeds after the timeout is disconnected then:
 * no hidden viewer is left in the room without an owner.
 */
export async function joinRoom(
  credentials: LiveKitCredentials,
  roomName: string,
  timeoutMs: number,
  role?: string,
): Promise<Room> {
  const token = await mintViewerToken(credentials, roomName, role);
  const room = new Room();
  // rtc-node adds a listener to the room for each track (its token refresh): a room of a dozen
  // publishers passes Node's default of ten without any leak.
  room.setMaxListeners(1_000);
  let timer: NodeJS.Timeout | undefined;
  let abandoned = false;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the LiveKit server within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  // Media is subscribed per track only while something needs it.
  const connecting = room.connect(credentials.url, token, { autoSubscribe: false, dynacast: false });
  connecting.then(
    () => {
      if (abandoned) void room.disconnect().catch(() => undefined);
    },
    () => undefined,
  );
  try {
    await Promise.race([connecting, timeout]);
    return room;
  } catch (error) {
    abandoned = true;
    void room.disconnect().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

export function describeTrack(publication: TrackPublication): TrackInfo {
  return {
    sid: publication.sid ?? '',
    name: publication.name ?? '',
    kind: publication.kind === TrackKind.KIND_VIDEO ? 'VIDEO' : 'AUDIO',
    source: sourceName(publication.source),
    muted: publication.muted ?? false,
    width: publication.width || null,
    height: publication.height || null,
  };
}

export function describeParticipant(participant: RemoteParticipant): ParticipantInfo {
  const joinedAtMs = participant.info.joinedAt;
  return {
    identity: participant.identity,
    name: participant.name ?? '',
    sid: participant.sid ?? '',
    joinedAt: joinedAtMs ? new Date(Number(joinedAtMs)) : null,
    tracks: [...participant.trackPublications.values()].map(describeTrack),
    recordingConsent: consentOf(participant.attributes),
  };
}

function sourceName(source: TrackSource | undefined): string {
  switch (source) {
    case TrackSource.SOURCE_CAMERA:
      return 'CAMERA';
    case TrackSource.SOURCE_MICROPHONE:
      return 'MICROPHONE';
    case TrackSource.SOURCE_SCREENSHARE:
      return 'SCREEN_SHARE';
    case TrackSource.SOURCE_SCREENSHARE_AUDIO:
      return 'SCREEN_SHARE_AUDIO';
    default:
      return 'UNKNOWN';
  }
}

/** LiveKit's reason for a disconnect, as a session end reason. */
export function disconnectReasonName(reason: DisconnectReason | undefined): string {
  switch (reason) {
    case DisconnectReason.ROOM_DELETED:
      return 'ROOM_DELETED';
    case DisconnectReason.SERVER_SHUTDOWN:
      return 'SERVER_SHUTDOWN';
    case DisconnectReason.PARTICIPANT_REMOVED:
      return 'REMOVED';
    case DisconnectReason.DUPLICATE_IDENTITY:
      return 'DUPLICATE_IDENTITY';
    case DisconnectReason.CLIENT_INITIATED:
      return 'STOPPED';
    default:
      return 'CONNECTION_LOST';
  }
}

/** What libwebrtc counts for one received track (its inbound RTP stream). */
export interface ReceiveStats {
  /** Sum over emitted samples (audio) or frames (video) of the time each spent in the jitter buffer, in s. */
  jitterBufferDelaySec: number;
  /** Samples (audio) or frames (video) that left the jitter buffer. */
  jitterBufferEmitted: number;
  packetsReceived: number;
  /** Packets the jitter buffer gave up on (RTP sequence gaps); it may go down when late ones come. */
  packetsLost: number;
  /** Wall-clock time (ms since the epoch) of the newest packet, if any came. */
  lastPacketReceivedMs: number | undefined;
  /** Audio: samples played out in all, of them concealment, and samples the jitter buffer inserted (slowing down) or removed (speeding up). */
  samplesOut: number;
  concealedSamples: number;
  insertedSamples: number;
  removedSamples: number;
  /** Audio: seconds of samples played out in all. */
  samplesOutSec: number;
}

interface FfiEventLike {
  message: { case: string; value: { asyncId?: bigint } };
}

interface FfiClientLike {
  getNextRequestAsyncId(): bigint;
  waitFor<T>(predicate: (event: FfiEventLike) => boolean, options?: { signal?: AbortSignal }): Promise<T>;
  request(request: { message: { case: string; value: object } }): unknown;
}

/** rtc-node's FFI client, a process-wide singleton it keeps on globalThis (undefined before its first use). */
function ffiClient(): FfiClientLike | undefined {
  return (globalThis as { _ffiClientInstance?: FfiClientLike })._ffiClientInstance;
}

/**
 * Decoded audio frames (10 ms each) that libwebrtc may queue for a stream before rtc-node forwards
 * them. rtc-node keeps its default of 10 and drops the oldest beyond: when the process resumes from
 * a stall, libwebrtc makes up the stalled time in one burst, and most of it would be lost silently,
 * putting everything after it early. 500 holds 5 s.
 */
const AUDIO_QUEUE_FRAMES = 500;

/** An rtc-node AudioStream whose native queue holds AUDIO_QUEUE_FRAMES (rtc-node's options do not reach it). */
export function openAudioStream(track: RemoteTrack, options: { sampleRate: number; numChannels: number }): AudioStream {
  const ffi = ffiClient();
  if (!ffi) return new AudioStream(track, options);
  const own = Object.prototype.hasOwnProperty.call(ffi, 'request');
  const request = ffi.request;
  ffi.request = (message) => {
    if (message.message.case === 'newAudioStream') (message.message.value as { queueSizeFrames?: number }).queueSizeFrames = AUDIO_QUEUE_FRAMES;
    return request.call(ffi, message);
  };
  try {
    return new AudioStream(track, options);
  } finally {
    if (own) ffi.request = request;
    else delete (ffi as Partial<FfiClientLike>).request;
  }
}

interface StatsEntry {
  stats: {
    case: string;
    value: {
      inbound?: {
        jitterBufferDelay?: number;
        jitterBufferEmittedCount?: bigint;
        lastPacketReceivedTimestamp?: number;
        totalSamplesDuration?: number;
        totalSamplesReceived?: bigint;
        concealedSamples?: bigint;
        insertedSamplesForDeceleration?: bigint;
        removedSamplesForAcceleration?: bigint;
      };
      received?: { packetsReceived?: bigint; packetsLost?: bigint };
    };
  };
}

/**
 * The receive statistics of one remote track, through rtc-node's FFI client (rtc-node exposes only
 * whole-session statistics, whose streams cannot be told apart by track). Undefined when the track
 * is gone or the FFI client does not answer within 2 s.
 */
export async function receiveStats(track: RemoteTrack): Promise<ReceiveStats | undefined> {
  const ffi = ffiClient();
  const handle = (track as unknown as { ffi_handle?: { handle?: bigint } }).ffi_handle?.handle;
  if (!ffi || handle === undefined) return undefined;
  try {
    const id = ffi.getNextRequestAsyncId();
    const answered = ffi.waitFor<{ error?: string; stats?: StatsEntry[] }>(
      (event) => event.message.case === 'getStats' && event.message.value.asyncId === id,
      { signal: AbortSignal.timeout(2_000) },
    );
    ffi.request({ message: { case: 'getStats', value: { trackHandle: handle, requestAsyncId: id } } });
    const result = await answered;
    const inbound = result.stats?.find((entry) => entry.stats.case === 'inboundRtp')?.stats.value;
    if (result.error || !inbound?.inbound) return undefined;
    return {
      jitterBufferDelaySec: inbound.inbound.jitterBufferDelay ?? 0,
      jitterBufferEmitted: Number(inbound.inbound.jitterBufferEmittedCount ?? 0n),
      packetsReceived: Number(inbound.received?.packetsReceived ?? 0n),
      packetsLost: Number(inbound.received?.packetsLost ?? 0n),
      lastPacketReceivedMs: inbound.inbound.lastPacketReceivedTimestamp || undefined,
      samplesOut: Number(inbound.inbound.totalSamplesReceived ?? 0n),
      concealedSamples: Number(inbound.inbound.concealedSamples ?? 0n),
      insertedSamples: Number(inbound.inbound.insertedSamplesForDeceleration ?? 0n),
      removedSamples: Number(inbound.inbound.removedSamplesForAcceleration ?? 0n),
      samplesOutSec: inbound.inbound.totalSamplesDuration ?? 0,
    };
  } catch {
    return undefined;
  }
}
