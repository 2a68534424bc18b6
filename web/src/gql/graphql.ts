/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AudioFramesOptions = {
  /** 1 or 2 (default 1) */
  channels?: number | null | undefined;
  /** Audio per chunk, 10-200 ms (default 20) */
  chunkMs?: number | null | undefined;
  /** 8000-48000 (default 48000) */
  sampleRate?: number | null | undefined;
};

/** Fields left out take their defaults: no recording, everyone, every source, no length limit, 30 s empty, enabled. */
export type CreateWatchRuleInput = {
  emptyRoomSec?: number | null | undefined;
  enabled?: boolean | null | undefined;
  excludeIdentities?: Array<string> | null | undefined;
  includeIdentities?: Array<string> | null | undefined;
  maxRecordingSec?: number | null | undefined;
  record?: boolean | null | undefined;
  roomPattern: string;
  sources?: Array<TrackSource> | null | undefined;
};

/** Where a recording file is */
export type FileStorage =
  /** On this machine's disk (no object storage is set, or it was recorded before) */
  | 'LOCAL'
  /** In object storage, checked; the local copy is removed once every file of the recording is */
  | 'STORED'
  /** On disk, waiting for or in its upload to object storage */
  | 'UPLOADING'
  /** On disk; the last upload failed (storageError) and is tried again */
  | 'UPLOAD_FAILED';

export type FrameFormat =
  /** Raw planar YUV 4:2:0: Y plane, then U and V at half width and height (rounded up) */
  | 'I420'
  /** One JPEG image per frame */
  | 'JPEG'
  /** Raw 8-bit RGBA, row by row */
  | 'RGBA';

export type GapReason =
  /** The track's clock slipped from the session clock and was re-anchored: silence filled in, or samples dropped */
  | 'DROPPED'
  /** The instance recording it stopped renewing the room's lease; the span until another instance's part began (from the owner's last renewal) */
  | 'FAILOVER'
  /** The publisher muted the track */
  | 'MUTED'
  /** No packets came, with no reason known (a network outage, a stalled publisher) */
  | 'NO_MEDIA'
  /** haven-live was reconnecting to the room */
  | 'RECONNECTING'
  /** PASSTHROUGH: the media tap recording the room died or lost the room and was started again; the track goes on in the same file after the gap */
  | 'RECORDER_RESTARTED'
  /** The track was unpublished (and published again later, or not) */
  | 'UNPUBLISHED';

export type RecordingFileKind =
  /** TRANSCODE: audio.wav (screen-audio.wav), PCM s16le 48 kHz; PASSTHROUGH: audio.webm (screen-audio.webm), Opus as sent */
  | 'AUDIO'
  /** combined.mp4 (screen-combined.mp4; H.264 + AAC in TRANSCODE), or combined.webm in PASSTHROUGH (packets copied): one family of tracks, made when the recording stops */
  | 'COMBINED'
  /** TRANSCODE: video.mp4 (screen.mp4 for a screen share), H.264 in fragmented MP4, playable even when cut off; PASSTHROUGH: video.webm (VP8/VP9) or video.mp4 (H.264) as sent */
  | 'VIDEO';

export type RecordingGapKind =
  | 'AUDIO'
  | 'VIDEO';

/** How a recording is made */
export type RecordingMode =
  /** The media as the publisher sent it, never decoded (the media tap): VP8/VP9 and Opus in WebM, H.264 in MP4; needs the tap built by npm install (config.passthroughAvailable) */
  | 'PASSTHROUGH'
  /** Decoded and encoded again: H.264 MP4 and WAV whatever the publisher sent; costs a core per two or three participants */
  | 'TRANSCODE';

export type RecordingState =
  | 'COMPLETE'
  /** No track delivered any media while it was recorded: there are no files */
  | 'EMPTY'
  | 'FAILED'
  /** Stopped; its files are being finished */
  | 'FINALIZING'
  /** haven-live stopped without finishing it; what was written was kept */
  | 'INTERRUPTED'
  /** Paused with pauseRecording: nothing is written until resumeRecording, and the pause is left out of the files */
  | 'PAUSED'
  | 'RECORDING';

export type SessionState =
  | 'CONNECTED'
  | 'CONNECTING'
  | 'ENDED'
  | 'FAILED'
  | 'RECONNECTING';

