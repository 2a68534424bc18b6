import { downloadPath } from '../recording-downloads.js';
import { FILE_NAMES, type RecordingFile, type RecordingState, type RecordingView } from '../services/recordings.js';
import { builder } from './builder.js';
import { historyConnection } from './history.js';
import { LiveSession } from './sessions.js';

const RecordingStateEnum = builder.enumType('RecordingState', {
  values: ['RECORDING', 'FINALIZING', 'COMPLETE', 'FAILED', 'INTERRUPTED'] as const satisfies readonly RecordingState[],
});

const RecordingFileKindEnum = builder.enumType('RecordingFileKind', {
  values: {
    VIDEO: { description: 'video.mp4: H.264 in fragmented MP4, playable even when cut off' },
    AUDIO: { description: 'audio.wav: PCM s16le 48 kHz' },
    COMBINED: { description: 'combined.mp4: H.264 + AAC, made when the recording stops' },
  } as const,
});

const RecordingFileType = builder.objectRef<RecordingFile & { recordingId: string }>('RecordingFile').implement({
  fields: (t) => ({
    kind: t.expose('kind', { type: RecordingFileKindEnum }),
    path: t.exposeString('path'),
    downloadPath: t.string({
      description: 'Path on this server to download the file (supports Range requests)',
      resolve: (file) => downloadPath(file.recordingId, FILE_NAMES[file.kind]),
    }),
    signedDownloadPath: t.string({
      description:
        'downloadPath with a signature valid for an hour, for a <video> element that cannot send the API token (the same as downloadPath when no token is set)',
      resolve: (file, _args, { access }) => access.sign(downloadPath(file.recordingId, FILE_NAMES[file.kind])),
    }),
    sizeBytes: t.float({ resolve: (file) => file.sizeBytes }),
    durationSec: t.exposeFloat('durationSec', { nullable: true }),
    codec: t.exposeString('codec', { nullable: true }),
    width: t.exposeInt('width', { nullable: true }),
    height: t.exposeInt('height', { nullable: true }),
  }),
});

export const Recording = builder.objectRef<RecordingView>('Recording').implement({
  description: "One participant's media in a recorded session",
  fields: (t) => ({
    id: t.exposeID('id'),
    sessionId: t.exposeID('sessionId'),
    roomName: t.exposeString('roomName'),
    participantIdentity: t.exposeString('participantIdentity'),
    state: t.expose('state', { type: RecordingStateEnum }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
    error: t.exposeString('error', { nullable: true }),
    files: t.field({
      type: [RecordingFileType],
      description: 'Filled in from ffprobe once the recording is finalized',
      resolve: (recording) => recording.files.map((file) => ({ ...file, recordingId: recording.id })),
    }),
  }),
});

builder.objectField(LiveSession, 'recordings', (t) =>
  t.field({ type: [Recording], resolve: (session, _args, { services }) => services.recordings.forSession(session.id) }),
);

builder.queryFields((t) => ({
  recording: t.field({
    type: Recording,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, { services }) => services.recordings.get(String(id)),
  }),
  recordings: t.connection({
    type: Recording,
    description: 'Recordings, newest first',
    args: { roomName: t.arg.string() },
    resolve: (_root, args, { services }) => historyConnection(args, (page) => services.recordings.list(args.roomName, page)),
  }),
}));

builder.mutationFields((t) => ({
  startRecording: t.field({
    type: [Recording],
    description: "Records the room's session: each participant with media, and those who join",
    args: { roomName: t.arg.string({ required: true }) },
    resolve: (_root, { roomName }, { services }) => services.recordings.start(roomName),
  }),
  stopRecording: t.field({
    type: [Recording],
    description: "Stops recording and finalizes the session's recordings",
    args: { roomName: t.arg.string({ required: true }) },
    resolve: (_root, { roomName }, { services }) => services.recordings.stop(roomName),
  }),
  deleteRecording: t.field({
    type: Recording,
    description: 'Removes the files and the catalog entry',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, { services }) => services.recordings.delete(String(id)),
  }),
}));
