import { downloadPath } from '../recording-downloads.js';
import { FAMILY_FILES, MANIFEST_FILE, STOP_REASONS, type FileStorage, type GapReason, type RecordingFile, type RecordingGap, type RecordingState, type RecordingView, type TrackSourceName } from '../services/recording-model.js';
import { builder } from './builder.js';
import { historyConnection } from './history.js';
import { LiveSession } from './sessions.js';
import { RecordingModeEnum } from './recording-mode.js';

const RecordingStateEnum = builder.enumType('RecordingState', {
  values: {
    RECORDING: {},
    PAUSED: { description: 'Paused with pauseRecording: nothing is written until resumeRecording, and the pause is left out of the files' },
    FINALIZING: { description: 'Stopped; its files are being finished' },
    COMPLETE: {},
    EMPTY: { description: 'No track delivered any media while it was recorded: there are no files' },
    FAILED: {},
    INTERRUPTED: { description: 'haven-live stopped without finishing it; what was written was kept' },
  } as const satisfies Record<RecordingState, object>,
});

const StopReasonEnum = builder.enumType('StopReason', {
  description: 'Why a recording stopped',
  values: Object.fromEntries(
    STOP_REASONS.map((reason) => [
      reason,
      {
        description: {
          STOPPED: 'stopRecording, stopSession or a shutdown',
          PARTICIPANT_LEFT: 'The participant left the room',
          SESSION_ENDED: 'The session ended (LiveKit closed it, or its room finished)',
          LOW_DISK_SPACE: 'The recording directory fell below HAVEN_MIN_FREE_MB',
          CONSENT_WITHDRAWN: 'The participant set its attribute haven.record to off',
          MAX_DURATION: "It reached its watch rule's maxRecordingSec",
          FAILOVER: 'Its instance stopped renewing the lease of the room (it died or was cut off); another instance goes on with a new part',
        }[reason],
      },
    ]),
  ) as Record<(typeof STOP_REASONS)[number], { description: string }>,
});

const RecordingPauseType = builder.objectRef<{ start: Date; end: Date | null }>('RecordingPause').implement({
  description: 'A span in which a recording was paused: left out of its files, and not a gap',
  fields: (t) => ({
    start: t.expose('start', { type: 'DateTime' }),
    end: t.expose('end', { type: 'DateTime', nullable: true, description: 'null while it lasts' }),
  }),
});

export const TrackSourceEnum = builder.enumType('TrackSource', {
  values: ['CAMERA', 'MICROPHONE', 'SCREEN_SHARE', 'SCREEN_SHARE_AUDIO', 'UNKNOWN'] as const satisfies readonly TrackSourceName[],
});

const RecordingFileKindEnum = builder.enumType('RecordingFileKind', {
  values: {
    VIDEO: {
      description:
        'TRANSCODE: video.mp4 (screen.mp4 for a screen share), H.264 in fragmented MP4, playable even when cut off; PASSTHROUGH: video.webm (VP8/VP9) or video.mp4 (H.264) as sent',
    },
    AUDIO: { description: 'TRANSCODE: audio.wav (screen-audio.wav), PCM s16le 48 kHz; PASSTHROUGH: audio.webm (screen-audio.webm), Opus as sent' },
    COMBINED: {
      description:
        'combined.mp4 (screen-combined.mp4; H.264 + AAC in TRANSCODE), or combined.webm in PASSTHROUGH (packets copied): one family of tracks, made when the recording stops',
    },
  } as const,
});

/** Files catalogued before recordings had one file per track carry no name or source. */
function fileName(file: RecordingFile): string {
  return file.name ?? FAMILY_FILES.CAMERA[file.kind];
}

function familySource(kind: RecordingFile['kind']): TrackSourceName {
  return kind === 'AUDIO' ? 'MICROPHONE' : 'CAMERA';
}

