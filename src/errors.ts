/** Codes of the failures a client is expected to handle; they reach GraphQL as `extensions.code`. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_CONFIGURED'
  | 'ROOM_CONNECT_FAILED'
  | 'SESSION_NOT_FOUND'
  | 'TRACK_NOT_FOUND'
  | 'NO_VIDEO'
  | 'RECORDING_FAILED'
  | 'RECORDING_NOT_FOUND';

/** An expected failure with a message a person can act on. Never carries a secret. */
export class HavenError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HavenError';
  }
}

export function validationFailed(field: string, message: string): HavenError {
  return new HavenError('VALIDATION_FAILED', `${field}: ${message}`, { field });
}
