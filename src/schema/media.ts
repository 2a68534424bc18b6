import type { AudioChunk, MediaStats, Snapshot, VideoFrameChunk } from '../services/media.js';
import { HavenError } from '../errors.js';
import { builder } from './builder.js';

const FrameFormat = builder.enumType('FrameFormat', {
  values: {
    JPEG: { description: 'One JPEG image per frame' },
    I420: { description: 'Raw planar YUV 4:2:0: Y plane, then U and V at half width and height (rounded up)' },
    RGBA: { description: 'Raw 8-bit RGBA, row by row' },
  } as const,
});

const VideoFramesOptions = builder.inputType('VideoFramesOptions', {
  fields: (t) => ({
    format: t.field({ type: FrameFormat, required: false, description: 'Default JPEG' }),
    maxWidth: t.int({ required: false, description: '16-7680; the picture is scaled down, aspect kept, never up' }),
    maxHeight: t.int({ required: false, description: '16-4320' }),
    maxFps: t.int({ required: false, description: '1-60; default: every frame' }),
    quality: t.int({ required: false, description: 'JPEG quality 1-100 (default 75)' }),
  }),
});

const AudioFramesOptions = builder.inputType('AudioFramesOptions', {
  fields: (t) => ({
    sampleRate: t.int({ required: false, description: '8000-48000 (default 48000)' }),
    channels: t.int({ required: false, description: '1 or 2 (default 1)' }),
    chunkMs: t.int({ required: false, description: 'Audio per chunk, 10-200 ms (default 20)' }),
  }),
});

const VideoFrameChunkType = builder.objectRef<VideoFrameChunk>('VideoFrameChunk').implement({
  description: 'Part of one video frame. A frame larger than the chunk limit comes as consecutive chunks 0..chunkCount-1.',
  fields: (t) => ({
    sessionId: t.exposeID('sessionId'),
    participantIdentity: t.exposeString('participantIdentity'),
    trackSid: t.exposeID('trackSid'),
    seq: t.exposeInt('seq', { description: 'Frame number on the track; gaps are frames this subscriber skipped' }),
    timestampUs: t.expose('timestampUs', { type: 'BigInt', description: 'Microseconds on the session clock' }),
    width: t.exposeInt('width'),
    height: t.exposeInt('height'),
    format: t.expose('format', { type: FrameFormat }),
    chunkIndex: t.exposeInt('chunkIndex'),
    chunkCount: t.exposeInt('chunkCount'),
    data: t.expose('data', { type: 'Base64' }),
  }),
});

const AudioChunkType = builder.objectRef<AudioChunk>('AudioChunk').implement({
  description: 'PCM signed 16-bit little-endian, channels interleaved',
  fields: (t) => ({
    sessionId: t.exposeID('sessionId'),
    participantIdentity: t.exposeString('participantIdentity'),
    trackSid: t.exposeID('trackSid'),
    seq: t.exposeInt('seq'),
    timestampUs: t.expose('timestampUs', { type: 'BigInt', description: 'Microseconds on the session clock of the first sample' }),
    sampleRate: t.exposeInt('sampleRate'),
    channels: t.exposeInt('channels'),
    samplesPerChannel: t.exposeInt('samplesPerChannel'),
    droppedSamples: t.exposeInt('droppedSamples', { description: 'Samples per channel dropped since the previous chunk because this subscriber fell behind' }),
    data: t.expose('data', { type: 'Base64' }),
  }),
});

const SnapshotType = builder.objectRef<Snapshot>('Snapshot').implement({
  fields: (t) => ({
    sessionId: t.exposeID('sessionId'),
    participantIdentity: t.exposeString('participantIdentity'),
    trackSid: t.exposeID('trackSid'),
    width: t.exposeInt('width'),
    height: t.exposeInt('height'),
    timestampUs: t.expose('timestampUs', { type: 'BigInt' }),
    data: t.expose('data', { type: 'Base64', description: 'One JPEG image' }),
  }),
});

const MediaStatsType = builder.objectRef<MediaStats>('MediaStats').implement({
  description: 'What the media pipeline holds open right now',
  fields: (t) => ({
    openVideoStreams: t.exposeInt('openVideoStreams'),
    openAudioStreams: t.exposeInt('openAudioStreams'),
    subscribedTracks: t.exposeInt('subscribedTracks'),
    videoRenditions: t.exposeInt('videoRenditions'),
    runningEncoders: t.exposeInt('runningEncoders'),
    videoSubscribers: t.exposeInt('videoSubscribers'),
    audioSubscribers: t.exposeInt('audioSubscribers'),
    droppedVideoFrames: t.exposeInt('droppedVideoFrames', { description: 'Frames skipped by finished subscribers that fell behind' }),
    droppedAudioSamples: t.exposeInt('droppedAudioSamples'),
    encoderDroppedFrames: t.exposeInt('encoderDroppedFrames', { description: 'Frames skipped because an encoder was still busy' }),
  }),
});

/** A media stream's last item is a typed error when something other than its track ended it. */
function endWithError<T>(item: T | HavenError): T {
  if (item instanceof HavenError) throw item;
  return item;
}

builder.queryFields((t) => ({
  snapshot: t.field({
    type: SnapshotType,
    description: 'The latest picture of a video track (default: the first in the room) as one JPEG, or NO_VIDEO',
    args: {
      roomName: t.arg.string({ required: true }),
      participantIdentity: t.arg.string(),
      trackSid: t.arg.string(),
      maxWidth: t.arg.int(),
      quality: t.arg.int(),
    },
    resolve: (_root, { roomName, participantIdentity, trackSid, maxWidth, quality }, { services }) =>
      services.control.media(roomName, () => services.media.snapshot(roomName, { participantIdentity, trackSid }, maxWidth, quality)),
  }),
  mediaStats: t.field({ type: MediaStatsType, resolve: (_root, _args, { services }) => services.media.stats() }),
}));

builder.subscriptionFields((t) => ({
  videoFrames: t.field({
    type: VideoFrameChunkType,
    description:
      'Frames of a video track (default: the first of the participant, or of the room; then it follows a republished one). Completes when the track ends.',
    args: {
      roomName: t.arg.string({ required: true }),
      participantIdentity: t.arg.string(),
      trackSid: t.arg.string(),
      options: t.arg({ type: VideoFramesOptions }),
    },
    subscribe: (_root, { roomName, participantIdentity, trackSid, options }, { services }) =>
      services.control.media(roomName, () => services.media.videoFrames(roomName, { participantIdentity, trackSid }, options)),
    resolve: endWithError,
  }),
  audioFrames: t.field({
    type: AudioChunkType,
    description: 'Audio of a track as PCM chunks (default: the first audio track of the participant, or of the room)',
    args: {
      roomName: t.arg.string({ required: true }),
      participantIdentity: t.arg.string(),
      trackSid: t.arg.string(),
      options: t.arg({ type: AudioFramesOptions }),
    },
    subscribe: (_root, { roomName, participantIdentity, trackSid, options }, { services }) =>
      services.control.media(roomName, () => services.media.audioFrames(roomName, { participantIdentity, trackSid }, options)),
    resolve: endWithError,
  }),
}));
