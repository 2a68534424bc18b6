import { graphql } from '../gql/index.js';

export const SessionFields = graphql(`
  fragment SessionFields on LiveSession {
    id
    roomName
    state
    startedAt
    endedAt
    endReason
    endMessage
    ownerInstanceId
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
`);

export const StartSession = graphql(`
  mutation StartSession($roomName: String!) {
    startSession(input: { roomName: $roomName }) {
      ...SessionFields
    }
  }
`);

export const StopSession = graphql(`
  mutation StopSession($roomName: String!) {
    stopSession(roomName: $roomName) {
      ...SessionFields
    }
  }
`);

export const SessionQuery = graphql(`
  query Session($roomName: String!) {
    session(roomName: $roomName) {
      ...SessionFields
    }
    activeSessions {
      id
      roomName
    }
  }
`);

export const History = graphql(`
  query History($first: Int, $after: String) {
    sessions(first: $first, after: $after) {
      edges {
        cursor
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
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SetLiveKit = graphql(`
  mutation SetLiveKit($input: UpdateConfigInput!) {
    updateConfig(input: $input) {
      livekitUrl
      hasLivekitApiSecret
    }
  }
`);

export const SessionEvents = graphql(`
  subscription SessionEvents($roomName: String!, $after: String) {
    sessionEvents(roomName: $roomName, after: $after) {
      __typename
      cursor
      sessionId
      roomName
      at
      ... on ParticipantJoined {
        participant {
          identity
          name
          tracks {
            sid
            kind
            source
          }
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
          name
          kind
          source
          muted
        }
      }
      ... on TrackUnpublished {
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
          muted
        }
      }
      ... on TrackUnmuted {
        participant {
          identity
        }
        track {
          sid
          kind
          muted
        }
      }
      ... on ActiveSpeakersChanged {
        identities
      }
      ... on ConnectionStateChanged {
        state
      }
      ... on SessionEnded {
        reason
        message
      }
    }
  }
`);

/** What the media pipeline holds open: back to zero once every user is gone. */
export const MediaStatsQuery = graphql(`
  query MediaStats {
    mediaStats {
      openVideoStreams
      openAudioStreams
      subscribedTracks
      videoRenditions
      runningEncoders
      videoSubscribers
      audioSubscribers
    }
  }
`);

/** Video frames as chunks, of a room or one participant, in any format. */
export const FrameChunks = graphql(`
  subscription FrameChunks($roomName: String!, $participantIdentity: String, $options: VideoFramesOptions) {
    videoFrames(roomName: $roomName, participantIdentity: $participantIdentity, options: $options) {
      seq
      timestampUs
      width
      height
      chunkIndex
      chunkCount
      data
      trackSid
    }
  }
`);
