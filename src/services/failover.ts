import type { Logger } from 'pino';
import type { InstanceService } from './instances.js';
import type { Lease } from './lease-store.js';
import type { RecordingService } from './recordings.js';
import type { SessionService } from './sessions.js';

/**
 * Takes over the rooms of instances that died (PostgreSQL, several instances): every second it
 * looks for leases that ran out while their session still runs, and, while it has room for more
 * sessions, joins those rooms and goes on with their recordings as new parts. Instances race for
 * each room through its lease: one wins, the others join nothing.
 */
export class Failover {
  private timer: NodeJS.Timeout | undefined;
  private looking: Promise<void> | undefined;

  constructor(
    private readonly instances: InstanceService,
    private readonly sessions: SessionService,
    private readonly recordings: RecordingService,
    private readonly log: Logger,
    private readonly maxSessions: number,
  ) {}

  start(): void {
    // Every second (a lease runs out at most HAVEN_LEASE_SEC after its owner's last renewal): one indexed query.
    this.timer ??= setInterval(() => void this.look(), Math.min(1_000, this.instances.leaseMs / 3)).unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.looking;
  }

  /** One look; one still under way is not started twice. */
  look(): Promise<void> {
    this.looking ??= this.takeOver()
      .catch((error) => this.log.warn({ err: error }, 'looking for rooms to take over failed'))
      .finally(() => (this.looking = undefined));
    return this.looking;
  }

  private async takeOver(): Promise<void> {
    const orphans = await this.instances.orphans();
    // As many as this instance has room for, all at once (each join takes a moment).
    const room = Math.max(0, this.maxSessions - this.sessions.activeCount);
    await Promise.all(orphans.slice(0, room).map((lease) => this.takeOne(lease)));
  }

  private async takeOne(lease: Lease): Promise<void> {
    if (!this.timer) return;
    const session = await this.sessions.start(lease.roomName, lease).catch((error: unknown) => {
      this.log.warn({ err: error, roomName: lease.roomName }, 'could not take over a room');
      return undefined;
    });
    if (session?.ownerInstanceId !== this.instances.id) return;
    await this.recordings
      .continueAfterFailover(lease.roomName, lease.sessionId, this.instances.lastRenewal(lease))
      .catch((error: unknown) => this.log.error({ err: error, roomName: lease.roomName }, 'could not go on with the recordings of a room taken over'));
  }
}