const FileStorageEnum = builder.enumType('FileStorage', {
  description: 'Where a recording file is',
  values: {
    LOCAL: { description: "On this machine's disk (no object storage is set, or it was recorded before)" },
    UPLOADING: { description: 'On disk, waiting for or in its upload to object storage' },
    STORED: { description: 'In object storage, checked; the local copy is removed once every file of the recording is' },
    UPLOAD_FAILED: { description: 'On disk; the last upload failed (storageError) and is tried again' },
  } as const satisfies Record<FileStorage, object>,
});

const RecordingFileType = builder.objectRef<RecordingFile & { recordingId: string }>('RecordingFile').implement({
  fields: (t) => ({
    kind: t.expose('kind', { type: RecordingFileKindEnum }),
    trackSid: t.exposeID('trackSid', { nullable: true, description: 'The track it holds (the video track for a combined file)' }),
    source: t.field({
      type: TrackSourceEnum,
      description: 'The source of its track; for a combined file CAMERA or SCREEN_SHARE, the family it pairs',
      resolve: (file) => file.source ?? familySource(file.kind),
    }),
    path: t.exposeString('path', { description: 'Where it was written on this machine (gone once STORED)' }),
    storage: t.field({
      type: FileStorageEnum,
      resolve: (file) => file.storage ?? 'LOCAL',
    }),
    storageError: t.string({
      nullable: true,
      description: 'Why the last upload failed (UPLOAD_FAILED); it is tried again with backoff, the file kept',
      resolve: (file) => file.storageError ?? null,
    }),
    objectKey: t.string({ nullable: true, description: 'Its key in the bucket of HAVEN_STORAGE_URL, once its upload began', resolve: (file) => file.objectKey ?? null }),
    downloadPath: t.string({
      description: 'Path on this server to download the file (supports Range requests; a stored file redirects to a presigned URL of its object)',
      resolve: (file) => downloadPath(file.recordingId, fileName(file)),
    }),
    signedDownloadPath: t.string({
      description:
        'downloadPath with a signature valid for an hour, for a <video> element that cannot send the API token (the same as downloadPath when no token is set)',
      resolve: (file, _args, { access }) => access.sign(downloadPath(file.recordingId, fileName(file))),
    }),
    sizeBytes: t.float({ resolve: (file) => file.sizeBytes }),
    durationSec: t.exposeFloat('durationSec', { nullable: true }),
    codec: t.exposeString('codec', { nullable: true, description: 'The codec stored (of the video for a combined file): h264, vp8, vp9, opus, pcm_s16le…' }),
    width: t.exposeInt('width', { nullable: true }),
    height: t.exposeInt('height', { nullable: true }),
  }),
});

const GapReasonEnum = builder.enumType('GapReason', {
  values: {
    MUTED: { description: 'The publisher muted the track' },
    NO_MEDIA: { description: 'No packets came, with no reason known (a network outage, a stalled publisher)' },
    RECONNECTING: { description: 'haven-live was reconnecting to the room' },
    UNPUBLISHED: { description: 'The track was unpublished (and published again later, or not)' },
    DROPPED: { description: "The track's clock slipped from the session clock and was re-anchored: silence filled in, or samples dropped" },
    RECORDER_RESTARTED: { description: 'PASSTHROUGH: the media tap recording the room died or lost the room and was started again; the track goes on in the same file after the gap' },
    FAILOVER: { description: "The instance recording it stopped renewing the room's lease; the span until another instance's part began (from the owner's last renewal)" },
  } as const satisfies Record<GapReason, object>,
});

const MediaKindEnum = builder.enumType('RecordingGapKind', { values: ['VIDEO', 'AUDIO'] as const });

const RecordingGapType = builder.objectRef<RecordingGap>('RecordingGap').implement({
  description: "An interval in which one track had no media in the recording's files (video holds its last picture, audio is silent)",
  fields: (t) => ({
    kind: t.expose('kind', { type: MediaKindEnum }),
    trackSid: t.exposeID('trackSid'),
    source: t.expose('source', { type: TrackSourceEnum }),
    start: t.exposeFloat('startSec', { description: "Seconds from the recording's start" }),
    end: t.exposeFloat('endSec', { description: "Seconds from the recording's start" }),
    reason: t.expose('reason', { type: GapReasonEnum }),
  }),
});

