/** What a recording is, as the catalog, the files and the API see it. */

export type GapReason = 'MUTED' | 'NO_MEDIA' | 'RECONNECTING' | 'UNPUBLISHED' | 'DROPPED' | 'RECORDER_RESTARTED' | 'FAILOVER';

/**
 * How a recording is made: PASSTHROUGH keeps the media as it was sent (the media tap writes the
 * packets, files are remuxed, never re-encoded); TRANSCODE decodes and encodes again (H.264 and WAV).
 */
export type RecordingMode = 'PASSTHROUGH' | 'TRANSCODE';
export const RECORDING_MODES: readonly RecordingMode[] = ['PASSTHROUGH', 'TRANSCODE'];

export type RecordingState = 'RECORDING' | 'PAUSED' | 'FINALIZING' | 'COMPLETE' | 'EMPTY' | 'FAILED' | 'INTERRUPTED';
export type RecordingFileKind = 'VIDEO' | 'AUDIO' | 'COMBINED';
export type TrackSourceName = 'CAMERA' | 'MICROPHONE' | 'SCREEN_SHARE' | 'SCREEN_SHARE_AUDIO' | 'UNKNOWN';
/** Tracks that belong together in one combined file: a camera with its microphone, a screen share with its audio. */
export type MediaFamily = 'CAMERA' | 'SCREEN_SHARE';

export function familyOf(source: string): MediaFamily {
  return source === 'SCREEN_SHARE' || source === 'SCREEN_SHARE_AUDIO' ? 'SCREEN_SHARE' : 'CAMERA';
}

/** File names per family; the camera family keeps the names of a one-camera recording. */
export const FAMILY_FILES: Record<MediaFamily, Record<RecordingFileKind, string>> = {
  CAMERA: { VIDEO: 'video.mp4', AUDIO: 'audio.wav', COMBINED: 'combined.mp4' },
  SCREEN_SHARE: { VIDEO: 'screen.mp4', AUDIO: 'screen-audio.wav', COMBINED: 'screen-combined.mp4' },
};

/**
 * Files of a PASSTHROUGH recording: what the media tap writes as packets arrive (crash-safe: IVF
 * for VP8, VP9 and H.264, Ogg for Opus), and what they are remuxed into when the recording ends
 * (WebM for VP8/VP9 and Opus, MP4 for H.264).
 */
export const PASSTHROUGH_FILES: Record<
  MediaFamily,
  { raw: { video: string; opus: string }; VIDEO: { webm: string; mp4: string }; AUDIO: string; COMBINED: { webm: string; mp4: string } }
> = {
  CAMERA: {
    raw: { video: 'video.ivf', opus: 'audio.ogg' },
    VIDEO: { webm: 'video.webm', mp4: 'video.mp4' },
    AUDIO: 'audio.webm',
    COMBINED: { webm: 'combined.webm', mp4: 'combined.mp4' },
  },
  SCREEN_SHARE: {
    raw: { video: 'screen.ivf', opus: 'screen-audio.ogg' },
    VIDEO: { webm: 'screen.webm', mp4: 'screen.mp4' },
    AUDIO: 'screen-audio.webm',
    COMBINED: { webm: 'screen-combined.webm', mp4: 'screen-combined.mp4' },
  },
};

/**
 * The media tap's file for a track's `index`th part (0: the first; a part is begun when the tap is
 * started again or the track is published again): video.ivf, video.2.ivf, …
 */
