import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { RecordingService } from './recordings.js';
import type { RoomDirectory } from './rooms.js';
import type { SessionService } from './sessions.js';
import type { WatchRuleService } from './watch-rule-service.js';
import { planFor, type RoomPlan, type WatchRule } from './watch-rules.js';

export interface ReconcilerOptions {
  /** Seconds between two looks at the server's rooms (default 10; HAVEN_RECONCILE_SEC). */
  intervalSec?: number;
}

/**
 * Makes what the watch rules say true on the LiveKit server: every so often it lists the rooms,
 * starts a session (and its recording, of the rule's participants and sources) in each room a rule
 * matches, and ends the sessions it started whose room is gone or stayed empty for the rule's time.
 * Sessions started by hand are left to whoever started them.
 */
export class Reconciler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** Rooms whose session a rule started, with when they were last seen with a participant (ms). */
  private readonly started = new Map<string, { lastOccupiedMs: number }>();
  /**
   * Rooms whose session ended because they stayed empty, with when (ms): LiveKit keeps an empty room
   * a while, and its listing may still count haven-live's own viewer. Not watched again until
   * someone publishes in it (or a webhook says someone joined).
   */
  private readonly leftEmpty = new Map<string, number>();
  private readonly intervalMs: number;
  private readonly applying = new Map<string, Promise<void>>();
  /** The rule that started each session a rule started (the newest thousand). */
  private readonly ruleBySession = new LRUCache<string, string>({ max: 1_000 });
  private stopListening: (() => void) | undefined;
  private again: Promise<void> | undefined;

  constructor(
    private readonly rooms: RoomDirectory,
    private readonly rules: WatchRuleService,
    private readonly sessions: SessionService,
    private readonly recordings: RecordingService,
    private readonly log: Logger,
    options: ReconcilerOptions = {},
  ) {
    this.intervalMs = (options.intervalSec ?? 10) * 1000;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.reconcile(), this.intervalMs);
    this.timer.unref();
    // A rule created or changed applies at once to the rooms that already exist.
    this.stopListening ??= this.rules.onChange(() => this.reconcileSoon());
    void this.reconcile();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.stopListening?.();
    this.stopListening = undefined;
    await this.running;
  }

  /** A pass after the one running now (a change it did not see). */
  private reconcileSoon(): void {
    if (this.again) return;
    this.again = (this.running ?? Promise.resolve()).then(() => {
      this.again = undefined;
      return this.reconcile();
    });
  }

  /** One pass; a pass still running is waited for instead of started twice. */
  reconcile(): Promise<void> {
    this.running ??= this.pass()
      .catch((error) => this.log.warn({ err: error }, 'reconciling the watch rules failed'))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<void> {
    const rules = this.rules.list();
    if (!rules.some((rule) => rule.enabled) && this.started.size === 0) return;
    const rooms = await this.rooms.serverRooms();
    const live = new Set(rooms.map((room) => room.name));
    const now = Date.now();
    for (const roomName of this.leftEmpty.keys()) if (!live.has(roomName)) this.leftEmpty.delete(roomName);
    for (const room of rooms) {
      const plan = planFor(room.name, rules);
      if (!plan || !(await this.worthWatching(room.name, room.numPublishers))) continue;
      await this.apply(room.name, plan).catch((error) => this.log.warn({ err: error, roomName: room.name }, 'a watch rule could not start its room'));
    }
    for (const [roomName, state] of this.started) {
      const session = this.sessions.find(roomName);
      if (!session || session.state === 'ENDED' || session.state === 'FAILED') {
        this.started.delete(roomName);
        continue;
      }
      const plan = planFor(roomName, rules);
      const occupied = session.participants.length > 0;
      if (occupied) state.lastOccupiedMs = now;
      const emptyMs = (plan?.emptyRoomSec ?? 30) * 1000;
      // emptyRoomSec 0 ends a session as soon as its room is seen empty, never while someone is in it.
      const reason = !live.has(roomName) ? 'ROOM_FINISHED' : !occupied && now - state.lastOccupiedMs >= emptyMs ? 'EMPTY_ROOM' : undefined;
      if (!reason) continue;
      this.started.delete(roomName);
      if (reason === 'EMPTY_ROOM') this.leftEmpty.set(roomName, Date.now());
      this.log.info({ roomName, reason }, 'ending a session its watch rule started');
      await this.sessions.stop(roomName, reason).catch((error) => this.log.warn({ err: error, roomName }, 'ending a watched session failed'));
    }
  }

  /**
   * Whether a room a rule matches is to be watched now: not one that was left because it stayed
   * empty, until someone publishes in it. LiveKit updates a room's listing every 5 s (and
   * RoomDirectory keeps one for 2 s), so a listing may still count the publishers who left: the
   * room's participants, asked of the server, say whether anyone publishes now.
   */
  private async worthWatching(roomName: string, numPublishers: number): Promise<boolean> {
    if (!this.leftEmpty.has(roomName)) return true;
    if (numPublishers === 0) return false;
    const publishing = await this.rooms.publishers(roomName).catch((error) => {
      this.log.warn({ err: error, roomName }, "listing a room's participants failed");
      return 0;
    });
    if (publishing === 0) return false;
    this.leftEmpty.delete(roomName);
    return true;
  }

  /** The rule that started a session, while it exists; undefined for a session started by hand. */
  ruleOf(sessionId: string): WatchRule | undefined {
    const id = this.ruleBySession.get(sessionId);
    return id === undefined ? undefined : this.rules.get(id);
  }

  /** A room is live (a webhook said someone joined or published): watch it now if a rule matches it. */
  async roomActive(roomName: string): Promise<void> {
    const plan = planFor(roomName, this.rules.list());
    if (!plan) return;
    this.leftEmpty.delete(roomName);
    await this.apply(roomName, plan);
  }

  /** A room finished (a webhook said so): end the session a rule started there. */
  async roomFinished(roomName: string): Promise<void> {
    this.leftEmpty.delete(roomName);
    if (!this.started.delete(roomName)) return;
    const session = this.sessions.find(roomName);
    if (!session || session.state === 'ENDED' || session.state === 'FAILED') return;
    this.log.info({ roomName, reason: 'ROOM_FINISHED' }, 'ending a session its watch rule started');
    await this.sessions.stop(roomName, 'ROOM_FINISHED');
  }

  /** Starts what the plan asks for in a room, one call per room at a time (webhooks come in bursts). */
  private apply(roomName: string, plan: RoomPlan): Promise<void> {
    const previous = this.applying.get(roomName) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.applyNow(roomName, plan));
    this.applying.set(roomName, next);
    void next.finally(() => this.applying.get(roomName) === next && this.applying.delete(roomName)).catch(() => undefined);
    return next;
  }

  private async applyNow(roomName: string, plan: RoomPlan): Promise<void> {
    let session = this.sessions.find(roomName);
    if (!session || session.state === 'ENDED' || session.state === 'FAILED') {
      this.log.info({ roomName, rule: plan.rule.id }, 'a watch rule starts a session');
      session = await this.sessions.start(roomName);
      // Another instance on the database owns the room: its own rules watch and record it.
      if (session.ownerInstanceId !== this.sessions.instances.id) return;
      this.started.set(roomName, { lastOccupiedMs: Date.now() });
      this.ruleBySession.set(session.id, plan.rule.id);
    }
    if (plan.record && this.started.has(roomName) && !this.recordings.isRecording(session.id)) {
      await this.recordings.start(roomName, {
        filter: (identity, source) => plan.records(identity) && source !== 'UNKNOWN' && plan.sources.has(source),
        maxRecordingSec: plan.maxRecordingSec,
      });
    }
  }
}
