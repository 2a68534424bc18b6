/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  subscription LimitFrames($roomName: String!, $options: VideoFramesOptions) {\n    videoFrames(roomName: $roomName, options: $options) {\n      seq\n    }\n  }\n": typeof types.LimitFramesDocument,
    "\n  query Config {\n    config {\n      livekitUrl\n      livekitApiKey\n      hasLivekitApiSecret\n      recordingDirectory\n      sources {\n        livekitUrl\n        livekitApiKey\n        livekitApiSecret\n        recordingDirectory\n      }\n    }\n  }\n": typeof types.ConfigDocument,
    "\n  mutation UpdateConfig($input: UpdateConfigInput!) {\n    updateConfig(input: $input) {\n      livekitUrl\n      livekitApiKey\n      hasLivekitApiSecret\n      recordingDirectory\n      sources {\n        livekitUrl\n        livekitApiKey\n        livekitApiSecret\n        recordingDirectory\n      }\n    }\n  }\n": typeof types.UpdateConfigDocument,
    "\n  subscription DemoVideoFrames($roomName: String!) {\n    videoFrames(roomName: $roomName, options: { maxWidth: 640 }) {\n      participantIdentity\n      trackSid\n      seq\n      chunkIndex\n      chunkCount\n      width\n      height\n      timestampUs\n      data\n    }\n  }\n": typeof types.DemoVideoFramesDocument,
    "\n  subscription DemoAudioFrames($roomName: String!) {\n    audioFrames(roomName: $roomName, options: { sampleRate: 16000, channels: 1, chunkMs: 40 }) {\n      participantIdentity\n      sampleRate\n      channels\n      data\n    }\n  }\n": typeof types.DemoAudioFramesDocument,
    "\n  mutation DemoStartRecording($roomName: String!) {\n    startRecording(roomName: $roomName) {\n      id\n      state\n    }\n  }\n": typeof types.DemoStartRecordingDocument,
    "\n  mutation FailoverStart($roomName: String!) {\n    startSession(input: { roomName: $roomName, record: true }) {\n      id\n      ownerInstanceId\n      recordings {\n        id\n        state\n      }\n    }\n  }\n": typeof types.FailoverStartDocument,
    "\n  query FailoverSession($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      state\n      ownerInstanceId\n      recordings {\n        id\n        state\n      }\n    }\n  }\n": typeof types.FailoverSessionDocument,
    "\n  mutation FailoverStop($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n": typeof types.FailoverStopDocument,
    "\n  query FailoverRecording($id: ID!) {\n    recording(id: $id) {\n      id\n      state\n      stopReason\n      gaps {\n        kind\n        start\n        end\n        reason\n      }\n      parts {\n        id\n        instanceId\n        state\n        startedAt\n        endedAt\n        files {\n          kind\n          path\n          durationSec\n        }\n      }\n    }\n  }\n": typeof types.FailoverRecordingDocument,
    "\n  mutation SharedRule($roomPattern: String!) {\n    createWatchRule(input: { roomPattern: $roomPattern, enabled: false }) {\n      id\n    }\n  }\n": typeof types.SharedRuleDocument,
    "\n  query SharedRules {\n    watchRules {\n      id\n      roomPattern\n    }\n    config {\n      recordingDirectory\n      sources {\n        recordingDirectory\n      }\n    }\n  }\n": typeof types.SharedRulesDocument,
    "\n  mutation SharedConfig($recordingDirectory: String!) {\n    updateConfig(input: { recordingDirectory: $recordingDirectory }) {\n      recordingDirectory\n    }\n  }\n": typeof types.SharedConfigDocument,
    "\n  fragment SessionFields on LiveSession {\n    id\n    roomName\n    state\n    startedAt\n    endedAt\n    endReason\n    endMessage\n    ownerInstanceId\n    participants {\n      identity\n      name\n      sid\n      joinedAt\n      tracks {\n        sid\n        name\n        kind\n        source\n        muted\n        width\n        height\n      }\n    }\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  mutation StartSession($roomName: String!) {\n    startSession(input: { roomName: $roomName }) {\n      ...SessionFields\n    }\n  }\n": typeof types.StartSessionDocument,
    "\n  mutation StopSession($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      ...SessionFields\n    }\n  }\n": typeof types.StopSessionDocument,
    "\n  query Session($roomName: String!) {\n    session(roomName: $roomName) {\n      ...SessionFields\n    }\n    activeSessions {\n      id\n      roomName\n    }\n  }\n": typeof types.SessionDocument,
    "\n  query History($first: Int, $after: String) {\n    sessions(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          roomName\n          state\n          startedAt\n          endedAt\n          endReason\n          endMessage\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.HistoryDocument,
    "\n  mutation SetLiveKit($input: UpdateConfigInput!) {\n    updateConfig(input: $input) {\n      livekitUrl\n      hasLivekitApiSecret\n    }\n  }\n": typeof types.SetLiveKitDocument,
    "\n  subscription SessionEvents($roomName: String!, $after: String) {\n    sessionEvents(roomName: $roomName, after: $after) {\n      __typename\n      cursor\n      sessionId\n      roomName\n      at\n      ... on ParticipantJoined {\n        participant {\n          identity\n          name\n          tracks {\n            sid\n            kind\n            source\n          }\n        }\n      }\n      ... on ParticipantLeft {\n        participant {\n          identity\n        }\n      }\n      ... on TrackPublished {\n        participant {\n          identity\n        }\n        track {\n          sid\n          name\n          kind\n          source\n          muted\n        }\n      }\n      ... on TrackUnpublished {\n        participant {\n          identity\n        }\n        track {\n          sid\n          kind\n        }\n      }\n      ... on TrackMuted {\n        participant {\n          identity\n        }\n        track {\n          sid\n          kind\n          muted\n        }\n      }\n      ... on TrackUnmuted {\n        participant {\n          identity\n        }\n        track {\n          sid\n          kind\n          muted\n        }\n      }\n      ... on ActiveSpeakersChanged {\n        identities\n      }\n      ... on ConnectionStateChanged {\n        state\n      }\n      ... on SessionEnded {\n        reason\n        message\n      }\n    }\n  }\n": typeof types.SessionEventsDocument,
    "\n  query MediaStats {\n    mediaStats {\n      openVideoStreams\n      openAudioStreams\n      subscribedTracks\n      videoRenditions\n      runningEncoders\n      videoSubscribers\n      audioSubscribers\n    }\n  }\n": typeof types.MediaStatsDocument,
    "\n  subscription FrameChunks($roomName: String!, $participantIdentity: String, $options: VideoFramesOptions) {\n    videoFrames(roomName: $roomName, participantIdentity: $participantIdentity, options: $options) {\n      seq\n      timestampUs\n      width\n      height\n      chunkIndex\n      chunkCount\n      data\n      trackSid\n    }\n  }\n": typeof types.FrameChunksDocument,
    "\n  mutation StartSyncedSession($roomName: String!, $mode: RecordingMode) {\n    startSession(input: { roomName: $roomName, record: true, recordingMode: $mode }) {\n      id\n      startedAt\n    }\n  }\n": typeof types.StartSyncedSessionDocument,
    "\n  mutation StopSyncedRecording($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      state\n      files {\n        kind\n        path\n      }\n    }\n  }\n": typeof types.StopSyncedRecordingDocument,
    "\n  mutation EndSyncedSession($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n": typeof types.EndSyncedSessionDocument,
    "\n  query SyncedTracks($roomName: String!) {\n    session(roomName: $roomName) {\n      participants {\n        tracks {\n          kind\n        }\n      }\n    }\n  }\n": typeof types.SyncedTracksDocument,
    "\n  subscription SyncedFrames($roomName: String!) {\n    videoFrames(roomName: $roomName, options: { format: I420, maxWidth: 64 }) {\n      seq\n      timestampUs\n      width\n      height\n      chunkIndex\n      chunkCount\n      data\n      trackSid\n    }\n  }\n": typeof types.SyncedFramesDocument,
    "\n  subscription SyncedAudio($roomName: String!) {\n    audioFrames(roomName: $roomName, options: { channels: 1, sampleRate: 48000, chunkMs: 20 }) {\n      timestampUs\n      samplesPerChannel\n      data\n    }\n  }\n": typeof types.SyncedAudioDocument,
    "\n  query Instances {\n    instances {\n      id\n      startedAt\n      lastSeenAt\n      sessions\n      maxSessions\n    }\n  }\n": typeof types.InstancesDocument,
    "\n  mutation InstancesRecord($roomName: String!) {\n    startRecording(roomName: $roomName) {\n      id\n      state\n      participantIdentity\n    }\n  }\n": typeof types.InstancesRecordDocument,
    "\n  mutation InstancesStopRecording($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      id\n      state\n    }\n  }\n": typeof types.InstancesStopRecordingDocument,
    "\n  query SessionOwner($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      ownerInstanceId\n    }\n  }\n": typeof types.SessionOwnerDocument,
    "\n  subscription LoadEvents($roomName: String!) {\n    sessionEvents(roomName: $roomName) {\n      __typename\n      at\n      ... on TrackMuted {\n        participant {\n          identity\n        }\n      }\n      ... on TrackUnmuted {\n        participant {\n          identity\n        }\n      }\n      ... on ParticipantJoined {\n        participant {\n          identity\n        }\n      }\n      ... on ParticipantLeft {\n        participant {\n          identity\n        }\n      }\n    }\n  }\n": typeof types.LoadEventsDocument,
    "\n  subscription LoadFrames($roomName: String!) {\n    videoFrames(roomName: $roomName, options: { format: JPEG, maxWidth: 320, maxFps: 15 }) {\n      seq\n      chunkIndex\n      chunkCount\n    }\n  }\n": typeof types.LoadFramesDocument,
    "\n  mutation LoadRecord($roomName: String!) {\n    startRecording(roomName: $roomName) {\n      id\n    }\n  }\n": typeof types.LoadRecordDocument,
    "\n  mutation LoadStopRecord($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      state\n      files {\n        kind\n        durationSec\n      }\n    }\n  }\n": typeof types.LoadStopRecordDocument,
    "\n  subscription VideoFrames($roomName: String!, $participantIdentity: String, $trackSid: String, $options: VideoFramesOptions) {\n    videoFrames(roomName: $roomName, participantIdentity: $participantIdentity, trackSid: $trackSid, options: $options) {\n      sessionId\n      participantIdentity\n      trackSid\n      seq\n      timestampUs\n      width\n      height\n      format\n      chunkIndex\n      chunkCount\n      data\n    }\n  }\n": typeof types.VideoFramesDocument,
    "\n  subscription AudioFrames($roomName: String!, $participantIdentity: String, $trackSid: String, $options: AudioFramesOptions) {\n    audioFrames(roomName: $roomName, participantIdentity: $participantIdentity, trackSid: $trackSid, options: $options) {\n      participantIdentity\n      trackSid\n      seq\n      timestampUs\n      sampleRate\n      channels\n      samplesPerChannel\n      droppedSamples\n      data\n    }\n  }\n": typeof types.AudioFramesDocument,
    "\n  query Snapshot($roomName: String!, $participantIdentity: String, $maxWidth: Int, $quality: Int) {\n    snapshot(roomName: $roomName, participantIdentity: $participantIdentity, maxWidth: $maxWidth, quality: $quality) {\n      participantIdentity\n      trackSid\n      width\n      height\n      timestampUs\n      data\n    }\n  }\n": typeof types.SnapshotDocument,
    "\n  subscription MemoryFrames($roomName: String!, $options: VideoFramesOptions) {\n    videoFrames(roomName: $roomName, options: $options) {\n      seq\n      chunkIndex\n      chunkCount\n      data\n    }\n  }\n": typeof types.MemoryFramesDocument,
    "\n  query PassthroughConfig {\n    config {\n      recordingMode\n      passthroughAvailable\n      passthroughUnavailableReason\n    }\n  }\n": typeof types.PassthroughConfigDocument,
    "\n  fragment PassthroughFields on Recording {\n    id\n    mode\n    state\n    stopReason\n    error\n    pauses {\n      start\n      end\n    }\n    gaps {\n      kind\n      start\n      end\n      reason\n    }\n    files {\n      kind\n      path\n      downloadPath\n      sizeBytes\n      codec\n      durationSec\n      width\n      height\n    }\n  }\n": typeof types.PassthroughFieldsFragmentDoc,
    "\n  mutation StartPassthrough($roomName: String!, $mode: RecordingMode) {\n    startSession(input: { roomName: $roomName, record: true, recordingMode: $mode }) {\n      id\n      recordings {\n        ...PassthroughFields\n      }\n    }\n  }\n": typeof types.StartPassthroughDocument,
    "\n  mutation RecordRoom($roomName: String!, $mode: RecordingMode) {\n    startRecording(roomName: $roomName, mode: $mode) {\n      ...PassthroughFields\n    }\n  }\n": typeof types.RecordRoomDocument,
    "\n  mutation PausePassthrough($roomName: String!) {\n    pauseRecording(roomName: $roomName) {\n      id\n      state\n    }\n  }\n": typeof types.PausePassthroughDocument,
    "\n  mutation ResumePassthrough($roomName: String!) {\n    resumeRecording(roomName: $roomName) {\n      id\n      state\n    }\n  }\n": typeof types.ResumePassthroughDocument,
    "\n  mutation StopPassthrough($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      ...PassthroughFields\n    }\n  }\n": typeof types.StopPassthroughDocument,
    "\n  query PassthroughSession($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      recordings {\n        ...PassthroughFields\n      }\n    }\n  }\n": typeof types.PassthroughSessionDocument,
    "\n  query PassthroughCatalog($roomName: String) {\n    recordings(roomName: $roomName, first: 10) {\n      edges {\n        node {\n          participantIdentity\n          ...PassthroughFields\n        }\n      }\n    }\n  }\n": typeof types.PassthroughCatalogDocument,
    "\n  fragment ControlFields on Recording {\n    id\n    participantIdentity\n    state\n    startedAt\n    endedAt\n    stopReason\n    pauses {\n      start\n      end\n    }\n    gaps {\n      kind\n      start\n      end\n      reason\n    }\n    files {\n      kind\n      path\n      durationSec\n    }\n  }\n": typeof types.ControlFieldsFragmentDoc,
    "\n  mutation ControlStart($roomName: String!) {\n    startSession(input: { roomName: $roomName, record: true }) {\n      id\n    }\n  }\n": typeof types.ControlStartDocument,
    "\n  mutation ControlPause($roomName: String!) {\n    pauseRecording(roomName: $roomName) {\n      ...ControlFields\n    }\n  }\n": typeof types.ControlPauseDocument,
    "\n  mutation ControlResume($roomName: String!) {\n    resumeRecording(roomName: $roomName) {\n      ...ControlFields\n    }\n  }\n": typeof types.ControlResumeDocument,
    "\n  mutation ControlStop($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      ...ControlFields\n    }\n  }\n": typeof types.ControlStopDocument,
    "\n  mutation ControlEnd($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n": typeof types.ControlEndDocument,
    "\n  query ControlSession($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      state\n      endReason\n      participants {\n        identity\n        recordingConsent\n      }\n      recordings {\n        ...ControlFields\n      }\n    }\n  }\n": typeof types.ControlSessionDocument,
    "\n  subscription ControlEvents($roomName: String!) {\n    sessionEvents(roomName: $roomName) {\n      __typename\n      at\n      ... on RecordingPaused {\n        recording {\n          id\n          state\n        }\n      }\n      ... on RecordingResumed {\n        recording {\n          id\n          state\n        }\n      }\n      ... on RecordingConsentChanged {\n        participant {\n          identity\n          recordingConsent\n        }\n      }\n    }\n  }\n": typeof types.ControlEventsDocument,
    "\n  query ConsentSnapshot($roomName: String!, $participantIdentity: String) {\n    snapshot(roomName: $roomName, participantIdentity: $participantIdentity, maxWidth: 160) {\n      participantIdentity\n      width\n    }\n  }\n": typeof types.ConsentSnapshotDocument,
    "\n  mutation ControlRule($input: CreateWatchRuleInput!) {\n    createWatchRule(input: $input) {\n      id\n    }\n  }\n": typeof types.ControlRuleDocument,
    "\n  mutation ControlDropRule($id: ID!) {\n    deleteWatchRule(id: $id)\n  }\n": typeof types.ControlDropRuleDocument,
    "\n  fragment RecordingFields on Recording {\n    id\n    sessionId\n    roomName\n    participantIdentity\n    state\n    startedAt\n    endedAt\n    finalizedAt\n    stopReason\n    error\n    files {\n      kind\n      trackSid\n      source\n      path\n      downloadPath\n      sizeBytes\n      durationSec\n      codec\n      width\n      height\n    }\n    gaps {\n      kind\n      trackSid\n      source\n      start\n      end\n      reason\n    }\n    manifestDownloadPath\n  }\n": typeof types.RecordingFieldsFragmentDoc,
    "\n  mutation StartRecordedSession($roomName: String!) {\n    startSession(input: { roomName: $roomName, record: true }) {\n      id\n      recordings {\n        ...RecordingFields\n      }\n    }\n  }\n": typeof types.StartRecordedSessionDocument,
    "\n  mutation StartPlainSession($roomName: String!) {\n    startSession(input: { roomName: $roomName }) {\n      id\n    }\n  }\n": typeof types.StartPlainSessionDocument,
    "\n  mutation StartRecording($roomName: String!) {\n    startRecording(roomName: $roomName) {\n      ...RecordingFields\n    }\n  }\n": typeof types.StartRecordingDocument,
    "\n  mutation StopRecording($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      ...RecordingFields\n    }\n  }\n": typeof types.StopRecordingDocument,
    "\n  query Catalog($roomName: String, $first: Int) {\n    recordings(roomName: $roomName, first: $first) {\n      edges {\n        node {\n          ...RecordingFields\n        }\n      }\n    }\n  }\n": typeof types.CatalogDocument,
    "\n  query Recording($id: ID!) {\n    recording(id: $id) {\n      ...RecordingFields\n    }\n  }\n": typeof types.RecordingDocument,
    "\n  mutation DeleteRecording($id: ID!) {\n    deleteRecording(id: $id) {\n      id\n      state\n      finalizedAt\n    }\n  }\n": typeof types.DeleteRecordingDocument,
    "\n  subscription RecordingEvents($roomName: String!) {\n    sessionEvents(roomName: $roomName) {\n      __typename\n      ... on RecordingStarted {\n        recording {\n          id\n          participantIdentity\n          state\n        }\n      }\n      ... on RecordingStopped {\n        recording {\n          id\n          participantIdentity\n          state\n        }\n      }\n      ... on RecordingFailed {\n        error\n        recording {\n          id\n          participantIdentity\n          state\n        }\n      }\n    }\n  }\n": typeof types.RecordingEventsDocument,
    "\n  subscription ResilientAudio($roomName: String!, $participantIdentity: String, $options: AudioFramesOptions) {\n    audioFrames(roomName: $roomName, participantIdentity: $participantIdentity, options: $options) {\n      seq\n      timestampUs\n      samplesPerChannel\n    }\n  }\n": typeof types.ResilientAudioDocument,
    "\n  query ResilientSnapshot($roomName: String!) {\n    snapshot(roomName: $roomName, maxWidth: 160) {\n      width\n      data\n    }\n  }\n": typeof types.ResilientSnapshotDocument,
    "\n  mutation ResilientStartRecording($roomName: String!) {\n    startRecording(roomName: $roomName) {\n      id\n      state\n    }\n  }\n": typeof types.ResilientStartRecordingDocument,
    "\n  mutation ResilientStopRecording($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      id\n      state\n      participantIdentity\n      startedAt\n      endedAt\n      files {\n        kind\n        durationSec\n      }\n      gaps {\n        kind\n        trackSid\n        source\n        start\n        end\n        reason\n      }\n      manifestDownloadPath\n    }\n  }\n": typeof types.ResilientStopRecordingDocument,
    "\n  mutation ResilientDelete($id: ID!) {\n    deleteRecording(id: $id) {\n      id\n    }\n  }\n": typeof types.ResilientDeleteDocument,
    "\n  query ResilientRecordings($roomName: String) {\n    recordings(roomName: $roomName, first: 50) {\n      edges {\n        node {\n          id\n          state\n          files {\n            kind\n            path\n          }\n        }\n      }\n    }\n  }\n": typeof types.ResilientRecordingsDocument,
    "\n  query ServerRooms {\n    rooms {\n      name\n      numParticipants\n      numPublishers\n      createdAt\n      recording\n      session {\n        id\n        state\n        rule {\n          id\n        }\n      }\n    }\n  }\n": typeof types.ServerRoomsDocument,
    "\n  mutation RecordServerRoom($roomName: String!) {\n    startSession(input: { roomName: $roomName, record: true }) {\n      id\n    }\n  }\n": typeof types.RecordServerRoomDocument,
    "\n  mutation EndServerRoom($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n": typeof types.EndServerRoomDocument,
    "\n  fragment RuleFields on WatchRule {\n    id\n    roomPattern\n    record\n    includeIdentities\n    excludeIdentities\n    sources\n    maxRecordingSec\n    emptyRoomSec\n    enabled\n    createdAt\n  }\n": typeof types.RuleFieldsFragmentDoc,
    "\n  mutation CreateRule($input: CreateWatchRuleInput!) {\n    createWatchRule(input: $input) {\n      ...RuleFields\n    }\n  }\n": typeof types.CreateRuleDocument,
    "\n  mutation UpdateRule($id: ID!, $input: CreateWatchRuleInput!) {\n    updateWatchRule(id: $id, input: $input) {\n      ...RuleFields\n    }\n  }\n": typeof types.UpdateRuleDocument,
    "\n  mutation DeleteRule($id: ID!) {\n    deleteWatchRule(id: $id)\n  }\n": typeof types.DeleteRuleDocument,
    "\n  query Rules {\n    watchRules {\n      ...RuleFields\n    }\n  }\n": typeof types.RulesDocument,
    "\n  query WatchedSession($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      state\n      endReason\n      rule {\n        id\n        roomPattern\n      }\n      recordings {\n        participantIdentity\n        state\n        files {\n          kind\n          source\n        }\n      }\n    }\n  }\n": typeof types.WatchedSessionDocument,
    "\n  fragment StoredFields on Recording {\n    id\n    state\n    participantIdentity\n    files {\n      kind\n      path\n      sizeBytes\n      storage\n      storageError\n      objectKey\n      downloadPath\n    }\n    manifestDownloadPath\n  }\n": typeof types.StoredFieldsFragmentDoc,
    "\n  mutation StorageRecord($roomName: String!) {\n    startSession(input: { roomName: $roomName, record: true }) {\n      id\n    }\n  }\n": typeof types.StorageRecordDocument,
    "\n  mutation StorageStop($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      ...StoredFields\n    }\n  }\n": typeof types.StorageStopDocument,
    "\n  mutation StorageEnd($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n": typeof types.StorageEndDocument,
    "\n  query StorageRecordings($roomName: String!) {\n    recordings(roomName: $roomName, first: 10) {\n      edges {\n        node {\n          ...StoredFields\n        }\n      }\n    }\n  }\n": typeof types.StorageRecordingsDocument,
    "\n  mutation StorageDelete($id: ID!) {\n    deleteRecording(id: $id) {\n      id\n    }\n  }\n": typeof types.StorageDeleteDocument,
    "\n  query WebPageRoomSession($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      state\n      recordings {\n        participantIdentity\n        state\n        pauses {\n          start\n          end\n        }\n      }\n    }\n  }\n": typeof types.WebPageRoomSessionDocument,
    "\n  query WebPageServerRooms {\n    rooms {\n      name\n      recording\n      session {\n        id\n        state\n        rule {\n          roomPattern\n        }\n      }\n    }\n  }\n": typeof types.WebPageServerRoomsDocument,
    "\n  query WebPageWatchRules {\n    watchRules {\n      id\n      roomPattern\n      enabled\n    }\n  }\n": typeof types.WebPageWatchRulesDocument,
    "\n  mutation WebPageStopSession($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n": typeof types.WebPageStopSessionDocument,
};
const documents: Documents = {
    "\n  subscription LimitFrames($roomName: String!, $options: VideoFramesOptions) {\n    videoFrames(roomName: $roomName, options: $options) {\n      seq\n    }\n  }\n": types.LimitFramesDocument,
    "\n  query Config {\n    config {\n      livekitUrl\n      livekitApiKey\n      hasLivekitApiSecret\n      recordingDirectory\n      sources {\n        livekitUrl\n        livekitApiKey\n        livekitApiSecret\n        recordingDirectory\n      }\n    }\n  }\n": types.ConfigDocument,
    "\n  mutation UpdateConfig($input: UpdateConfigInput!) {\n    updateConfig(input: $input) {\n      livekitUrl\n      livekitApiKey\n      hasLivekitApiSecret\n      recordingDirectory\n      sources {\n        livekitUrl\n        livekitApiKey\n        livekitApiSecret\n        recordingDirectory\n      }\n    }\n  }\n": types.UpdateConfigDocument,
    "\n  subscription DemoVideoFrames($roomName: String!) {\n    videoFrames(roomName: $roomName, options: { maxWidth: 640 }) {\n      participantIdentity\n      trackSid\n      seq\n      chunkIndex\n      chunkCount\n      width\n      height\n      timestampUs\n      data\n    }\n  }\n": types.DemoVideoFramesDocument,
    "\n  subscription DemoAudioFrames($roomName: String!) {\n    audioFrames(roomName: $roomName, options: { sampleRate: 16000, channels: 1, chunkMs: 40 }) {\n      participantIdentity\n      sampleRate\n      channels\n      data\n    }\n  }\n": types.DemoAudioFramesDocument,
    "\n  mutation DemoStartRecording($roomName: String!) {\n    startRecording(roomName: $roomName) {\n      id\n      state\n    }\n  }\n": types.DemoStartRecordingDocument,
    "\n  mutation FailoverStart($roomName: String!) {\n    startSession(input: { roomName: $roomName, record: true }) {\n      id\n      ownerInstanceId\n      recordings {\n        id\n        state\n      }\n    }\n  }\n": types.FailoverStartDocument,
    "\n  query FailoverSession($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      state\n      ownerInstanceId\n      recordings {\n        id\n        state\n      }\n    }\n  }\n": types.FailoverSessionDocument,
    "\n  mutation FailoverStop($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n": types.FailoverStopDocument,
    "\n  query FailoverRecording($id: ID!) {\n    recording(id: $id) {\n      id\n      state\n      stopReason\n      gaps {\n        kind\n        start\n        end\n        reason\n      }\n      parts {\n        id\n        instanceId\n        state\n        startedAt\n        endedAt\n        files {\n          kind\n          path\n          durationSec\n        }\n      }\n    }\n  }\n": types.FailoverRecordingDocument,
    "\n  mutation SharedRule($roomPattern: String!) {\n    createWatchRule(input: { roomPattern: $roomPattern, enabled: false }) {\n      id\n    }\n  }\n": types.SharedRuleDocument,
    "\n  query SharedRules {\n    watchRules {\n      id\n      roomPattern\n    }\n    config {\n      recordingDirectory\n      sources {\n        recordingDirectory\n      }\n    }\n  }\n": types.SharedRulesDocument,
    "\n  mutation SharedConfig($recordingDirectory: String!) {\n    updateConfig(input: { recordingDirectory: $recordingDirectory }) {\n      recordingDirectory\n    }\n  }\n": types.SharedConfigDocument,
    "\n  fragment SessionFields on LiveSession {\n    id\n    roomName\n    state\n    startedAt\n    endedAt\n    endReason\n    endMessage\n    ownerInstanceId\n    participants {\n      identity\n      name\n      sid\n      joinedAt\n      tracks {\n        sid\n        name\n        kind\n        source\n        muted\n        width\n        height\n      }\n    }\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  mutation StartSession($roomName: String!) {\n    startSession(input: { roomName: $roomName }) {\n      ...SessionFields\n    }\n  }\n": types.StartSessionDocument,
    "\n  mutation StopSession($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      ...SessionFields\n    }\n  }\n": types.StopSessionDocument,
    "\n  query Session($roomName: String!) {\n    session(roomName: $roomName) {\n      ...SessionFields\n    }\n    activeSessions {\n      id\n      roomName\n    }\n  }\n": types.SessionDocument,
    "\n  query History($first: Int, $after: String) {\n    sessions(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          roomName\n          state\n          startedAt\n          endedAt\n          endReason\n          endMessage\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.HistoryDocument,
    "\n  mutation SetLiveKit($input: UpdateConfigInput!) {\n    updateConfig(input: $input) {\n      livekitUrl\n      hasLivekitApiSecret\n    }\n  }\n": types.SetLiveKitDocument,
    "\n  subscription SessionEvents($roomName: String!, $after: String) {\n    sessionEvents(roomName: $roomName, after: $after) {\n      __typename\n      cursor\n      sessionId\n      roomName\n      at\n      ... on ParticipantJoined {\n        participant {\n          identity\n          name\n          tracks {\n            sid\n            kind\n            source\n          }\n        }\n      }\n      ... on ParticipantLeft {\n        participant {\n          identity\n        }\n      }\n      ... on TrackPublished {\n        participant {\n          identity\n        }\n        track {\n          sid\n          name\n          kind\n          source\n          muted\n        }\n      }\n      ... on TrackUnpublished {\n        participant {\n          identity\n        }\n        track {\n          sid\n          kind\n        }\n      }\n      ... on TrackMuted {\n        participant {\n          identity\n        }\n        track {\n          sid\n          kind\n          muted\n        }\n      }\n      ... on TrackUnmuted {\n        participant {\n          identity\n        }\n        track {\n          sid\n          kind\n          muted\n        }\n      }\n      ... on ActiveSpeakersChanged {\n        identities\n      }\n      ... on ConnectionStateChanged {\n        state\n      }\n      ... on SessionEnded {\n        reason\n        message\n      }\n    }\n  }\n": types.SessionEventsDocument,
    "\n  query MediaStats {\n    mediaStats {\n      openVideoStreams\n      openAudioStreams\n      subscribedTracks\n      videoRenditions\n      runningEncoders\n      videoSubscribers\n      audioSubscribers\n    }\n  }\n": types.MediaStatsDocument,
    "\n  subscription FrameChunks($roomName: String!, $participantIdentity: String, $options: VideoFramesOptions) {\n    videoFrames(roomName: $roomName, participantIdentity: $participantIdentity, options: $options) {\n      seq\n      timestampUs\n      width\n      height\n      chunkIndex\n      chunkCount\n      data\n      trackSid\n    }\n  }\n": types.FrameChunksDocument,
    "\n  mutation StartSyncedSession($roomName: String!, $mode: RecordingMode) {\n    startSession(input: { roomName: $roomName, record: true, recordingMode: $mode }) {\n      id\n      startedAt\n    }\n  }\n": types.StartSyncedSessionDocument,
    "\n  mutation StopSyncedRecording($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      state\n      files {\n        kind\n        path\n      }\n    }\n  }\n": types.StopSyncedRecordingDocument,
    "\n  mutation EndSyncedSession($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n": types.EndSyncedSessionDocument,
    "\n  query SyncedTracks($roomName: String!) {\n    session(roomName: $roomName) {\n      participants {\n        tracks {\n          kind\n        }\n      }\n    }\n  }\n": types.SyncedTracksDocument,
    "\n  subscription SyncedFrames($roomName: String!) {\n    videoFrames(roomName: $roomName, options: { format: I420, maxWidth: 64 }) {\n      seq\n      timestampUs\n      width\n      height\n      chunkIndex\n      chunkCount\n      data\n      trackSid\n    }\n  }\n": types.SyncedFramesDocument,
    "\n  subscription SyncedAudio($roomName: String!) {\n    audioFrames(roomName: $roomName, options: { channels: 1, sampleRate: 48000, chunkMs: 20 }) {\n      timestampUs\n      samplesPerChannel\n      data\n    }\n  }\n": types.SyncedAudioDocument,
    "\n  query Instances {\n    instances {\n      id\n      startedAt\n      lastSeenAt\n      sessions\n      maxSessions\n    }\n  }\n": types.InstancesDocument,
    "\n  mutation InstancesRecord($roomName: String!) {\n    startRecording(roomName: $roomName) {\n      id\n      state\n      participantIdentity\n    }\n  }\n": types.InstancesRecordDocument,
    "\n  mutation InstancesStopRecording($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      id\n      state\n    }\n  }\n": types.InstancesStopRecordingDocument,
    "\n  query SessionOwner($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      ownerInstanceId\n    }\n  }\n": types.SessionOwnerDocument,
    "\n  subscription LoadEvents($roomName: String!) {\n    sessionEvents(roomName: $roomName) {\n      __typename\n      at\n      ... on TrackMuted {\n        participant {\n          identity\n        }\n      }\n      ... on TrackUnmuted {\n        participant {\n          identity\n        }\n      }\n      ... on ParticipantJoined {\n        participant {\n          identity\n        }\n      }\n      ... on ParticipantLeft {\n        participant {\n          identity\n        }\n      }\n    }\n  }\n": types.LoadEventsDocument,
    "\n  subscription LoadFrames($roomName: String!) {\n    videoFrames(roomName: $roomName, options: { format: JPEG, maxWidth: 320, maxFps: 15 }) {\n      seq\n      chunkIndex\n      chunkCount\n    }\n  }\n": types.LoadFramesDocument,
    "\n  mutation LoadRecord($roomName: String!) {\n    startRecording(roomName: $roomName) {\n      id\n    }\n  }\n": types.LoadRecordDocument,
    "\n  mutation LoadStopRecord($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      state\n      files {\n        kind\n        durationSec\n      }\n    }\n  }\n": types.LoadStopRecordDocument,
    "\n  subscription VideoFrames($roomName: String!, $participantIdentity: String, $trackSid: String, $options: VideoFramesOptions) {\n    videoFrames(roomName: $roomName, participantIdentity: $participantIdentity, trackSid: $trackSid, options: $options) {\n      sessionId\n      participantIdentity\n      trackSid\n      seq\n      timestampUs\n      width\n      height\n      format\n      chunkIndex\n      chunkCount\n      data\n    }\n  }\n": types.VideoFramesDocument,
    "\n  subscription AudioFrames($roomName: String!, $participantIdentity: String, $trackSid: String, $options: AudioFramesOptions) {\n    audioFrames(roomName: $roomName, participantIdentity: $participantIdentity, trackSid: $trackSid, options: $options) {\n      participantIdentity\n      trackSid\n      seq\n      timestampUs\n      sampleRate\n      channels\n      samplesPerChannel\n      droppedSamples\n      data\n    }\n  }\n": types.AudioFramesDocument,
    "\n  query Snapshot($roomName: String!, $participantIdentity: String, $maxWidth: Int, $quality: Int) {\n    snapshot(roomName: $roomName, participantIdentity: $participantIdentity, maxWidth: $maxWidth, quality: $quality) {\n      participantIdentity\n      trackSid\n      width\n      height\n      timestampUs\n      data\n    }\n  }\n": types.SnapshotDocument,
    "\n  subscription MemoryFrames($roomName: String!, $options: VideoFramesOptions) {\n    videoFrames(roomName: $roomName, options: $options) {\n      seq\n      chunkIndex\n      chunkCount\n      data\n    }\n  }\n": types.MemoryFramesDocument,
    "\n  query PassthroughConfig {\n    config {\n      recordingMode\n      passthroughAvailable\n      passthroughUnavailableReason\n    }\n  }\n": types.PassthroughConfigDocument,
    "\n  fragment PassthroughFields on Recording {\n    id\n    mode\n    state\n    stopReason\n    error\n    pauses {\n      start\n      end\n    }\n    gaps {\n      kind\n      start\n      end\n      reason\n    }\n    files {\n      kind\n      path\n      downloadPath\n      sizeBytes\n      codec\n      durationSec\n      width\n      height\n    }\n  }\n": types.PassthroughFieldsFragmentDoc,
    "\n  mutation StartPassthrough($roomName: String!, $mode: RecordingMode) {\n    startSession(input: { roomName: $roomName, record: true, recordingMode: $mode }) {\n      id\n      recordings {\n        ...PassthroughFields\n      }\n    }\n  }\n": types.StartPassthroughDocument,
    "\n  mutation RecordRoom($roomName: String!, $mode: RecordingMode) {\n    startRecording(roomName: $roomName, mode: $mode) {\n      ...PassthroughFields\n    }\n  }\n": types.RecordRoomDocument,
    "\n  mutation PausePassthrough($roomName: String!) {\n    pauseRecording(roomName: $roomName) {\n      id\n      state\n    }\n  }\n": types.PausePassthroughDocument,
    "\n  mutation ResumePassthrough($roomName: String!) {\n    resumeRecording(roomName: $roomName) {\n      id\n      state\n    }\n  }\n": types.ResumePassthroughDocument,
    "\n  mutation StopPassthrough($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      ...PassthroughFields\n    }\n  }\n": types.StopPassthroughDocument,
    "\n  query PassthroughSession($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      recordings {\n        ...PassthroughFields\n      }\n    }\n  }\n": types.PassthroughSessionDocument,
    "\n  query PassthroughCatalog($roomName: String) {\n    recordings(roomName: $roomName, first: 10) {\n      edges {\n        node {\n          participantIdentity\n          ...PassthroughFields\n        }\n      }\n    }\n  }\n": types.PassthroughCatalogDocument,
    "\n  fragment ControlFields on Recording {\n    id\n    participantIdentity\n    state\n    startedAt\n    endedAt\n    stopReason\n    pauses {\n      start\n      end\n    }\n    gaps {\n      kind\n      start\n      end\n      reason\n    }\n    files {\n      kind\n      path\n      durationSec\n    }\n  }\n": types.ControlFieldsFragmentDoc,
    "\n  mutation ControlStart($roomName: String!) {\n    startSession(input: { roomName: $roomName, record: true }) {\n      id\n    }\n  }\n": types.ControlStartDocument,
    "\n  mutation ControlPause($roomName: String!) {\n    pauseRecording(roomName: $roomName) {\n      ...ControlFields\n    }\n  }\n": types.ControlPauseDocument,
    "\n  mutation ControlResume($roomName: String!) {\n    resumeRecording(roomName: $roomName) {\n      ...ControlFields\n    }\n  }\n": types.ControlResumeDocument,
    "\n  mutation ControlStop($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      ...ControlFields\n    }\n  }\n": types.ControlStopDocument,
    "\n  mutation ControlEnd($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n": types.ControlEndDocument,
    "\n  query ControlSession($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      state\n      endReason\n      participants {\n        identity\n        recordingConsent\n      }\n      recordings {\n        ...ControlFields\n      }\n    }\n  }\n": types.ControlSessionDocument,
    "\n  subscription ControlEvents($roomName: String!) {\n    sessionEvents(roomName: $roomName) {\n      __typename\n      at\n      ... on RecordingPaused {\n        recording {\n          id\n          state\n        }\n      }\n      ... on RecordingResumed {\n        recording {\n          id\n          state\n        }\n      }\n      ... on RecordingConsentChanged {\n        participant {\n          identity\n          recordingConsent\n        }\n      }\n    }\n  }\n": types.ControlEventsDocument,
    "\n  query ConsentSnapshot($roomName: String!, $participantIdentity: String) {\n    snapshot(roomName: $roomName, participantIdentity: $participantIdentity, maxWidth: 160) {\n      participantIdentity\n      width\n    }\n  }\n": types.ConsentSnapshotDocument,
    "\n  mutation ControlRule($input: CreateWatchRuleInput!) {\n    createWatchRule(input: $input) {\n      id\n    }\n  }\n": types.ControlRuleDocument,
    "\n  mutation ControlDropRule($id: ID!) {\n    deleteWatchRule(id: $id)\n  }\n": types.ControlDropRuleDocument,
    "\n  fragment RecordingFields on Recording {\n    id\n    sessionId\n    roomName\n    participantIdentity\n    state\n    startedAt\n    endedAt\n    finalizedAt\n    stopReason\n    error\n    files {\n      kind\n      trackSid\n      source\n      path\n      downloadPath\n      sizeBytes\n      durationSec\n      codec\n      width\n      height\n    }\n    gaps {\n      kind\n      trackSid\n      source\n      start\n      end\n      reason\n    }\n    manifestDownloadPath\n  }\n": types.RecordingFieldsFragmentDoc,
    "\n  mutation StartRecordedSession($roomName: String!) {\n    startSession(input: { roomName: $roomName, record: true }) {\n      id\n      recordings {\n        ...RecordingFields\n      }\n    }\n  }\n": types.StartRecordedSessionDocument,
    "\n  mutation StartPlainSession($roomName: String!) {\n    startSession(input: { roomName: $roomName }) {\n      id\n    }\n  }\n": types.StartPlainSessionDocument,
    "\n  mutation StartRecording($roomName: String!) {\n    startRecording(roomName: $roomName) {\n      ...RecordingFields\n    }\n  }\n": types.StartRecordingDocument,
    "\n  mutation StopRecording($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      ...RecordingFields\n    }\n  }\n": types.StopRecordingDocument,
    "\n  query Catalog($roomName: String, $first: Int) {\n    recordings(roomName: $roomName, first: $first) {\n      edges {\n        node {\n          ...RecordingFields\n        }\n      }\n    }\n  }\n": types.CatalogDocument,
    "\n  query Recording($id: ID!) {\n    recording(id: $id) {\n      ...RecordingFields\n    }\n  }\n": types.RecordingDocument,
    "\n  mutation DeleteRecording($id: ID!) {\n    deleteRecording(id: $id) {\n      id\n      state\n      finalizedAt\n    }\n  }\n": types.DeleteRecordingDocument,
    "\n  subscription RecordingEvents($roomName: String!) {\n    sessionEvents(roomName: $roomName) {\n      __typename\n      ... on RecordingStarted {\n        recording {\n          id\n          participantIdentity\n          state\n        }\n      }\n      ... on RecordingStopped {\n        recording {\n          id\n          participantIdentity\n          state\n        }\n      }\n      ... on RecordingFailed {\n        error\n        recording {\n          id\n          participantIdentity\n          state\n        }\n      }\n    }\n  }\n": types.RecordingEventsDocument,
    "\n  subscription ResilientAudio($roomName: String!, $participantIdentity: String, $options: AudioFramesOptions) {\n    audioFrames(roomName: $roomName, participantIdentity: $participantIdentity, options: $options) {\n      seq\n      timestampUs\n      samplesPerChannel\n    }\n  }\n": types.ResilientAudioDocument,
    "\n  query ResilientSnapshot($roomName: String!) {\n    snapshot(roomName: $roomName, maxWidth: 160) {\n      width\n      data\n    }\n  }\n": types.ResilientSnapshotDocument,
    "\n  mutation ResilientStartRecording($roomName: String!) {\n    startRecording(roomName: $roomName) {\n      id\n      state\n    }\n  }\n": types.ResilientStartRecordingDocument,
    "\n  mutation ResilientStopRecording($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      id\n      state\n      participantIdentity\n      startedAt\n      endedAt\n      files {\n        kind\n        durationSec\n      }\n      gaps {\n        kind\n        trackSid\n        source\n        start\n        end\n        reason\n      }\n      manifestDownloadPath\n    }\n  }\n": types.ResilientStopRecordingDocument,
    "\n  mutation ResilientDelete($id: ID!) {\n    deleteRecording(id: $id) {\n      id\n    }\n  }\n": types.ResilientDeleteDocument,
    "\n  query ResilientRecordings($roomName: String) {\n    recordings(roomName: $roomName, first: 50) {\n      edges {\n        node {\n          id\n          state\n          files {\n            kind\n            path\n          }\n        }\n      }\n    }\n  }\n": types.ResilientRecordingsDocument,
    "\n  query ServerRooms {\n    rooms {\n      name\n      numParticipants\n      numPublishers\n      createdAt\n      recording\n      session {\n        id\n        state\n        rule {\n          id\n        }\n      }\n    }\n  }\n": types.ServerRoomsDocument,
    "\n  mutation RecordServerRoom($roomName: String!) {\n    startSession(input: { roomName: $roomName, record: true }) {\n      id\n    }\n  }\n": types.RecordServerRoomDocument,
    "\n  mutation EndServerRoom($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n": types.EndServerRoomDocument,
    "\n  fragment RuleFields on WatchRule {\n    id\n    roomPattern\n    record\n    includeIdentities\n    excludeIdentities\n    sources\n    maxRecordingSec\n    emptyRoomSec\n    enabled\n    createdAt\n  }\n": types.RuleFieldsFragmentDoc,
    "\n  mutation CreateRule($input: CreateWatchRuleInput!) {\n    createWatchRule(input: $input) {\n      ...RuleFields\n    }\n  }\n": types.CreateRuleDocument,
    "\n  mutation UpdateRule($id: ID!, $input: CreateWatchRuleInput!) {\n    updateWatchRule(id: $id, input: $input) {\n      ...RuleFields\n    }\n  }\n": types.UpdateRuleDocument,
    "\n  mutation DeleteRule($id: ID!) {\n    deleteWatchRule(id: $id)\n  }\n": types.DeleteRuleDocument,
    "\n  query Rules {\n    watchRules {\n      ...RuleFields\n    }\n  }\n": types.RulesDocument,
    "\n  query WatchedSession($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      state\n      endReason\n      rule {\n        id\n        roomPattern\n      }\n      recordings {\n        participantIdentity\n        state\n        files {\n          kind\n          source\n        }\n      }\n    }\n  }\n": types.WatchedSessionDocument,
    "\n  fragment StoredFields on Recording {\n    id\n    state\n    participantIdentity\n    files {\n      kind\n      path\n      sizeBytes\n      storage\n      storageError\n      objectKey\n      downloadPath\n    }\n    manifestDownloadPath\n  }\n": types.StoredFieldsFragmentDoc,
    "\n  mutation StorageRecord($roomName: String!) {\n    startSession(input: { roomName: $roomName, record: true }) {\n      id\n    }\n  }\n": types.StorageRecordDocument,
    "\n  mutation StorageStop($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      ...StoredFields\n    }\n  }\n": types.StorageStopDocument,
    "\n  mutation StorageEnd($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n": types.StorageEndDocument,
    "\n  query StorageRecordings($roomName: String!) {\n    recordings(roomName: $roomName, first: 10) {\n      edges {\n        node {\n          ...StoredFields\n        }\n      }\n    }\n  }\n": types.StorageRecordingsDocument,
    "\n  mutation StorageDelete($id: ID!) {\n    deleteRecording(id: $id) {\n      id\n    }\n  }\n": types.StorageDeleteDocument,
    "\n  query WebPageRoomSession($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      state\n      recordings {\n        participantIdentity\n        state\n        pauses {\n          start\n          end\n        }\n      }\n    }\n  }\n": types.WebPageRoomSessionDocument,
    "\n  query WebPageServerRooms {\n    rooms {\n      name\n      recording\n      session {\n        id\n        state\n        rule {\n          roomPattern\n        }\n      }\n    }\n  }\n": types.WebPageServerRoomsDocument,
    "\n  query WebPageWatchRules {\n    watchRules {\n      id\n      roomPattern\n      enabled\n    }\n  }\n": types.WebPageWatchRulesDocument,
    "\n  mutation WebPageStopSession($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n": types.WebPageStopSessionDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LimitFrames($roomName: String!, $options: VideoFramesOptions) {\n    videoFrames(roomName: $roomName, options: $options) {\n      seq\n    }\n  }\n"): (typeof documents)["\n  subscription LimitFrames($roomName: String!, $options: VideoFramesOptions) {\n    videoFrames(roomName: $roomName, options: $options) {\n      seq\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Config {\n    config {\n      livekitUrl\n      livekitApiKey\n      hasLivekitApiSecret\n      recordingDirectory\n      sources {\n        livekitUrl\n        livekitApiKey\n        livekitApiSecret\n        recordingDirectory\n      }\n    }\n  }\n"): (typeof documents)["\n  query Config {\n    config {\n      livekitUrl\n      livekitApiKey\n      hasLivekitApiSecret\n      recordingDirectory\n      sources {\n        livekitUrl\n        livekitApiKey\n        livekitApiSecret\n        recordingDirectory\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateConfig($input: UpdateConfigInput!) {\n    updateConfig(input: $input) {\n      livekitUrl\n      livekitApiKey\n      hasLivekitApiSecret\n      recordingDirectory\n      sources {\n        livekitUrl\n        livekitApiKey\n        livekitApiSecret\n        recordingDirectory\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateConfig($input: UpdateConfigInput!) {\n    updateConfig(input: $input) {\n      livekitUrl\n      livekitApiKey\n      hasLivekitApiSecret\n      recordingDirectory\n      sources {\n        livekitUrl\n        livekitApiKey\n        livekitApiSecret\n        recordingDirectory\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DemoVideoFrames($roomName: String!) {\n    videoFrames(roomName: $roomName, options: { maxWidth: 640 }) {\n      participantIdentity\n      trackSid\n      seq\n      chunkIndex\n      chunkCount\n      width\n      height\n      timestampUs\n      data\n    }\n  }\n"): (typeof documents)["\n  subscription DemoVideoFrames($roomName: String!) {\n    videoFrames(roomName: $roomName, options: { maxWidth: 640 }) {\n      participantIdentity\n      trackSid\n      seq\n      chunkIndex\n      chunkCount\n      width\n      height\n      timestampUs\n      data\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DemoAudioFrames($roomName: String!) {\n    audioFrames(roomName: $roomName, options: { sampleRate: 16000, channels: 1, chunkMs: 40 }) {\n      participantIdentity\n      sampleRate\n      channels\n      data\n    }\n  }\n"): (typeof documents)["\n  subscription DemoAudioFrames($roomName: String!) {\n    audioFrames(roomName: $roomName, options: { sampleRate: 16000, channels: 1, chunkMs: 40 }) {\n      participantIdentity\n      sampleRate\n      channels\n      data\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DemoStartRecording($roomName: String!) {\n    startRecording(roomName: $roomName) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation DemoStartRecording($roomName: String!) {\n    startRecording(roomName: $roomName) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FailoverStart($roomName: String!) {\n    startSession(input: { roomName: $roomName, record: true }) {\n      id\n      ownerInstanceId\n      recordings {\n        id\n        state\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FailoverStart($roomName: String!) {\n    startSession(input: { roomName: $roomName, record: true }) {\n      id\n      ownerInstanceId\n      recordings {\n        id\n        state\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FailoverSession($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      state\n      ownerInstanceId\n      recordings {\n        id\n        state\n      }\n    }\n  }\n"): (typeof documents)["\n  query FailoverSession($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      state\n      ownerInstanceId\n      recordings {\n        id\n        state\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FailoverStop($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation FailoverStop($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FailoverRecording($id: ID!) {\n    recording(id: $id) {\n      id\n      state\n      stopReason\n      gaps {\n        kind\n        start\n        end\n        reason\n      }\n      parts {\n        id\n        instanceId\n        state\n        startedAt\n        endedAt\n        files {\n          kind\n          path\n          durationSec\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FailoverRecording($id: ID!) {\n    recording(id: $id) {\n      id\n      state\n      stopReason\n      gaps {\n        kind\n        start\n        end\n        reason\n      }\n      parts {\n        id\n        instanceId\n        state\n        startedAt\n        endedAt\n        files {\n          kind\n          path\n          durationSec\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SharedRule($roomPattern: String!) {\n    createWatchRule(input: { roomPattern: $roomPattern, enabled: false }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SharedRule($roomPattern: String!) {\n    createWatchRule(input: { roomPattern: $roomPattern, enabled: false }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SharedRules {\n    watchRules {\n      id\n      roomPattern\n    }\n    config {\n      recordingDirectory\n      sources {\n        recordingDirectory\n      }\n    }\n  }\n"): (typeof documents)["\n  query SharedRules {\n    watchRules {\n      id\n      roomPattern\n    }\n    config {\n      recordingDirectory\n      sources {\n        recordingDirectory\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SharedConfig($recordingDirectory: String!) {\n    updateConfig(input: { recordingDirectory: $recordingDirectory }) {\n      recordingDirectory\n    }\n  }\n"): (typeof documents)["\n  mutation SharedConfig($recordingDirectory: String!) {\n    updateConfig(input: { recordingDirectory: $recordingDirectory }) {\n      recordingDirectory\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on LiveSession {\n    id\n    roomName\n    state\n    startedAt\n    endedAt\n    endReason\n    endMessage\n    ownerInstanceId\n    participants {\n      identity\n      name\n      sid\n      joinedAt\n      tracks {\n        sid\n        name\n        kind\n        source\n        muted\n        width\n        height\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SessionFields on LiveSession {\n    id\n    roomName\n    state\n    startedAt\n    endedAt\n    endReason\n    endMessage\n    ownerInstanceId\n    participants {\n      identity\n      name\n      sid\n      joinedAt\n      tracks {\n        sid\n        name\n        kind\n        source\n        muted\n        width\n        height\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartSession($roomName: String!) {\n    startSession(input: { roomName: $roomName }) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartSession($roomName: String!) {\n    startSession(input: { roomName: $roomName }) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StopSession($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation StopSession($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Session($roomName: String!) {\n    session(roomName: $roomName) {\n      ...SessionFields\n    }\n    activeSessions {\n      id\n      roomName\n    }\n  }\n"): (typeof documents)["\n  query Session($roomName: String!) {\n    session(roomName: $roomName) {\n      ...SessionFields\n    }\n    activeSessions {\n      id\n      roomName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query History($first: Int, $after: String) {\n    sessions(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          roomName\n          state\n          startedAt\n          endedAt\n          endReason\n          endMessage\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query History($first: Int, $after: String) {\n    sessions(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          roomName\n          state\n          startedAt\n          endedAt\n          endReason\n          endMessage\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLiveKit($input: UpdateConfigInput!) {\n    updateConfig(input: $input) {\n      livekitUrl\n      hasLivekitApiSecret\n    }\n  }\n"): (typeof documents)["\n  mutation SetLiveKit($input: UpdateConfigInput!) {\n    updateConfig(input: $input) {\n      livekitUrl\n      hasLivekitApiSecret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SessionEvents($roomName: String!, $after: String) {\n    sessionEvents(roomName: $roomName, after: $after) {\n      __typename\n      cursor\n      sessionId\n      roomName\n      at\n      ... on ParticipantJoined {\n        participant {\n          identity\n          name\n          tracks {\n            sid\n            kind\n            source\n          }\n        }\n      }\n      ... on ParticipantLeft {\n        participant {\n          identity\n        }\n      }\n      ... on TrackPublished {\n        participant {\n          identity\n        }\n        track {\n          sid\n          name\n          kind\n          source\n          muted\n        }\n      }\n      ... on TrackUnpublished {\n        participant {\n          identity\n        }\n        track {\n          sid\n          kind\n        }\n      }\n      ... on TrackMuted {\n        participant {\n          identity\n        }\n        track {\n          sid\n          kind\n          muted\n        }\n      }\n      ... on TrackUnmuted {\n        participant {\n          identity\n        }\n        track {\n          sid\n          kind\n          muted\n        }\n      }\n      ... on ActiveSpeakersChanged {\n        identities\n      }\n      ... on ConnectionStateChanged {\n        state\n      }\n      ... on SessionEnded {\n        reason\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription SessionEvents($roomName: String!, $after: String) {\n    sessionEvents(roomName: $roomName, after: $after) {\n      __typename\n      cursor\n      sessionId\n      roomName\n      at\n      ... on ParticipantJoined {\n        participant {\n          identity\n          name\n          tracks {\n            sid\n            kind\n            source\n          }\n        }\n      }\n      ... on ParticipantLeft {\n        participant {\n          identity\n        }\n      }\n      ... on TrackPublished {\n        participant {\n          identity\n        }\n        track {\n          sid\n          name\n          kind\n          source\n          muted\n        }\n      }\n      ... on TrackUnpublished {\n        participant {\n          identity\n        }\n        track {\n          sid\n          kind\n        }\n      }\n      ... on TrackMuted {\n        participant {\n          identity\n        }\n        track {\n          sid\n          kind\n          muted\n        }\n      }\n      ... on TrackUnmuted {\n        participant {\n          identity\n        }\n        track {\n          sid\n          kind\n          muted\n        }\n      }\n      ... on ActiveSpeakersChanged {\n        identities\n      }\n      ... on ConnectionStateChanged {\n        state\n      }\n      ... on SessionEnded {\n        reason\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MediaStats {\n    mediaStats {\n      openVideoStreams\n      openAudioStreams\n      subscribedTracks\n      videoRenditions\n      runningEncoders\n      videoSubscribers\n      audioSubscribers\n    }\n  }\n"): (typeof documents)["\n  query MediaStats {\n    mediaStats {\n      openVideoStreams\n      openAudioStreams\n      subscribedTracks\n      videoRenditions\n      runningEncoders\n      videoSubscribers\n      audioSubscribers\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FrameChunks($roomName: String!, $participantIdentity: String, $options: VideoFramesOptions) {\n    videoFrames(roomName: $roomName, participantIdentity: $participantIdentity, options: $options) {\n      seq\n      timestampUs\n      width\n      height\n      chunkIndex\n      chunkCount\n      data\n      trackSid\n    }\n  }\n"): (typeof documents)["\n  subscription FrameChunks($roomName: String!, $participantIdentity: String, $options: VideoFramesOptions) {\n    videoFrames(roomName: $roomName, participantIdentity: $participantIdentity, options: $options) {\n      seq\n      timestampUs\n      width\n      height\n      chunkIndex\n      chunkCount\n      data\n      trackSid\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartSyncedSession($roomName: String!, $mode: RecordingMode) {\n    startSession(input: { roomName: $roomName, record: true, recordingMode: $mode }) {\n      id\n      startedAt\n    }\n  }\n"): (typeof documents)["\n  mutation StartSyncedSession($roomName: String!, $mode: RecordingMode) {\n    startSession(input: { roomName: $roomName, record: true, recordingMode: $mode }) {\n      id\n      startedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StopSyncedRecording($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      state\n      files {\n        kind\n        path\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StopSyncedRecording($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      state\n      files {\n        kind\n        path\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndSyncedSession($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation EndSyncedSession($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncedTracks($roomName: String!) {\n    session(roomName: $roomName) {\n      participants {\n        tracks {\n          kind\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SyncedTracks($roomName: String!) {\n    session(roomName: $roomName) {\n      participants {\n        tracks {\n          kind\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SyncedFrames($roomName: String!) {\n    videoFrames(roomName: $roomName, options: { format: I420, maxWidth: 64 }) {\n      seq\n      timestampUs\n      width\n      height\n      chunkIndex\n      chunkCount\n      data\n      trackSid\n    }\n  }\n"): (typeof documents)["\n  subscription SyncedFrames($roomName: String!) {\n    videoFrames(roomName: $roomName, options: { format: I420, maxWidth: 64 }) {\n      seq\n      timestampUs\n      width\n      height\n      chunkIndex\n      chunkCount\n      data\n      trackSid\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SyncedAudio($roomName: String!) {\n    audioFrames(roomName: $roomName, options: { channels: 1, sampleRate: 48000, chunkMs: 20 }) {\n      timestampUs\n      samplesPerChannel\n      data\n    }\n  }\n"): (typeof documents)["\n  subscription SyncedAudio($roomName: String!) {\n    audioFrames(roomName: $roomName, options: { channels: 1, sampleRate: 48000, chunkMs: 20 }) {\n      timestampUs\n      samplesPerChannel\n      data\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Instances {\n    instances {\n      id\n      startedAt\n      lastSeenAt\n      sessions\n      maxSessions\n    }\n  }\n"): (typeof documents)["\n  query Instances {\n    instances {\n      id\n      startedAt\n      lastSeenAt\n      sessions\n      maxSessions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InstancesRecord($roomName: String!) {\n    startRecording(roomName: $roomName) {\n      id\n      state\n      participantIdentity\n    }\n  }\n"): (typeof documents)["\n  mutation InstancesRecord($roomName: String!) {\n    startRecording(roomName: $roomName) {\n      id\n      state\n      participantIdentity\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InstancesStopRecording($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation InstancesStopRecording($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionOwner($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      ownerInstanceId\n    }\n  }\n"): (typeof documents)["\n  query SessionOwner($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      ownerInstanceId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LoadEvents($roomName: String!) {\n    sessionEvents(roomName: $roomName) {\n      __typename\n      at\n      ... on TrackMuted {\n        participant {\n          identity\n        }\n      }\n      ... on TrackUnmuted {\n        participant {\n          identity\n        }\n      }\n      ... on ParticipantJoined {\n        participant {\n          identity\n        }\n      }\n      ... on ParticipantLeft {\n        participant {\n          identity\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription LoadEvents($roomName: String!) {\n    sessionEvents(roomName: $roomName) {\n      __typename\n      at\n      ... on TrackMuted {\n        participant {\n          identity\n        }\n      }\n      ... on TrackUnmuted {\n        participant {\n          identity\n        }\n      }\n      ... on ParticipantJoined {\n        participant {\n          identity\n        }\n      }\n      ... on ParticipantLeft {\n        participant {\n          identity\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LoadFrames($roomName: String!) {\n    videoFrames(roomName: $roomName, options: { format: JPEG, maxWidth: 320, maxFps: 15 }) {\n      seq\n      chunkIndex\n      chunkCount\n    }\n  }\n"): (typeof documents)["\n  subscription LoadFrames($roomName: String!) {\n    videoFrames(roomName: $roomName, options: { format: JPEG, maxWidth: 320, maxFps: 15 }) {\n      seq\n      chunkIndex\n      chunkCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LoadRecord($roomName: String!) {\n    startRecording(roomName: $roomName) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation LoadRecord($roomName: String!) {\n    startRecording(roomName: $roomName) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LoadStopRecord($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      state\n      files {\n        kind\n        durationSec\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LoadStopRecord($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      state\n      files {\n        kind\n        durationSec\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription VideoFrames($roomName: String!, $participantIdentity: String, $trackSid: String, $options: VideoFramesOptions) {\n    videoFrames(roomName: $roomName, participantIdentity: $participantIdentity, trackSid: $trackSid, options: $options) {\n      sessionId\n      participantIdentity\n      trackSid\n      seq\n      timestampUs\n      width\n      height\n      format\n      chunkIndex\n      chunkCount\n      data\n    }\n  }\n"): (typeof documents)["\n  subscription VideoFrames($roomName: String!, $participantIdentity: String, $trackSid: String, $options: VideoFramesOptions) {\n    videoFrames(roomName: $roomName, participantIdentity: $participantIdentity, trackSid: $trackSid, options: $options) {\n      sessionId\n      participantIdentity\n      trackSid\n      seq\n      timestampUs\n      width\n      height\n      format\n      chunkIndex\n      chunkCount\n      data\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AudioFrames($roomName: String!, $participantIdentity: String, $trackSid: String, $options: AudioFramesOptions) {\n    audioFrames(roomName: $roomName, participantIdentity: $participantIdentity, trackSid: $trackSid, options: $options) {\n      participantIdentity\n      trackSid\n      seq\n      timestampUs\n      sampleRate\n      channels\n      samplesPerChannel\n      droppedSamples\n      data\n    }\n  }\n"): (typeof documents)["\n  subscription AudioFrames($roomName: String!, $participantIdentity: String, $trackSid: String, $options: AudioFramesOptions) {\n    audioFrames(roomName: $roomName, participantIdentity: $participantIdentity, trackSid: $trackSid, options: $options) {\n      participantIdentity\n      trackSid\n      seq\n      timestampUs\n      sampleRate\n      channels\n      samplesPerChannel\n      droppedSamples\n      data\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Snapshot($roomName: String!, $participantIdentity: String, $maxWidth: Int, $quality: Int) {\n    snapshot(roomName: $roomName, participantIdentity: $participantIdentity, maxWidth: $maxWidth, quality: $quality) {\n      participantIdentity\n      trackSid\n      width\n      height\n      timestampUs\n      data\n    }\n  }\n"): (typeof documents)["\n  query Snapshot($roomName: String!, $participantIdentity: String, $maxWidth: Int, $quality: Int) {\n    snapshot(roomName: $roomName, participantIdentity: $participantIdentity, maxWidth: $maxWidth, quality: $quality) {\n      participantIdentity\n      trackSid\n      width\n      height\n      timestampUs\n      data\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MemoryFrames($roomName: String!, $options: VideoFramesOptions) {\n    videoFrames(roomName: $roomName, options: $options) {\n      seq\n      chunkIndex\n      chunkCount\n      data\n    }\n  }\n"): (typeof documents)["\n  subscription MemoryFrames($roomName: String!, $options: VideoFramesOptions) {\n    videoFrames(roomName: $roomName, options: $options) {\n      seq\n      chunkIndex\n      chunkCount\n      data\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PassthroughConfig {\n    config {\n      recordingMode\n      passthroughAvailable\n      passthroughUnavailableReason\n    }\n  }\n"): (typeof documents)["\n  query PassthroughConfig {\n    config {\n      recordingMode\n      passthroughAvailable\n      passthroughUnavailableReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PassthroughFields on Recording {\n    id\n    mode\n    state\n    stopReason\n    error\n    pauses {\n      start\n      end\n    }\n    gaps {\n      kind\n      start\n      end\n      reason\n    }\n    files {\n      kind\n      path\n      downloadPath\n      sizeBytes\n      codec\n      durationSec\n      width\n      height\n    }\n  }\n"): (typeof documents)["\n  fragment PassthroughFields on Recording {\n    id\n    mode\n    state\n    stopReason\n    error\n    pauses {\n      start\n      end\n    }\n    gaps {\n      kind\n      start\n      end\n      reason\n    }\n    files {\n      kind\n      path\n      downloadPath\n      sizeBytes\n      codec\n      durationSec\n      width\n      height\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPassthrough($roomName: String!, $mode: RecordingMode) {\n    startSession(input: { roomName: $roomName, record: true, recordingMode: $mode }) {\n      id\n      recordings {\n        ...PassthroughFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartPassthrough($roomName: String!, $mode: RecordingMode) {\n    startSession(input: { roomName: $roomName, record: true, recordingMode: $mode }) {\n      id\n      recordings {\n        ...PassthroughFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordRoom($roomName: String!, $mode: RecordingMode) {\n    startRecording(roomName: $roomName, mode: $mode) {\n      ...PassthroughFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordRoom($roomName: String!, $mode: RecordingMode) {\n    startRecording(roomName: $roomName, mode: $mode) {\n      ...PassthroughFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PausePassthrough($roomName: String!) {\n    pauseRecording(roomName: $roomName) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation PausePassthrough($roomName: String!) {\n    pauseRecording(roomName: $roomName) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumePassthrough($roomName: String!) {\n    resumeRecording(roomName: $roomName) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation ResumePassthrough($roomName: String!) {\n    resumeRecording(roomName: $roomName) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StopPassthrough($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      ...PassthroughFields\n    }\n  }\n"): (typeof documents)["\n  mutation StopPassthrough($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      ...PassthroughFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PassthroughSession($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      recordings {\n        ...PassthroughFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query PassthroughSession($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      recordings {\n        ...PassthroughFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PassthroughCatalog($roomName: String) {\n    recordings(roomName: $roomName, first: 10) {\n      edges {\n        node {\n          participantIdentity\n          ...PassthroughFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PassthroughCatalog($roomName: String) {\n    recordings(roomName: $roomName, first: 10) {\n      edges {\n        node {\n          participantIdentity\n          ...PassthroughFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ControlFields on Recording {\n    id\n    participantIdentity\n    state\n    startedAt\n    endedAt\n    stopReason\n    pauses {\n      start\n      end\n    }\n    gaps {\n      kind\n      start\n      end\n      reason\n    }\n    files {\n      kind\n      path\n      durationSec\n    }\n  }\n"): (typeof documents)["\n  fragment ControlFields on Recording {\n    id\n    participantIdentity\n    state\n    startedAt\n    endedAt\n    stopReason\n    pauses {\n      start\n      end\n    }\n    gaps {\n      kind\n      start\n      end\n      reason\n    }\n    files {\n      kind\n      path\n      durationSec\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ControlStart($roomName: String!) {\n    startSession(input: { roomName: $roomName, record: true }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ControlStart($roomName: String!) {\n    startSession(input: { roomName: $roomName, record: true }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ControlPause($roomName: String!) {\n    pauseRecording(roomName: $roomName) {\n      ...ControlFields\n    }\n  }\n"): (typeof documents)["\n  mutation ControlPause($roomName: String!) {\n    pauseRecording(roomName: $roomName) {\n      ...ControlFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ControlResume($roomName: String!) {\n    resumeRecording(roomName: $roomName) {\n      ...ControlFields\n    }\n  }\n"): (typeof documents)["\n  mutation ControlResume($roomName: String!) {\n    resumeRecording(roomName: $roomName) {\n      ...ControlFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ControlStop($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      ...ControlFields\n    }\n  }\n"): (typeof documents)["\n  mutation ControlStop($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      ...ControlFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ControlEnd($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ControlEnd($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ControlSession($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      state\n      endReason\n      participants {\n        identity\n        recordingConsent\n      }\n      recordings {\n        ...ControlFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ControlSession($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      state\n      endReason\n      participants {\n        identity\n        recordingConsent\n      }\n      recordings {\n        ...ControlFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ControlEvents($roomName: String!) {\n    sessionEvents(roomName: $roomName) {\n      __typename\n      at\n      ... on RecordingPaused {\n        recording {\n          id\n          state\n        }\n      }\n      ... on RecordingResumed {\n        recording {\n          id\n          state\n        }\n      }\n      ... on RecordingConsentChanged {\n        participant {\n          identity\n          recordingConsent\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ControlEvents($roomName: String!) {\n    sessionEvents(roomName: $roomName) {\n      __typename\n      at\n      ... on RecordingPaused {\n        recording {\n          id\n          state\n        }\n      }\n      ... on RecordingResumed {\n        recording {\n          id\n          state\n        }\n      }\n      ... on RecordingConsentChanged {\n        participant {\n          identity\n          recordingConsent\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsentSnapshot($roomName: String!, $participantIdentity: String) {\n    snapshot(roomName: $roomName, participantIdentity: $participantIdentity, maxWidth: 160) {\n      participantIdentity\n      width\n    }\n  }\n"): (typeof documents)["\n  query ConsentSnapshot($roomName: String!, $participantIdentity: String) {\n    snapshot(roomName: $roomName, participantIdentity: $participantIdentity, maxWidth: 160) {\n      participantIdentity\n      width\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ControlRule($input: CreateWatchRuleInput!) {\n    createWatchRule(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ControlRule($input: CreateWatchRuleInput!) {\n    createWatchRule(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ControlDropRule($id: ID!) {\n    deleteWatchRule(id: $id)\n  }\n"): (typeof documents)["\n  mutation ControlDropRule($id: ID!) {\n    deleteWatchRule(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RecordingFields on Recording {\n    id\n    sessionId\n    roomName\n    participantIdentity\n    state\n    startedAt\n    endedAt\n    finalizedAt\n    stopReason\n    error\n    files {\n      kind\n      trackSid\n      source\n      path\n      downloadPath\n      sizeBytes\n      durationSec\n      codec\n      width\n      height\n    }\n    gaps {\n      kind\n      trackSid\n      source\n      start\n      end\n      reason\n    }\n    manifestDownloadPath\n  }\n"): (typeof documents)["\n  fragment RecordingFields on Recording {\n    id\n    sessionId\n    roomName\n    participantIdentity\n    state\n    startedAt\n    endedAt\n    finalizedAt\n    stopReason\n    error\n    files {\n      kind\n      trackSid\n      source\n      path\n      downloadPath\n      sizeBytes\n      durationSec\n      codec\n      width\n      height\n    }\n    gaps {\n      kind\n      trackSid\n      source\n      start\n      end\n      reason\n    }\n    manifestDownloadPath\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartRecordedSession($roomName: String!) {\n    startSession(input: { roomName: $roomName, record: true }) {\n      id\n      recordings {\n        ...RecordingFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartRecordedSession($roomName: String!) {\n    startSession(input: { roomName: $roomName, record: true }) {\n      id\n      recordings {\n        ...RecordingFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPlainSession($roomName: String!) {\n    startSession(input: { roomName: $roomName }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation StartPlainSession($roomName: String!) {\n    startSession(input: { roomName: $roomName }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartRecording($roomName: String!) {\n    startRecording(roomName: $roomName) {\n      ...RecordingFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartRecording($roomName: String!) {\n    startRecording(roomName: $roomName) {\n      ...RecordingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StopRecording($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      ...RecordingFields\n    }\n  }\n"): (typeof documents)["\n  mutation StopRecording($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      ...RecordingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Catalog($roomName: String, $first: Int) {\n    recordings(roomName: $roomName, first: $first) {\n      edges {\n        node {\n          ...RecordingFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Catalog($roomName: String, $first: Int) {\n    recordings(roomName: $roomName, first: $first) {\n      edges {\n        node {\n          ...RecordingFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Recording($id: ID!) {\n    recording(id: $id) {\n      ...RecordingFields\n    }\n  }\n"): (typeof documents)["\n  query Recording($id: ID!) {\n    recording(id: $id) {\n      ...RecordingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRecording($id: ID!) {\n    deleteRecording(id: $id) {\n      id\n      state\n      finalizedAt\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteRecording($id: ID!) {\n    deleteRecording(id: $id) {\n      id\n      state\n      finalizedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RecordingEvents($roomName: String!) {\n    sessionEvents(roomName: $roomName) {\n      __typename\n      ... on RecordingStarted {\n        recording {\n          id\n          participantIdentity\n          state\n        }\n      }\n      ... on RecordingStopped {\n        recording {\n          id\n          participantIdentity\n          state\n        }\n      }\n      ... on RecordingFailed {\n        error\n        recording {\n          id\n          participantIdentity\n          state\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription RecordingEvents($roomName: String!) {\n    sessionEvents(roomName: $roomName) {\n      __typename\n      ... on RecordingStarted {\n        recording {\n          id\n          participantIdentity\n          state\n        }\n      }\n      ... on RecordingStopped {\n        recording {\n          id\n          participantIdentity\n          state\n        }\n      }\n      ... on RecordingFailed {\n        error\n        recording {\n          id\n          participantIdentity\n          state\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ResilientAudio($roomName: String!, $participantIdentity: String, $options: AudioFramesOptions) {\n    audioFrames(roomName: $roomName, participantIdentity: $participantIdentity, options: $options) {\n      seq\n      timestampUs\n      samplesPerChannel\n    }\n  }\n"): (typeof documents)["\n  subscription ResilientAudio($roomName: String!, $participantIdentity: String, $options: AudioFramesOptions) {\n    audioFrames(roomName: $roomName, participantIdentity: $participantIdentity, options: $options) {\n      seq\n      timestampUs\n      samplesPerChannel\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResilientSnapshot($roomName: String!) {\n    snapshot(roomName: $roomName, maxWidth: 160) {\n      width\n      data\n    }\n  }\n"): (typeof documents)["\n  query ResilientSnapshot($roomName: String!) {\n    snapshot(roomName: $roomName, maxWidth: 160) {\n      width\n      data\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResilientStartRecording($roomName: String!) {\n    startRecording(roomName: $roomName) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation ResilientStartRecording($roomName: String!) {\n    startRecording(roomName: $roomName) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResilientStopRecording($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      id\n      state\n      participantIdentity\n      startedAt\n      endedAt\n      files {\n        kind\n        durationSec\n      }\n      gaps {\n        kind\n        trackSid\n        source\n        start\n        end\n        reason\n      }\n      manifestDownloadPath\n    }\n  }\n"): (typeof documents)["\n  mutation ResilientStopRecording($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      id\n      state\n      participantIdentity\n      startedAt\n      endedAt\n      files {\n        kind\n        durationSec\n      }\n      gaps {\n        kind\n        trackSid\n        source\n        start\n        end\n        reason\n      }\n      manifestDownloadPath\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResilientDelete($id: ID!) {\n    deleteRecording(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ResilientDelete($id: ID!) {\n    deleteRecording(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResilientRecordings($roomName: String) {\n    recordings(roomName: $roomName, first: 50) {\n      edges {\n        node {\n          id\n          state\n          files {\n            kind\n            path\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResilientRecordings($roomName: String) {\n    recordings(roomName: $roomName, first: 50) {\n      edges {\n        node {\n          id\n          state\n          files {\n            kind\n            path\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServerRooms {\n    rooms {\n      name\n      numParticipants\n      numPublishers\n      createdAt\n      recording\n      session {\n        id\n        state\n        rule {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServerRooms {\n    rooms {\n      name\n      numParticipants\n      numPublishers\n      createdAt\n      recording\n      session {\n        id\n        state\n        rule {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordServerRoom($roomName: String!) {\n    startSession(input: { roomName: $roomName, record: true }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RecordServerRoom($roomName: String!) {\n    startSession(input: { roomName: $roomName, record: true }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndServerRoom($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation EndServerRoom($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RuleFields on WatchRule {\n    id\n    roomPattern\n    record\n    includeIdentities\n    excludeIdentities\n    sources\n    maxRecordingSec\n    emptyRoomSec\n    enabled\n    createdAt\n  }\n"): (typeof documents)["\n  fragment RuleFields on WatchRule {\n    id\n    roomPattern\n    record\n    includeIdentities\n    excludeIdentities\n    sources\n    maxRecordingSec\n    emptyRoomSec\n    enabled\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRule($input: CreateWatchRuleInput!) {\n    createWatchRule(input: $input) {\n      ...RuleFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRule($input: CreateWatchRuleInput!) {\n    createWatchRule(input: $input) {\n      ...RuleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRule($id: ID!, $input: CreateWatchRuleInput!) {\n    updateWatchRule(id: $id, input: $input) {\n      ...RuleFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateRule($id: ID!, $input: CreateWatchRuleInput!) {\n    updateWatchRule(id: $id, input: $input) {\n      ...RuleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRule($id: ID!) {\n    deleteWatchRule(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteRule($id: ID!) {\n    deleteWatchRule(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Rules {\n    watchRules {\n      ...RuleFields\n    }\n  }\n"): (typeof documents)["\n  query Rules {\n    watchRules {\n      ...RuleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WatchedSession($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      state\n      endReason\n      rule {\n        id\n        roomPattern\n      }\n      recordings {\n        participantIdentity\n        state\n        files {\n          kind\n          source\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WatchedSession($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      state\n      endReason\n      rule {\n        id\n        roomPattern\n      }\n      recordings {\n        participantIdentity\n        state\n        files {\n          kind\n          source\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StoredFields on Recording {\n    id\n    state\n    participantIdentity\n    files {\n      kind\n      path\n      sizeBytes\n      storage\n      storageError\n      objectKey\n      downloadPath\n    }\n    manifestDownloadPath\n  }\n"): (typeof documents)["\n  fragment StoredFields on Recording {\n    id\n    state\n    participantIdentity\n    files {\n      kind\n      path\n      sizeBytes\n      storage\n      storageError\n      objectKey\n      downloadPath\n    }\n    manifestDownloadPath\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorageRecord($roomName: String!) {\n    startSession(input: { roomName: $roomName, record: true }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation StorageRecord($roomName: String!) {\n    startSession(input: { roomName: $roomName, record: true }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorageStop($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      ...StoredFields\n    }\n  }\n"): (typeof documents)["\n  mutation StorageStop($roomName: String!) {\n    stopRecording(roomName: $roomName) {\n      ...StoredFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorageEnd($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation StorageEnd($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorageRecordings($roomName: String!) {\n    recordings(roomName: $roomName, first: 10) {\n      edges {\n        node {\n          ...StoredFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorageRecordings($roomName: String!) {\n    recordings(roomName: $roomName, first: 10) {\n      edges {\n        node {\n          ...StoredFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorageDelete($id: ID!) {\n    deleteRecording(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation StorageDelete($id: ID!) {\n    deleteRecording(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebPageRoomSession($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      state\n      recordings {\n        participantIdentity\n        state\n        pauses {\n          start\n          end\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebPageRoomSession($roomName: String!) {\n    session(roomName: $roomName) {\n      id\n      state\n      recordings {\n        participantIdentity\n        state\n        pauses {\n          start\n          end\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebPageServerRooms {\n    rooms {\n      name\n      recording\n      session {\n        id\n        state\n        rule {\n          roomPattern\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebPageServerRooms {\n    rooms {\n      name\n      recording\n      session {\n        id\n        state\n        rule {\n          roomPattern\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebPageWatchRules {\n    watchRules {\n      id\n      roomPattern\n      enabled\n    }\n  }\n"): (typeof documents)["\n  query WebPageWatchRules {\n    watchRules {\n      id\n      roomPattern\n      enabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebPageStopSession($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation WebPageStopSession($roomName: String!) {\n    stopSession(roomName: $roomName) {\n      id\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;