export function rawPartName(name: string, index: number): string {
  if (index === 0) return name;
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}.${index + 1}${name.slice(dot)}`;
}

/** Where each raw part after the first begins (s after its track's first part), written while recording. */
export const PARTS_FILE = 'parts.json';

/** The names a family's file of a kind may have, in either mode. */
export function familyFileNames(family: MediaFamily, kind: RecordingFileKind): string[] {
  const passthrough = PASSTHROUGH_FILES[family];
  const names = kind === 'VIDEO' ? Object.values(passthrough.VIDEO) : kind === 'AUDIO' ? [passthrough.AUDIO] : Object.values(passthrough.COMBINED);
  return [...new Set([FAMILY_FILES[family][kind], ...names])];
}

/** What a recording folder says of itself: times, tracks, gaps and clock corrections. */
export const MANIFEST_FILE = 'manifest.json';

/** Every file name a recording folder may hold (and a download may ask for). */
export const FILE_NAMES = new Set([
  ...(['CAMERA', 'SCREEN_SHARE'] as const).flatMap((family) => (['VIDEO', 'AUDIO', 'COMBINED'] as const).flatMap((kind) => familyFileNames(family, kind))),
  ...Object.values(PASSTHROUGH_FILES).flatMap((names) => Object.values(names.raw)),
  MANIFEST_FILE,
]);

export const FAMILY_SOURCES: Record<MediaFamily, Record<RecordingFileKind, TrackSourceName>> = {
  CAMERA: { VIDEO: 'CAMERA', AUDIO: 'MICROPHONE', COMBINED: 'CAMERA' },
  SCREEN_SHARE: { VIDEO: 'SCREEN_SHARE', AUDIO: 'SCREEN_SHARE_AUDIO', COMBINED: 'SCREEN_SHARE' },
};

/** The tracks a family's files were made from, as far as known. */
export type FamilyTracks = Partial<Record<'VIDEO' | 'AUDIO', { sid: string; source: TrackSourceName }>>;

/** Why a recording stopped. */
export type StopReason = 'STOPPED' | 'PARTICIPANT_LEFT' | 'SESSION_ENDED' | 'LOW_DISK_SPACE' | 'CONSENT_WITHDRAWN' | 'MAX_DURATION' | 'FAILOVER';
export const STOP_REASONS: readonly StopReason[] = ['STOPPED', 'PARTICIPANT_LEFT', 'SESSION_ENDED', 'LOW_DISK_SPACE', 'CONSENT_WITHDRAWN', 'MAX_DURATION', 'FAILOVER'];

/** A span in which a recording was paused: left out of its files, and not a gap. */
export interface RecordingPause {
  start: Date;
  /** null while it lasts. */
  end: Date | null;
}


/** Where a recording file is: on this machine's disk, on its way to object storage, or stored there. */
export type FileStorage = 'LOCAL' | 'UPLOADING' | 'STORED' | 'UPLOAD_FAILED';

export interface RecordingFile {
  kind: RecordingFileKind;
  /** The file's name in the recording folder. */
  name: string;
  /** The track it holds (the video track for a combined file); null when not known (recovered after a crash). */
  trackSid: string | null;
  source: TrackSourceName;
  path: string;
  sizeBytes: number;
  durationSec: number | null;
  codec: string | null;
  width: number | null;
  height: number | null;
  /** Absent on files catalogued before object storage: LOCAL. */
  storage?: FileStorage;
  /** Why the last upload failed (short, nothing secret). */
  storageError?: string | null;
  /** Its key in the bucket, once an upload began. */
  objectKey?: string | null;
}

/** An interval in which one track had no media in the files, in seconds from the recording's start. */
export interface RecordingGap {
  kind: 'VIDEO' | 'AUDIO';
  trackSid: string;
  source: TrackSourceName;
  startSec: number;
  endSec: number;
  reason: GapReason;
}

export interface RecordingView {
  id: string;
  sessionId: string;
  roomName: string;
  participantIdentity: string;
  mode: RecordingMode;
  state: RecordingState;
  startedAt: Date;
  /** The end of the recorded window. */
  endedAt: Date | null;
  /** When the files were finished. */
  finalizedAt: Date | null;
  stopReason: StopReason | null;
  error: string | null;
  files: RecordingFile[];
  gaps: RecordingGap[];
  pauses: RecordingPause[];
  /** The instance that made it (null before instances were kept). */
  instanceId: string | null;
  /** The first part's id when this row continues a recording another instance began. */
  partOf: string | null;
}
