import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';

const require = createRequire(import.meta.url);

/**
 * Gives @livekit/rtc-node's own logger a level. It logs through a pino logger of its own (named
 * "lk-rtc") at debug unless NODE_ENV=production, reads no other setting and does not export it;
 * its module is a CommonJS file, shared through require's cache with the rest of rtc-node.
 * Returns false when this rtc-node has no such module (the level is then left as it was).
 */
export function setRtcNodeLogLevel(level: string): boolean {
  try {
    const { log } = require(join(dirname(require.resolve('@livekit/rtc-node')), 'log.cjs')) as { log?: Logger };
    if (!log || typeof log.level !== 'string') return false;
    log.level = level;
    return true;
  } catch {
    return false;
  }
}