export type StartSessionInput = {
  /** Record the session from the start */
  record?: boolean | null | undefined;
  /** How it is recorded (with record); default: the server's */
  recordingMode?: RecordingMode | null | undefined;
  /** 1 to 128 characters, no control characters */
  roomName: string;
};

/** Why a recording stopped */
export type StopReason =
  /** The participant set its attribute haven.record to off */
  | 'CONSENT_WITHDRAWN'
  /** Its instance stopped renewing the lease of the room (it died or was cut off); another instance goes on with a new part */
  | 'FAILOVER'
  /** The recording directory fell below HAVEN_MIN_FREE_MB */
  | 'LOW_DISK_SPACE'
  /** It reached its watch rule's maxRecordingSec */
  | 'MAX_DURATION'
  /** The participant left the room */
  | 'PARTICIPANT_LEFT'
  /** The session ended (LiveKit closed it, or its room finished) */
  | 'SESSION_ENDED'
  /** stopRecording, stopSession or a shutdown */
  | 'STOPPED';

export type TrackKind =
  | 'AUDIO'
  | 'VIDEO';

export type TrackSource =
  | 'CAMERA'
  | 'MICROPHONE'
  | 'SCREEN_SHARE'
  | 'SCREEN_SHARE_AUDIO'
  | 'UNKNOWN';

export type VideoFramesOptions = {
  /** Default JPEG */
  format?: FrameFormat | null | undefined;
  /** 1-60; default: every frame */
  maxFps?: number | null | undefined;
  /** 16-4320 */
  maxHeight?: number | null | undefined;
  /** 16-7680; the picture is scaled down, aspect kept, never up */
  maxWidth?: number | null | undefined;
  /** JPEG quality 1-100 (default 75) */
  quality?: number | null | undefined;
};

export type LiveViewSessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type LiveViewSessionsQuery = { activeSessions: Array<{ id: string, roomName: string, state: SessionState, startedAt: string, recordings: Array<{ id: string, state: RecordingState }> }>, sessions: { edges: Array<{ node: { id: string, roomName: string, state: SessionState, startedAt: string, endedAt: string | null, endReason: string | null, endMessage: string | null } }> } };

export type LiveViewRoomQueryVariables = Exact<{
  roomName: string;
}>;


export type LiveViewRoomQuery = { session: { id: string, roomName: string, state: SessionState, participants: Array<{ identity: string, name: string, sid: string, joinedAt: string | null, tracks: Array<{ sid: string, name: string, kind: TrackKind, source: string, muted: boolean, width: number | null, height: number | null }> }> } | null };

export type LiveViewRecordingsQueryVariables = Exact<{
  roomName?: string | null | undefined;
}>;


export type LiveViewRecordingsQuery = { recordings: { edges: Array<{ node: { id: string, roomName: string, participantIdentity: string, mode: RecordingMode, state: RecordingState, startedAt: string, endedAt: string | null, finalizedAt: string | null, stopReason: StopReason | null, error: string | null, pauses: Array<{ start: string, end: string | null }>, gaps: Array<{ start: number, end: number, kind: RecordingGapKind, reason: GapReason, source: TrackSource, trackSid: string }>, files: Array<{ kind: RecordingFileKind, source: TrackSource, codec: string | null, width: number | null, height: number | null, durationSec: number | null, sizeBytes: number, downloadPath: string, signedDownloadPath: string, storage: FileStorage, storageError: string | null }> } }> } };

export type LiveViewStartSessionMutationVariables = Exact<{
  input: StartSessionInput;
}>;


export type LiveViewStartSessionMutation = { startSession: { id: string, roomName: string, state: SessionState } };

export type LiveViewStopSessionMutationVariables = Exact<{
  roomName: string;
}>;


export type LiveViewStopSessionMutation = { stopSession: { id: string, roomName: string, state: SessionState } };

export type LiveViewStartRecordingMutationVariables = Exact<{
  roomName: string;
}>;


export type LiveViewStartRecordingMutation = { startRecording: Array<{ id: string, state: RecordingState }> };

export type LiveViewStopRecordingMutationVariables = Exact<{
  roomName: string;
}>;


export type LiveViewStopRecordingMutation = { stopRecording: Array<{ id: string, state: RecordingState }> };

export type LiveViewPauseRecordingMutationVariables = Exact<{
  roomName: string;
}>;


export type LiveViewPauseRecordingMutation = { pauseRecording: Array<{ id: string, state: RecordingState }> };

