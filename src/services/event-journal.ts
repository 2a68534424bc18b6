import { Repeater } from '@repeaterjs/repeater';
import type { Logger } from 'pino';
import { Broadcast } from '../broadcast.js';
import type { Storage } from '../db/client.js';
import type { SessionEvent, SessionEventSource } from './events.js';
import { EventStore, type JournaledEvent } from './event-store.js';

export interface EventJournalOptions {
  /** How long events are kept for a resume (default 24 h). */
  retentionMs?: number;
  /** How often the events of the other instances on the database are read besides when they say so (default 500 ms). */
  pullMs?: number;
}

/** The instances whose events this one reads for its subscribers. */
export interface EventSources {
  readonly id: string;
  /** The other instances running on the database. */
  others(): Promise<string[]>;
}

/** Events read from the journal at a time while a resumed subscription catches up. */
const PAGE = 500;
const PRUNE_EVERY_MS = 10 * 60_000;
/** The PostgreSQL channel an instance notifies when it stored session events. */
const EVENTS_CHANNEL = 'haven_events';

/**
 * The session events, stored in order as they happen and handed to subscribers with a cursor: a
 * subscriber that comes back with `after` gets what it missed, then what happens, none twice.
 * An event the database refuses (a full disk) still reaches the subscribers, with the cursor of
 * the last stored event: a resume from it does not replay it. The events of rooms that other
 * instances on the database own are read from it as they come (each instance stores its own in
 * order), so a subscriber of any instance gets every room's events.
 */
export class EventJournal {
  private readonly stream: Broadcast<JournaledEvent & { stored: boolean }>;
  private readonly store: EventStore;
  private readonly queue: SessionEvent[] = [];
  private writing = false;
  private refused = false;
  private lastSeq = 0;
  private pruneTimer: NodeJS.Timeout | undefined;
  private pullTimer: NodeJS.Timeout | undefined;
  private pulling = false;
  /** A notice came while a read ran: read again after it. */
  private pullAgain = false;
  private stopNotices: (() => void) | undefined;
  /** The last event read of each other instance; those of an instance not seen yet, after `startSeq`. */
  private readonly pulled = new Map<string, number>();
  private startSeq = 0;
  private stopListening: (() => void) | undefined;

  constructor(
    private readonly storage: Storage,
    private readonly sources: EventSources,
    private readonly log: Logger,
    private readonly options: EventJournalOptions = {},
  ) {
    this.store = new EventStore(storage);
    this.stream = new Broadcast((error, event) => log.error({ err: error, roomName: event.roomName, event: event.type }, 'a session event subscriber failed'));
  }

  /** Subscriptions open now. */
  get subscriberCount(): number {
    return this.stream.subscriberCount;
  }

  /** Stores every event of `bus` from now on, reads the other instances' events, and removes old ones now and then. */
  async start(bus: SessionEventSource): Promise<void> {
    this.startSeq = await this.store.last();
    this.pullTimer ??= setInterval(() => void this.pull(), this.options.pullMs ?? 500).unref();
    // PostgreSQL: another instance says when it stored events (NOTIFY), so they are read at once.
    this.stopNotices ??= this.storage.listen(EVENTS_CHANNEL, () => void this.pull());
    this.stopListening ??= bus.listen((event) => {
      this.queue.push(event);
      void this.write();
    });
    const prune = () =>
      this.store.prune(new Date(Date.now() - (this.options.retentionMs ?? 24 * 3600_000))).catch((error) => this.log.warn({ err: error }, 'removing old session events failed'));
    void prune();
    this.pruneTimer ??= setInterval(prune, PRUNE_EVERY_MS).unref();
  }

  /** Waits for what is queued to be written (on shutdown), and stops. */
  async stop(): Promise<void> {
    this.stopListening?.();
    this.stopNotices?.();
    clearInterval(this.pruneTimer);
    clearInterval(this.pullTimer);
    while (this.writing || this.queue.length > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  private async write(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, PAGE);
      let seqs: number[] | undefined;
      try {
        seqs = await this.store.append(batch, this.sources.id);
        void this.storage.notify(EVENTS_CHANNEL).catch(() => undefined);
        if (this.refused) this.log.info('session events are stored again');
        this.refused = false;
      } catch (error) {
        if (!this.refused) this.log.error({ err: error }, 'could not store session events; subscribers still get them, but cannot resume past them');
        this.refused = true;
      }
      batch.forEach((event, i) => {
        if (seqs) this.lastSeq = seqs[i];
        this.stream.publish({ ...event, cursor: String(this.lastSeq), stored: seqs !== undefined });
      });
    }
    this.writing = false;
  }

  /** Hands the subscribers what the other instances stored since the last look. */
  private async pull(): Promise<void> {
    if (this.pulling) {
      this.pullAgain = true;
      return;
    }
    this.pulling = true;
    this.pullAgain = false;
    try {
      for (const instanceId of await this.sources.others()) {
        for (let page = PAGE; page === PAGE; ) {
          const events = await this.store.ofInstance(instanceId, this.pulled.get(instanceId) ?? this.startSeq, PAGE);
          for (const event of events) {
            this.pulled.set(instanceId, Number(event.cursor));
            this.stream.publish({ ...event, stored: true });
          }
          page = events.length;
        }
      }
    } catch (error) {
      this.log.warn({ err: error }, 'could not read the session events of the other instances');
    } finally {
      this.pulling = false;
    }
    if (this.pullAgain) void this.pull();
  }

  /**
   * A room's events as they happen; with `after` (a cursor), first those stored after it. A
   * subscriber that stops reading falls at most `capacity` events behind, then loses its oldest.
   */
  subscribe(roomName: string, after: number | undefined, capacity: number): AsyncIterableIterator<JournaledEvent> {
    return new Repeater<JournaledEvent>(async (push, stop) => {
      let stopped = false;
      let wake = () => undefined as void;
      void stop.then(() => {
        stopped = true;
        wake();
      });
      const live: (JournaledEvent & { stored: boolean })[] = [];
      const remove = this.stream.listen((event) => {
        if (event.roomName !== roomName) return;
        live.push(event);
        if (live.length > capacity) live.shift();
        wake();
      });
      try {
        // Stored events after the cursor first; live ones that came meanwhile follow, those already sent left out.
        let sent = after ?? 0;
        if (after !== undefined) {
          for (let page = PAGE; page === PAGE && !stopped; ) {
            const events = await this.store.after(roomName, sent, PAGE);
            for (const event of events) {
              if (stopped) break;
              await push(event);
              sent = Number(event.cursor);
            }
            page = events.length;
          }
        }
        while (!stopped) {
          const event = live.shift();
          if (!event) {
            await new Promise<void>((resolve) => (wake = resolve));
            continue;
          }
          if (event.stored && Number(event.cursor) <= sent) continue;
          const { stored: _stored, ...journaled } = event;
          await push(journaled);
        }
      } finally {
        remove();
      }
    });
  }
}