const RecordingPartType = builder.objectRef<RecordingView>('RecordingPart').implement({
  description: 'What one instance recorded of a recording: one part, unless the room was taken over by another instance (failover)',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The id of the recording row the part is (the first part: the recording itself)' }),
    instanceId: t.exposeString('instanceId', { nullable: true, description: 'The instance that recorded it (HAVEN_INSTANCE_ID)' }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
    state: t.expose('state', { type: RecordingStateEnum }),
    files: t.field({
      type: [RecordingFileType],
      resolve: (part) => part.files.map((file) => ({ ...file, recordingId: part.id })),
    }),
  }),
});

export const Recording = builder.objectRef<RecordingView>('Recording').implement({
  description: "One participant's media in a recorded session",
  fields: (t) => ({
    id: t.exposeID('id'),
    sessionId: t.exposeID('sessionId'),
    roomName: t.exposeString('roomName'),
    participantIdentity: t.exposeString('participantIdentity'),
    mode: t.expose('mode', { type: RecordingModeEnum }),
    state: t.expose('state', { type: RecordingStateEnum }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true, description: 'The end of the recorded window' }),
    finalizedAt: t.expose('finalizedAt', { type: 'DateTime', nullable: true, description: 'When its files were finished' }),
    stopReason: t.expose('stopReason', { type: StopReasonEnum, nullable: true }),
    pauses: t.field({
      type: [RecordingPauseType],
      description: 'Spans it was paused, wall-clock; the files leave them out',
      resolve: (recording) => recording.pauses,
    }),
    error: t.exposeString('error', { nullable: true }),
    files: t.field({
      type: [RecordingFileType],
      description: 'Filled in from ffprobe once the recording is finalized',
      resolve: (recording) => recording.files.map((file) => ({ ...file, recordingId: recording.id })),
    }),
    gaps: t.field({
      type: [RecordingGapType],
      description: 'Intervals in which a track had no media, filled in once the recording is finalized',
      resolve: (recording) => recording.gaps,
    }),
    parts: t.field({
      type: [RecordingPartType],
      description: 'Every part of the recording, in the order they began: the one this row began, and those other instances went on with after a failover',
      resolve: (recording, _args, { services }) => services.recordings.parts(recording),
    }),
    manifestDownloadPath: t.string({
      nullable: true,
      description: 'Path of manifest.json (wall-clock start, tracks, gaps, dropped frames, clock corrections), once finalized with files',
      resolve: (recording) => (recording.files.length > 0 && recording.finalizedAt ? downloadPath(recording.id, MANIFEST_FILE) : null),
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
    args: {
      roomName: t.arg.string({ required: true }),
      mode: t.arg({ type: RecordingModeEnum, required: false, description: "Default: the server's (config.recordingMode)" }),
    },
    resolve: (_root, { roomName, mode }, { services }) => services.control.startRecording(roomName, mode),
  }),
  stopRecording: t.field({
    type: [Recording],
    description: "Stops recording and finalizes the session's recordings",
    args: { roomName: t.arg.string({ required: true }) },
    resolve: (_root, { roomName }, { services }) => services.control.stopRecording(roomName),
  }),
  pauseRecording: t.field({
    type: [Recording],
    description: "Pauses the room's recordings: nothing is written until resumeRecording, and the paused time is left out of the files",
    args: { roomName: t.arg.string({ required: true }) },
    resolve: (_root, { roomName }, { services }) => services.control.pauseRecording(roomName),
  }),
  resumeRecording: t.field({
    type: [Recording],
    description: "Resumes the room's paused recordings: each file goes on as one file",
    args: { roomName: t.arg.string({ required: true }) },
    resolve: (_root, { roomName }, { services }) => services.control.resumeRecording(roomName),
  }),
  deleteRecording: t.field({
    type: Recording,
    description: 'Removes the files and the catalog entry',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, { services }) => services.recordings.delete(String(id)),
  }),
}));