export type LiveViewResumeRecordingMutationVariables = Exact<{
  roomName: string;
}>;


export type LiveViewResumeRecordingMutation = { resumeRecording: Array<{ id: string, state: RecordingState }> };

export type LiveViewServerRoomsQueryVariables = Exact<{ [key: string]: never; }>;


export type LiveViewServerRoomsQuery = { rooms: Array<{ name: string, numParticipants: number, numPublishers: number, createdAt: string | null, recording: boolean, session: { id: string, state: SessionState, rule: { id: string, roomPattern: string } | null } | null }> };

export type LiveViewWatchRuleFragment = { id: string, roomPattern: string, record: boolean, includeIdentities: Array<string>, excludeIdentities: Array<string>, sources: Array<TrackSource>, maxRecordingSec: number | null, emptyRoomSec: number, enabled: boolean };

export type LiveViewWatchRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type LiveViewWatchRulesQuery = { watchRules: Array<{ id: string, roomPattern: string, record: boolean, includeIdentities: Array<string>, excludeIdentities: Array<string>, sources: Array<TrackSource>, maxRecordingSec: number | null, emptyRoomSec: number, enabled: boolean }> };

export type LiveViewCreateWatchRuleMutationVariables = Exact<{
  input: CreateWatchRuleInput;
}>;


export type LiveViewCreateWatchRuleMutation = { createWatchRule: { id: string, roomPattern: string, record: boolean, includeIdentities: Array<string>, excludeIdentities: Array<string>, sources: Array<TrackSource>, maxRecordingSec: number | null, emptyRoomSec: number, enabled: boolean } };

export type LiveViewUpdateWatchRuleMutationVariables = Exact<{
  id: string | number;
  input: CreateWatchRuleInput;
}>;


export type LiveViewUpdateWatchRuleMutation = { updateWatchRule: { id: string, roomPattern: string, record: boolean, includeIdentities: Array<string>, excludeIdentities: Array<string>, sources: Array<TrackSource>, maxRecordingSec: number | null, emptyRoomSec: number, enabled: boolean } };

export type LiveViewDeleteWatchRuleMutationVariables = Exact<{
  id: string | number;
}>;


export type LiveViewDeleteWatchRuleMutation = { deleteWatchRule: boolean };

export type LiveViewSessionEventsSubscriptionVariables = Exact<{
  roomName: string;
}>;


export type LiveViewSessionEventsSubscription = { sessionEvents:
    | { __typename: 'ActiveSpeakersChanged', identities: Array<string>, at: string, sessionId: string }
    | { __typename: 'ConnectionStateChanged', state: SessionState, at: string, sessionId: string }
    | { __typename: 'ParticipantJoined', at: string, sessionId: string, participant: { identity: string } }
    | { __typename: 'ParticipantLeft', at: string, sessionId: string, participant: { identity: string } }
    | { __typename: 'RecordingConsentChanged', at: string, sessionId: string }
    | { __typename: 'RecordingFailed', error: string, at: string, sessionId: string, recording: { id: string, participantIdentity: string } }
    | { __typename: 'RecordingPaused', at: string, sessionId: string, recording: { id: string, participantIdentity: string } }
    | { __typename: 'RecordingResumed', at: string, sessionId: string, recording: { id: string, participantIdentity: string } }
    | { __typename: 'RecordingStarted', at: string, sessionId: string, recording: { id: string, participantIdentity: string } }
    | { __typename: 'RecordingStopped', at: string, sessionId: string, recording: { id: string, participantIdentity: string } }
    | { __typename: 'SessionEnded', reason: string, message: string | null, at: string, sessionId: string }
    | { __typename: 'TrackMuted', at: string, sessionId: string, participant: { identity: string }, track: { sid: string, kind: TrackKind } }
    | { __typename: 'TrackPublished', at: string, sessionId: string, participant: { identity: string }, track: { sid: string, kind: TrackKind, source: string } }
    | { __typename: 'TrackSubscribed', at: string, sessionId: string, participant: { identity: string }, track: { sid: string, kind: TrackKind, source: string } }
    | { __typename: 'TrackUnmuted', at: string, sessionId: string, participant: { identity: string }, track: { sid: string, kind: TrackKind } }
    | { __typename: 'TrackUnpublished', at: string, sessionId: string, participant: { identity: string }, track: { sid: string, kind: TrackKind, source: string } }
    | { __typename: 'TrackUnsubscribed', at: string, sessionId: string, participant: { identity: string }, track: { sid: string, kind: TrackKind } }
   };

