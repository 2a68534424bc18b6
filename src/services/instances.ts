import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Storage } from '../db/client.js';
import { LeaseStore, type Lease } from './lease-store.js';

export interface InstanceOptions {
  /** HAVEN_INSTANCE_ID (default random). */
  id?: string;
  /** HAVEN_LEASE_SEC: how long a room's lease lasts without renewal (renewed every third of it). */
  leaseSec?: number;
  maxSessions: number;
}

export interface InstanceView {
  id: string;
  startedAt: Date;
  lastSeenAt: Date;
  sessions: number;
  maxSessions: number;
}

/** What the sessions are told when an instance took a room of theirs (or its lease ran out unrenewed). */
export type LeaseLost = (roomName: string, token: number) => void;

/**
 * This instance among the others on the same database: it announces itself, and owns each room's
 * session through a lease that it renews. A lease another instance took since (a higher token)
 * is lost; on PostgreSQL, so is one that could not be renewed before it ran out (another instance
 * may take it then).
 */
export class InstanceService {
  readonly id: string;
  readonly leaseMs: number;
  private readonly store: LeaseStore;
  private readonly startedAt = new Date();
  /** Leases held, by room: their token and until when they were last renewed. */
  private readonly held = new Map<string, { token: number; until: number }>();
  private timer: NodeJS.Timeout | undefined;
  private onLost: LeaseLost = () => undefined;
  private othersSeen = false;

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly options: InstanceOptions,
  ) {
    this.id = options.id ?? `haven-${randomBytes(4).toString('hex')}`;
    this.leaseMs = (options.leaseSec ?? 10) * 1000;
    this.store = new LeaseStore(storage);
  }

  /** Announces this instance and renews its leases from now on. */
  async start(onLost: LeaseLost): Promise<void> {
    this.onLost = onLost;
    const now = new Date();
    if (this.storage.kind === 'sqlite') await this.store.expireAll(now);
    await this.store.announce({ id: this.id, startedAt: this.startedAt, lastSeenAt: now, maxSessions: this.options.maxSessions });
    this.othersSeen = (await this.others()).length > 0;
    this.timer ??= setInterval(() => void this.renew(), this.leaseMs / 3).unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Takes the room's lease for a new session; the lease as it is after (another instance's, when it holds it). */
  async acquire(roomName: string, sessionId: string): Promise<Lease> {
    const now = Date.now();
    const lease = await this.store.acquire(roomName, this.id, sessionId, new Date(now), new Date(now + this.leaseMs));
    if (lease.instanceId === this.id && lease.sessionId === sessionId) this.held.set(roomName, { token: lease.token, until: now + this.leaseMs });
    return lease;
  }

  /** Gives up a room's lease (its session ended). */
  async release(roomName: string, token: number): Promise<void> {
    if (this.held.get(roomName)?.token === token) this.held.delete(roomName);
    await this.store.release(roomName, token, new Date());
  }

  /** The condition every write of a room's session carries. */
  fence(roomName: string, token: number) {
    return this.store.fence(roomName, token);
  }

  /** The instances seen within three leases, with how many sessions each owns. */
  async list(): Promise<InstanceView[]> {
    const now = Date.now();
    const [rows, leases] = await Promise.all([this.store.listInstances(new Date(now - 3 * this.leaseMs)), this.store.held(new Date(now))]);
    return rows.map((row) => ({ ...row, sessions: leases.filter((lease) => lease.instanceId === row.id).length }));
  }

  /**
   * The other instance that owns a room now, if one does and is alive: seen within a renewal and a
   * half (one that stopped announcing itself died, and its lease is about to be taken over).
   */
  async ownerElsewhere(roomName: string): Promise<string | undefined> {
    const now = Date.now();
    const lease = await this.store.holder(roomName, new Date(now));
    if (!lease || lease.instanceId === this.id) return undefined;
    const alive = await this.store.listInstances(new Date(now - this.leaseMs / 2 - 1_000));
    return alive.some((row) => row.id === lease.instanceId) ? lease.instanceId : undefined;
  }

  /**
   * Where a new session goes: the instance seen within the last lease with the most room to spare
   * (its maxSessions less the rooms it owns and those just sent to it), this one on a tie; none when all are full.
   */
  async placement(sentTo: ReadonlyMap<string, number>): Promise<string | undefined> {
    const now = Date.now();
    const [rows, leases] = await Promise.all([this.store.listInstances(new Date(now - this.leaseMs)), this.store.held(new Date(now))]);
    let best: { id: string; spare: number } | undefined;
    for (const row of rows) {
      const spare = row.maxSessions - leases.filter((lease) => lease.instanceId === row.id).length - (sentTo.get(row.id) ?? 0);
      if (spare <= 0) continue;
      if (!best || spare > best.spare || (spare === best.spare && row.id === this.id)) best = { id: row.id, spare };
    }
    return best?.id;
  }

  /** When the holder of a lease last renewed it (its expiry less one lease). */
  lastRenewal(lease: Lease): Date {
    return new Date(lease.expiresAt.getTime() - this.leaseMs);
  }

  /** Leases of other instances that ran out while their session still runs: rooms to take over. */
  orphans(): Promise<Lease[]> {
    return this.store.orphans(this.id, new Date());
  }

  /** The other instances seen within three leases. */
  async others(): Promise<string[]> {
    const rows = await this.store.listInstances(new Date(Date.now() - 3 * this.leaseMs));
    return rows.map((row) => row.id).filter((id) => id !== this.id);
  }

  /** Whether other instances were seen at the last renewal (until then, at start). */
  get shared(): boolean {
    return this.othersSeen;
  }

  private async renew(): Promise<void> {
    const now = Date.now();
    await this.store.seen(this.id, new Date(now)).catch((error) => this.log.warn({ err: error }, 'could not announce this instance'));
    this.othersSeen = await this.others().then(
      (ids) => ids.length > 0,
      () => this.othersSeen,
    );
    for (const [roomName, lease] of [...this.held]) {
      const renewed = await this.store.renew(roomName, lease.token, new Date(now + this.leaseMs)).catch((error: unknown) => {
        this.log.warn({ err: error, roomName }, 'could not renew a room lease');
        return undefined;
      });
      if (this.held.get(roomName) !== lease) continue;
      if (renewed) lease.until = now + this.leaseMs;
      // With SQLite every instance shares this machine's one file: a lease that could not be renewed (a full disk) is still ours.
      const expired = renewed === undefined && this.storage.kind === 'postgres' && Date.now() > lease.until;
      if (renewed === false || expired) {
        this.held.delete(roomName);
        this.log.warn({ roomName, token: lease.token, instanceId: this.id }, renewed === false ? 'another instance took this room' : 'a room lease ran out before it could be renewed');
        this.onLost(roomName, lease.token);
      }
    }
  }
}
