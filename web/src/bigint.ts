/**
 * BigInt fields (timestampUs) arrive as decimal strings so that they stay exact beyond 2^53.
 * Microseconds of a session clock fit a double exactly for 285 years, so milliseconds as a number
 * are safe for drawing and scheduling.
 */
export function bigIntToBigint(value: string): bigint {
  return BigInt(value);
}

/** Microseconds (a BigInt string) as milliseconds. */
export function microsToMillis(value: string): number {
  return Number(BigInt(value)) / 1000;
}
