/** Codes of the failures a client is expected to handle; they reach GraphQL as `extensions.code`. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_CONFIGURED'
  | 'ROOM_CONNECT_FAILED'
  | 'SESSION_NOT_FOUND'
  | 'TRACK_NOT_FOUND'
  | 'NO_VIDEO'
  | 'RECORDING_FAILED'
  | 'RECORDING_NOT_FOUND'
  | 'RULE_NOT_FOUND'
  | 'LIVEKIT_UNAVAILABLE'
  | 'ENCODER_FAILED'
  | 'SESSION_ENDED'
  | 'STORAGE_FAILED'
  | 'LIMIT_EXCEEDED'
  | 'INSTANCE_UNAVAILABLE';

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

/** STORAGE_FAILED for a database write that failed (a full disk, a read-only file): nothing was changed. */
export function storageFailed(what: string, error: unknown): HavenError {
  const code = (error as { code?: unknown })?.code;
  const reason = typeof code === 'string' ? code : 'write failed';
  return new HavenError('STORAGE_FAILED', `Could not save ${what} (${reason}): check the free space and permissions of the database folder`, {
    reason,
  });
}
