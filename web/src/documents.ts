import { graphql } from './gql';

export const SessionsQuery = graphql(`
  query LiveViewSessions {
    activeSessions {
      id
      roomName
      state
      startedAt
      recordings {
        id
        state
      }
    }
    sessions(first: 20) {
      edges {
        node {
          id
          roomName
          state
          startedAt
          endedAt
          endReason
          endMessage
        }
      }
    }
  }
`);

export const RoomQuery = graphql(`
  query LiveViewRoom($roomName: String!) {
    session(roomName: $roomName) {
      id
      roomName
      state
      participants {
        identity
        name
        sid
        joinedAt
        tracks {
          sid
          name
          kind
          source
          muted
          width
          height
        }
      }
    }
  }
`);

export const RecordingsQuery = graphql(`
  query LiveViewRecordings($roomName: String) {
    recordings(roomName: $roomName, first: 20) {
      edges {
        node {
          id
          roomName
          participantIdentity
          mode
          state
          startedAt
          endedAt
          finalizedAt
          stopReason
          error
          pauses {
            start
            end
          }
          gaps {
            start
            end
            kind
            reason
            source
            trackSid
          }
          files {
            kind
            source
            codec
            width
            height
            durationSec
            sizeBytes
            downloadPath
            signedDownloadPath
            storage
            storageError
          }
        }
      }
    }
  }
`);

export const StartSessionMutation = graphql(`
  mutation LiveViewStartSession($input: StartSessionInput!) {
    startSession(input: $input) {
      id
      roomName
      state
    }
  }
`);

export const StopSessionMutation = graphql(`
  mutation LiveViewStopSession($roomName: String!) {
    stopSession(roomName: $roomName) {
      id
      roomName
      state
    }
  }
`);

export const StartRecordingMutation = graphql(`
  mutation LiveViewStartRecording($roomName: String!) {
    startRecording(roomName: $roomName) {
      id
      state
    }
  }
`);

export const StopRecordingMutation = graphql(`
  mutation LiveViewStopRecording($roomName: String!) {
    stopRecording(roomName: $roomName) {
      id
      state
    }
  }
`);

export const PauseRecordingMutation = graphql(`
  mutation LiveViewPauseRecording($roomName: String!) {
    pauseRecording(roomName: $roomName) {
      id
      state
    }
  }
`);

export const ResumeRecordingMutation = graphql(`
  mutation LiveViewResumeRecording($roomName: String!) {
    resumeRecording(roomName: $roomName) {
      id
      state
    }
  }
`);

export const ServerRoomsQuery = graphql(`
  query LiveViewServerRooms {
    rooms {
      name
      numParticipants
      numPublishers
      createdAt
      recording
      session {
        id
        state
        rule {
          id
          roomPattern
        }
      }
    }
  }
`);

export const WatchRuleFields = graphql(`
  fragment LiveViewWatchRule on WatchRule {
    id
    roomPattern
    record
    includeIdentities
    excludeIdentities
    sources
    maxRecordingSec
    emptyRoomSec
    enabled
  }
`);

export const WatchRulesQuery = graphql(`
  query LiveViewWatchRules {
    watchRules {
      ...LiveViewWatchRule
    }
  }
`);

export const CreateWatchRuleMutation = graphql(`
  mutation LiveViewCreateWatchRule($input: CreateWatchRuleInput!) {
    createWatchRule(input: $input) {
      ...LiveViewWatchRule
    }
  }
`);

export const UpdateWatchRuleMutation = graphql(`
  mutation LiveViewUpdateWatchRule($id: ID!, $input: CreateWatchRuleInput!) {
    updateWatchRule(id: $id, input: $input) {
      ...LiveViewWatchRule
    }
  }
`);

export const DeleteWatchRuleMutation = graphql(`
  mutation LiveViewDeleteWatchRule($id: ID!) {
    deleteWatchRule(id: $id)
  }
`);

export const SessionEventsSubscription = graphql(`
  subscription LiveViewSessionEvents($roomName: String!) {
    sessionEvents(roomName: $roomName) {
      __typename
      at
      sessionId
      ... on ParticipantJoined {
        participant {
          identity
        }
      }
      ... on ParticipantLeft {
        participant {
          identity
        }
      }
      ... on TrackPublished {
        participant {
          identity
        }
        track {
          sid
          kind
          source
        }
      }
      ... on TrackUnpublished {
        participant {
          identity
        }
        track {
          sid
          kind
          source
        }
      }
      ... on TrackSubscribed {
        participant {
          identity
        }
        track {
          sid
          kind
          source
        }
      }
      ... on TrackUnsubscribed {
        participant {
          identity
        }
        track {
          sid
          kind
        }
      }
      ... on TrackMuted {
        participant {
          identity
        }
        track {
          sid
          kind
        }
      }
      ... on TrackUnmuted {
        participant {
          identity
        }
        track {
          sid
          kind
        }
      }
      ... on ConnectionStateChanged {
        state
      }
      ... on ActiveSpeakersChanged {
        identities
      }
      ... on RecordingStarted {
        recording {
          id
          participantIdentity
        }
      }
      ... on RecordingStopped {
        recording {
          id
          participantIdentity
        }
      }
      ... on RecordingPaused {
        recording {
          id
          participantIdentity
        }
      }
      ... on RecordingResumed {
        recording {
          id
          participantIdentity
        }
      }
      ... on RecordingFailed {
        error
        recording {
          id
          participantIdentity
        }
      }
      ... on SessionEnded {
        reason
        message
      }
    }
  }
`);

export const VideoFramesSubscription = graphql(`
  subscription LiveViewVideoFrames($roomName: String!, $participantIdentity: String, $options: VideoFramesOptions) {
    videoFrames(roomName: $roomName, participantIdentity: $participantIdentity, options: $options) {
      trackSid
      seq
      timestampUs
      width
      height
      chunkIndex
      chunkCount
      data
    }
  }
`);

export const AudioFramesSubscription = graphql(`
  subscription LiveViewAudioFrames($roomName: String!, $participantIdentity: String, $options: AudioFramesOptions) {
    audioFrames(roomName: $roomName, participantIdentity: $participantIdentity, options: $options) {
      trackSid
      seq
      timestampUs
      sampleRate
      channels
      samplesPerChannel
      data
    }
  }
`);
