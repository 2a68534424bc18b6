import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { RoomWebhook } from '../livekit-webhooks.js';
import type { Reconciler } from './reconciler.js';

/** LiveKit events that mean a room is live, and so may be one a rule watches. */
const ROOM_ACTIVE = new Set(['room_started', 'participant_joined', 'track_published']);

/**
 * Reacts to LiveKit's webhooks at once, between the reconciler's passes: a room a rule matches is
 * watched (and recorded) as it starts, and its session ends when it finishes. An event id seen
 * before is ignored (LiveKit retries, and a replay must not act twice).
 */
export class RoomWebhooks {
  private readonly seen = new LRUCache<string, true>({ max: 10_000 });

  constructor(
    private readonly reconciler: Reconciler,
    private readonly log: Logger,
  ) {}

  /** Whether the event was taken (false: seen before). Its effect runs in the background. */
  handle(webhook: RoomWebhook): boolean {
    if (this.seen.has(webhook.id)) return false;
    this.seen.set(webhook.id, true);
    const roomName = webhook.roomName;
    if (!roomName) return true;
    const done = ROOM_ACTIVE.has(webhook.event)
      ? this.reconciler.roomActive(roomName)
      : webhook.event === 'room_finished'
        ? this.reconciler.roomFinished(roomName)
        : Promise.resolve();
    void done.catch((error) => this.log.warn({ err: error, event: webhook.event }, 'a LiveKit webhook could not be acted on'));
    return true;
  }
}
