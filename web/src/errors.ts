import type { CombinedError } from 'urql';

/** What to tell a person for each `extensions.code` the API sends (see the README's error codes). */
const MESSAGES: Record<string, string> = {
  VALIDATION_FAILED: 'A value was not accepted',
  NOT_CONFIGURED: 'haven-live is not set up for LiveKit yet: set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET (or call updateConfig)',
  ROOM_CONNECT_FAILED: 'Could not join the room: check that the LiveKit server is up and the keys are right',
  SESSION_NOT_FOUND: 'There is no active session for this room: start one first',
  TRACK_NOT_FOUND: 'That participant has no such track (any more)',
  NO_VIDEO: 'No video has arrived from this participant yet',
  RECORDING_FAILED: 'The recording failed',
  RECORDING_NOT_FOUND: 'That recording does not exist (any more)',
  RULE_NOT_FOUND: 'That watch rule does not exist (any more)',
  LIVEKIT_UNAVAILABLE: 'The LiveKit server could not be asked: check that it is up and the keys are right',
  ENCODER_FAILED: 'The video encoder failed for this stream',
  SESSION_ENDED: 'The session has ended',
  STORAGE_FAILED: 'The server could not save to its disk: check its free space',
  LIMIT_EXCEEDED: 'The server refused a request that was over one of its limits',
  UNAUTHENTICATED: 'The server needs its API token',
  HOST_NOT_ALLOWED: 'This host name is not served by haven-live: add it to HAVEN_ALLOWED_HOSTS',
  ORIGIN_NOT_ALLOWED: 'Requests from this page are refused: add its origin to HAVEN_ALLOWED_ORIGINS',
  BAD_USER_INPUT: 'A value was not accepted',
  GRAPHQL_PARSE_FAILED: 'The page sent a request the server could not read',
  GRAPHQL_VALIDATION_FAILED: 'The page and the server disagree on the schema: rebuild the page with npm run build:web',
  NETWORK: 'haven-live cannot be reached; retrying',
};

export interface ShownError {
  code: string;
  message: string;
}

/** A code and a readable message for an urql error (the server's own text added where it helps). */
export function describeError(error: CombinedError): ShownError {
  const graphQLError = error.graphQLErrors[0];
  const status = (error.response as Response | undefined)?.status;
  const code =
    (typeof graphQLError?.extensions?.code === 'string' ? graphQLError.extensions.code : undefined) ??
    (status === 401 ? 'UNAUTHENTICATED' : error.networkError ? 'NETWORK' : 'UNKNOWN');
  return describeCode(code, graphQLError?.message);
}

export function describeCode(code: string, detail?: string): ShownError {
  const known = MESSAGES[code];
  if (!known) return { code, message: detail ?? 'Something went wrong' };
  // Validation messages name the field; the others carry the server's specifics.
  return { code, message: detail && detail !== known ? `${known} (${detail})` : known };
}

export function isUnauthorized(error: CombinedError): boolean {
  return (
    (error.response as Response | undefined)?.status === 401 ||
    error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
  );
}
