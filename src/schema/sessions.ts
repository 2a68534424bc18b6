import type { ParticipantInfo, TrackInfo } from '../livekit.js';
import type { SessionState } from '../services/events.js';
import type { SessionView } from '../services/sessions.js';
import { builder } from './builder.js';
import { historyConnection } from './history.js';
import { RecordingModeEnum } from './recording-mode.js';

export const SessionStateEnum = builder.enumType('SessionState', {
  values: ['CONNECTING', 'CONNECTED', 'RECONNECTING', 'ENDED', 'FAILED'] as const satisfies readonly SessionState[],
});

const TrackKindEnum = builder.enumType('TrackKind', { values: ['AUDIO', 'VIDEO'] as const });

export const Track = builder.objectRef<TrackInfo>('Track').implement({
  fields: (t) => ({
    sid: t.exposeID('sid'),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: TrackKindEnum }),
    source: t.exposeString('source', { description: 'CAMERA, MICROPHONE, SCREEN_SHARE, SCREEN_SHARE_AUDIO or UNKNOWN' }),
    muted: t.exposeBoolean('muted'),
    width: t.exposeInt('width', { nullable: true, description: 'Published width of a video track' }),
    height: t.exposeInt('height', { nullable: true }),
  }),
});

export const Participant = builder.objectRef<ParticipantInfo>('Participant').implement({
  fields: (t) => ({
    identity: t.exposeString('identity'),
    name: t.exposeString('name'),
    sid: t.exposeID('sid'),
    joinedAt: t.expose('joinedAt', { type: 'DateTime', nullable: true }),
    recordingConsent: t.exposeBoolean('recordingConsent', {
      description: 'false when its attribute haven.record is off: it is not recorded, though it can be watched',
    }),
    tracks: t.field({ type: [Track], resolve: (participant) => participant.tracks }),
  }),
});

export const LiveSession = builder.objectRef<SessionView>('LiveSession').implement({
  description: 'haven-live connected to one room as a hidden viewer, from joining to its end.',
  fields: (t) => ({
    id: t.exposeID('id'),
    roomName: t.exposeString('roomName'),
    state: t.expose('state', { type: SessionStateEnum }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
    endReason: t.exposeString('endReason', {
      nullable: true,
      description:
        'STOPPED, SHUTDOWN, INTERRUPTED, CONNECT_FAILED, ROOM_DELETED, SERVER_SHUTDOWN, REMOVED, DUPLICATE_IDENTITY, CONNECTION_LOST, or for a session a watch rule started ROOM_FINISHED or EMPTY_ROOM',
    }),
    endMessage: t.exposeString('endMessage', { nullable: true }),
    participants: t.field({
      type: [Participant],
      description: 'Remote participants in the room now (empty once the session has ended)',
      resolve: (session) => session.participants,
    }),
    ownerInstanceId: t.exposeString('ownerInstanceId', {
      nullable: true,
      description: 'The haven-live instance that runs (or ran) the session: HAVEN_INSTANCE_ID',
    }),
  }),
});

const StartSessionInput = builder.inputType('StartSessionInput', {
  fields: (t) => ({
    roomName: t.string({ required: true, description: '1 to 128 characters, no control characters' }),
    record: t.boolean({ required: false, description: 'Record the session from the start' }),
    recordingMode: t.field({ type: RecordingModeEnum, required: false, description: "How it is recorded (with record); default: the server's" }),
  }),
});

builder.queryFields((t) => ({
  activeSessions: t.field({
    type: [LiveSession],
    resolve: (_root, _args, { services }) => services.sessions.active(),
  }),
  session: t.field({
    type: LiveSession,
    nullable: true,
    description: 'The active (or last ended in this process) session of a room',
    args: { roomName: t.arg.string({ required: true }) },
    resolve: (_root, { roomName }, { services }) => services.control.session(roomName),
  }),
  sessions: t.connection({
    type: LiveSession,
    description: 'Every session, newest first',
    resolve: (_root, args, { services }) => historyConnection(args, (page) => services.sessions.history(page)),
  }),
}));

builder.mutationFields((t) => ({
  startSession: t.field({
    type: LiveSession,
    description: 'Joins the room as a hidden viewer, or returns the session already active there',
    args: { input: t.arg({ type: StartSessionInput, required: true }) },
    resolve: (_root, { input }, { services }) => services.control.startSession(input),
  }),
  stopSession: t.field({
    type: LiveSession,
    args: { roomName: t.arg.string({ required: true }) },
    resolve: (_root, { roomName }, { services }) => services.control.stopSession(roomName),
  }),
}));
