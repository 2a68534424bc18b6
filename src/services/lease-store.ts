import { and, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Storage } from '../db/client.js';
import type { instances, roomLeases } from '../db/schema-postgres.js';

export type Lease = typeof roomLeases.$inferSelect;
export type InstanceRow = typeof instances.$inferSelect;

/** The instances' and room leases' SQL. Times come from the callers, so that the rules can be tested with a clock of their own. */
export class LeaseStore {
  constructor(private readonly storage: Storage) {}

  private get leases() {
    return this.storage.tables.roomLeases;
  }

  private get instances() {
    return this.storage.tables.instances;
  }

  /** Adds or refreshes an instance's row. */
  async announce(row: InstanceRow): Promise<void> {
    const { instances } = this;
    await this.storage.db
      .insert(instances)
      .values(row)
      .onConflictDoUpdate({ target: instances.id, set: { startedAt: row.startedAt, lastSeenAt: row.lastSeenAt, maxSessions: row.maxSessions } });
  }

  async seen(id: string, now: Date): Promise<void> {
    await this.storage.db.update(this.instances).set({ lastSeenAt: now }).where(eq(this.instances.id, id));
  }

  /** Instances seen since `since`, oldest first. */
  listInstances(since: Date): Promise<InstanceRow[]> {
    return this.storage.db.select().from(this.instances).where(gt(this.instances.lastSeenAt, since)).orderBy(this.instances.startedAt);
  }

  /** Leases that have not expired at `now`. */
  held(now: Date): Promise<Lease[]> {
    return this.storage.db.select().from(this.leases).where(gt(this.leases.expiresAt, now));
  }

  /**
   * Takes the room's lease for `instanceId` until `until`, with a token one above the last one,
   * unless another instance holds it at `now`; the lease as it is after (the holder's when not taken).
   */
  async acquire(roomName: string, instanceId: string, sessionId: string, now: Date, until: Date): Promise<Lease> {
    const { leases } = this;
    const [taken] = await this.storage.db
      .insert(leases)
      .values({ roomName, instanceId, sessionId, token: 1, expiresAt: until })
      .onConflictDoUpdate({
        target: leases.roomName,
        set: { instanceId, sessionId, token: sql`${leases.token} + 1`, expiresAt: until },
        setWhere: or(lt(leases.expiresAt, now), eq(leases.instanceId, instanceId)),
      })
      .returning();
    if (taken) return taken;
    const [holder] = await this.storage.db.select().from(leases).where(eq(leases.roomName, roomName));
    return holder;
  }

  /** The lease of a room if it has not run out at `now`. */
  async holder(roomName: string, now: Date): Promise<Lease | undefined> {
    const [lease] = await this.storage.db.select().from(this.leases).where(and(eq(this.leases.roomName, roomName), gt(this.leases.expiresAt, now)));
    return lease;
  }

  /**
   * Leases of other instances that ran out at `now` while their session still runs in the
   * database: its instance died or was cut off without ending it (a session that ends gives its
   * lease up, and its row says so).
   */
  orphans(instanceId: string, now: Date): Promise<Lease[]> {
    const { leases } = this;
    const { sessions } = this.storage.tables;
    return this.storage.db
      .select({ roomName: leases.roomName, instanceId: leases.instanceId, sessionId: leases.sessionId, token: leases.token, expiresAt: leases.expiresAt })
      .from(leases)
      .innerJoin(sessions, eq(sessions.id, leases.sessionId))
      .where(and(lt(leases.expiresAt, now), ne(leases.instanceId, instanceId), isNull(sessions.endedAt)))
      .orderBy(leases.expiresAt);
  }

  /** Every lease runs out now (SQLite at start: one machine, so no other instance holds one). */
  async expireAll(now: Date): Promise<void> {
    await this.storage.db.update(this.leases).set({ expiresAt: now });
  }

  /** Extends a lease while `token` is still the room's; false when another instance took it since. */
  async renew(roomName: string, token: number, until: Date): Promise<boolean> {
    const renewed = await this.storage.db
      .update(this.leases)
      .set({ expiresAt: until })
      .where(and(eq(this.leases.roomName, roomName), eq(this.leases.token, token)))
      .returning({ token: this.leases.token });
    return renewed.length > 0;
  }

  /** Gives a lease up (it expires now), unless another instance took it since. */
  async release(roomName: string, token: number, now: Date): Promise<void> {
    await this.storage.db
      .update(this.leases)
      .set({ expiresAt: now })
      .where(and(eq(this.leases.roomName, roomName), eq(this.leases.token, token)));
  }

  /** The condition a write of the room's session carries: its token is still the room's. */
  fence(roomName: string, token: number) {
    return sql`exists (select 1 from ${this.leases} where ${this.leases.roomName} = ${roomName} and ${this.leases.token} = ${token})`;
  }
}
