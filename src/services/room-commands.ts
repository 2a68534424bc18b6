import { randomUUID } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Storage } from '../db/client.js';
import { HavenError, type ErrorCode } from '../errors.js';

/** What an instance can be asked to do with a room. */
export type RoomAction = 'startSession' | 'stopSession' | 'session' | 'startRecording' | 'stopRecording' | 'pauseRecording' | 'resumeRecording';

export type RoomCommandHandler = (action: RoomAction, roomName: string, args: Record<string, unknown>) => Promise<unknown>;

export interface RoomCommandOptions {
  /** How often an instance looks for commands for it (default 100 ms). */
  pollMs?: number;
  /** How long an instance asked has to take a command before it is taken for gone (default 2 s: ten polls of one alone). */
  takeMs?: number;
  /** How long a command taken may run (default 40 s: a join, then a recording's start). */
  runMs?: number;
}

/** The command was not taken in time: the instance asked is gone (the caller may do it itself). */
export class NotTaken extends Error {}

/** Fields of the views that are dates; a result's other strings are left as they are (they may come from a participant). */
const DATE_KEYS = new Set(['startedAt', 'endedAt', 'joinedAt', 'finalizedAt', 'lastSeenAt', 'at', 'start', 'end']);
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;

export function encodeResult(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function decodeResult<T>(text: string): T {
  return JSON.parse(text, (key, value: unknown) => (DATE_KEYS.has(key) && typeof value === 'string' && ISO.test(value) ? new Date(value) : value)) as T;
}

/**
 * Commands between the instances on one database, through it (no address of one another is
 * needed): an instance writes a command for another, which takes it within a poll, runs it and
 * writes back what it returned or the error it threw.
 */
export class RoomCommands {
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private readonly running = new Set<Promise<void>>();
  private readonly pollMs: number;
  private readonly takeMs: number;
  private readonly runMs: number;

  constructor(
    private readonly storage: Storage,
    private readonly instanceId: string,
    private readonly log: Logger,
    options: RoomCommandOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 100;
    this.takeMs = options.takeMs ?? 2_000;
    this.runMs = options.runMs ?? 40_000;
  }

  private get table() {
    return this.storage.tables.roomCommands;
  }

  /** Runs `action` on `instanceId`: what it returned, or the HavenError it threw; NotTaken when it did not take it in time. */
  async send<T>(instanceId: string, roomName: string, action: RoomAction, args: Record<string, unknown> = {}): Promise<T> {
    const { table } = this;
    const id = randomUUID();
    const sentAt = Date.now();
    await this.storage.db.insert(table).values({ id, instanceId, roomName, action, args: JSON.stringify(args), createdAt: new Date(sentAt) });
    try {
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(this.pollMs, 50)));
        const [row] = await this.storage.db.select().from(table).where(eq(table.id, id));
        if (row?.doneAt) {
          if (!row.failed) return decodeResult<T>(row.result ?? 'null');
          const error = decodeResult<{ code: ErrorCode; message: string; details?: Record<string, unknown> }>(row.result ?? '{}');
          throw new HavenError(error.code, error.message, error.details);
        }
        if (!row?.takenAt && Date.now() - sentAt > this.takeMs) {
          // Withdrawn unless it was taken meanwhile.
          const withdrawn = await this.storage.db.delete(table).where(and(eq(table.id, id), isNull(table.takenAt))).returning({ id: table.id });
          if (withdrawn.length > 0) throw new NotTaken(`instance ${instanceId} did not take the command`);
        }
        if (Date.now() - sentAt > this.takeMs + this.runMs) {
          throw new HavenError('INSTANCE_UNAVAILABLE', `The instance that owns room ${JSON.stringify(roomName)} (${instanceId}) did not answer in time; try again`, { instanceId });
        }
      }
    } finally {
      await this.storage.db.delete(table).where(eq(table.id, id)).catch(() => undefined);
    }
  }

  /**
   * Takes the commands for this instance and runs them with `handle`, from now on: every poll while
   * `shared()` says other instances run, every tenth while alone (one just started may send one).
   */
  start(handle: RoomCommandHandler, shared: () => boolean = () => true): void {
    let tick = 0;
    this.timer ??= setInterval(() => (shared() || tick++ % 10 === 0) && void this.poll(handle), this.pollMs).unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.all([...this.running]);
  }

  private async poll(handle: RoomCommandHandler): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    const { table } = this;
    try {
      const now = new Date();
      // A read first: most polls find nothing, and a read works on a database that refuses writes.
      const waiting = await this.storage.db
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.instanceId, this.instanceId), isNull(table.takenAt)))
        .limit(1);
      if (waiting.length === 0) return;
      const taken = await this.storage.db
        .update(table)
        .set({ takenAt: now })
        .where(and(eq(table.instanceId, this.instanceId), isNull(table.takenAt)))
        .returning();
      for (const command of taken) {
        const run = this.run(command, handle).finally(() => this.running.delete(run));
        this.running.add(run);
      }
      // Commands whose sender is gone (it removes its own once answered) are removed after a while.
      await this.storage.db.delete(table).where(and(eq(table.instanceId, this.instanceId), lt(table.createdAt, new Date(now.getTime() - 3600_000))));
    } catch (error) {
      this.log.warn({ err: error }, 'could not look for commands from the other instances');
    } finally {
      this.polling = false;
    }
  }

  private async run(command: typeof this.table.$inferSelect, handle: RoomCommandHandler): Promise<void> {
    const { table } = this;
    let result: string;
    let failed = false;
    try {
      result = encodeResult(await handle(command.action as RoomAction, command.roomName, JSON.parse(command.args) as Record<string, unknown>));
    } catch (error) {
      failed = true;
      const known = error instanceof HavenError ? error : new HavenError('INSTANCE_UNAVAILABLE', 'the instance that owns the room failed to do it (its log says why)');
      if (!(error instanceof HavenError)) this.log.error({ err: error, action: command.action, roomName: command.roomName }, 'a command from another instance failed');
      result = encodeResult({ code: known.code, message: known.message, details: known.details });
    }
    await this.storage.db
      .update(table)
      .set({ doneAt: new Date(), result, failed })
      .where(eq(table.id, command.id))
      .catch((error) => this.log.warn({ err: error }, 'could not answer a command from another instance'));
  }
}