export type LiveViewVideoFramesSubscriptionVariables = Exact<{
  roomName: string;
  participantIdentity?: string | null | undefined;
  options?: VideoFramesOptions | null | undefined;
}>;


export type LiveViewVideoFramesSubscription = { videoFrames: { trackSid: string, seq: number, timestampUs: string, width: number, height: number, chunkIndex: number, chunkCount: number, data: string } };

export type LiveViewAudioFramesSubscriptionVariables = Exact<{
  roomName: string;
  participantIdentity?: string | null | undefined;
  options?: AudioFramesOptions | null | undefined;
}>;


export type LiveViewAudioFramesSubscription = { audioFrames: { trackSid: string, seq: number, timestampUs: string, sampleRate: number, channels: number, samplesPerChannel: number, data: string } };

export const LiveViewWatchRuleFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LiveViewWatchRule"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WatchRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roomPattern"}},{"kind":"Field","name":{"kind":"Name","value":"record"}},{"kind":"Field","name":{"kind":"Name","value":"includeIdentities"}},{"kind":"Field","name":{"kind":"Name","value":"excludeIdentities"}},{"kind":"Field","name":{"kind":"Name","value":"sources"}},{"kind":"Field","name":{"kind":"Name","value":"maxRecordingSec"}},{"kind":"Field","name":{"kind":"Name","value":"emptyRoomSec"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]} as unknown as DocumentNode<LiveViewWatchRuleFragment, unknown>;
export const LiveViewSessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LiveViewSessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activeSessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roomName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recordings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roomName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endReason"}},{"kind":"Field","name":{"kind":"Name","value":"endMessage"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LiveViewSessionsQuery, LiveViewSessionsQueryVariables>;
export const LiveViewRoomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LiveViewRoom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roomName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identity"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"tracks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LiveViewRoomQuery, LiveViewRoomQueryVariables>;
export const LiveViewRecordingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LiveViewRecordings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomName"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomName"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roomName"}},{"kind":"Field","name":{"kind":"Name","value":"participantIdentity"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finalizedAt"}},{"kind":"Field","name":{"kind":"Name","value":"stopReason"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"pauses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gaps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"trackSid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"codec"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"durationSec"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"downloadPath"}},{"kind":"Field","name":{"kind":"Name","value":"signedDownloadPath"}},{"kind":"Field","name":{"kind":"Name","value":"storage"}},{"kind":"Field","name":{"kind":"Name","value":"storageError"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LiveViewRecordingsQuery, LiveViewRecordingsQueryVariables>;
export const LiveViewStartSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LiveViewStartSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartSessionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roomName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<LiveViewStartSessionMutation, LiveViewStartSessionMutationVariables>;
export const LiveViewStopSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LiveViewStopSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stopSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roomName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<LiveViewStopSessionMutation, LiveViewStopSessionMutationVariables>;
export const LiveViewStartRecordingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LiveViewStartRecording"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startRecording"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<LiveViewStartRecordingMutation, LiveViewStartRecordingMutationVariables>;
export const LiveViewStopRecordingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LiveViewStopRecording"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stopRecording"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<LiveViewStopRecordingMutation, LiveViewStopRecordingMutationVariables>;
export const LiveViewPauseRecordingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LiveViewPauseRecording"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pauseRecording"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<LiveViewPauseRecordingMutation, LiveViewPauseRecordingMutationVariables>;
export const LiveViewResumeRecordingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LiveViewResumeRecording"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resumeRecording"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<LiveViewResumeRecordingMutation, LiveViewResumeRecordingMutationVariables>;
export const LiveViewServerRoomsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LiveViewServerRooms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rooms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"numParticipants"}},{"kind":"Field","name":{"kind":"Name","value":"numPublishers"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"recording"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roomPattern"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LiveViewServerRoomsQuery, LiveViewServerRoomsQueryVariables>;
export const LiveViewWatchRulesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LiveViewWatchRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"watchRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LiveViewWatchRule"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LiveViewWatchRule"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WatchRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roomPattern"}},{"kind":"Field","name":{"kind":"Name","value":"record"}},{"kind":"Field","name":{"kind":"Name","value":"includeIdentities"}},{"kind":"Field","name":{"kind":"Name","value":"excludeIdentities"}},{"kind":"Field","name":{"kind":"Name","value":"sources"}},{"kind":"Field","name":{"kind":"Name","value":"maxRecordingSec"}},{"kind":"Field","name":{"kind":"Name","value":"emptyRoomSec"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]} as unknown as DocumentNode<LiveViewWatchRulesQuery, LiveViewWatchRulesQueryVariables>;
export const LiveViewCreateWatchRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LiveViewCreateWatchRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWatchRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWatchRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LiveViewWatchRule"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LiveViewWatchRule"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WatchRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roomPattern"}},{"kind":"Field","name":{"kind":"Name","value":"record"}},{"kind":"Field","name":{"kind":"Name","value":"includeIdentities"}},{"kind":"Field","name":{"kind":"Name","value":"excludeIdentities"}},{"kind":"Field","name":{"kind":"Name","value":"sources"}},{"kind":"Field","name":{"kind":"Name","value":"maxRecordingSec"}},{"kind":"Field","name":{"kind":"Name","value":"emptyRoomSec"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]} as unknown as DocumentNode<LiveViewCreateWatchRuleMutation, LiveViewCreateWatchRuleMutationVariables>;
export const LiveViewUpdateWatchRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LiveViewUpdateWatchRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWatchRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateWatchRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LiveViewWatchRule"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LiveViewWatchRule"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WatchRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roomPattern"}},{"kind":"Field","name":{"kind":"Name","value":"record"}},{"kind":"Field","name":{"kind":"Name","value":"includeIdentities"}},{"kind":"Field","name":{"kind":"Name","value":"excludeIdentities"}},{"kind":"Field","name":{"kind":"Name","value":"sources"}},{"kind":"Field","name":{"kind":"Name","value":"maxRecordingSec"}},{"kind":"Field","name":{"kind":"Name","value":"emptyRoomSec"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]} as unknown as DocumentNode<LiveViewUpdateWatchRuleMutation, LiveViewUpdateWatchRuleMutationVariables>;
export const LiveViewDeleteWatchRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LiveViewDeleteWatchRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteWatchRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<LiveViewDeleteWatchRuleMutation, LiveViewDeleteWatchRuleMutationVariables>;
export const LiveViewSessionEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LiveViewSessionEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipantJoined"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identity"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipantLeft"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identity"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrackPublished"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"track"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrackUnpublished"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"track"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrackSubscribed"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"track"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrackUnsubscribed"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"track"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrackMuted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"track"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrackUnmuted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"track"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConnectionStateChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActiveSpeakersChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identities"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordingStarted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recording"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"participantIdentity"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordingStopped"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recording"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"participantIdentity"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordingPaused"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recording"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"participantIdentity"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordingResumed"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recording"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"participantIdentity"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordingFailed"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"recording"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"participantIdentity"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SessionEnded"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LiveViewSessionEventsSubscription, LiveViewSessionEventsSubscriptionVariables>;
export const LiveViewVideoFramesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LiveViewVideoFrames"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"participantIdentity"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"options"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VideoFramesOptions"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"videoFrames"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomName"}}},{"kind":"Argument","name":{"kind":"Name","value":"participantIdentity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"participantIdentity"}}},{"kind":"Argument","name":{"kind":"Name","value":"options"},"value":{"kind":"Variable","name":{"kind":"Name","value":"options"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackSid"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"timestampUs"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"chunkIndex"}},{"kind":"Field","name":{"kind":"Name","value":"chunkCount"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]} as unknown as DocumentNode<LiveViewVideoFramesSubscription, LiveViewVideoFramesSubscriptionVariables>;
export const LiveViewAudioFramesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LiveViewAudioFrames"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"participantIdentity"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"options"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AudioFramesOptions"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"audioFrames"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomName"}}},{"kind":"Argument","name":{"kind":"Name","value":"participantIdentity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"participantIdentity"}}},{"kind":"Argument","name":{"kind":"Name","value":"options"},"value":{"kind":"Variable","name":{"kind":"Name","value":"options"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackSid"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"timestampUs"}},{"kind":"Field","name":{"kind":"Name","value":"sampleRate"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"samplesPerChannel"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]} as unknown as DocumentNode<LiveViewAudioFramesSubscription, LiveViewAudioFramesSubscriptionVariables>;