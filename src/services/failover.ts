import type { Logger } from 'pino';
import type { InstanceService } from './instances.js';
import type { RecordingService } from './recordings.js';
import type { SessionService } from './sessions.js';

/**
 * Takes over the rooms of instances that died (PostgreSQL, several instances): every third of a
 * lease it looks for leases that ran out while their session still runs, and, while it has room
 * for more sessions, joins those rooms and goes on with their recordings as new parts. Instances
 * race for each room through its lease: one wins, the others join nothing.
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
    this.timer ??= setInterval(() => void this.look(), this.instances.leaseMs / 3).unref();
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
    for (const lease of await this.instances.orphans()) {
      if (!this.timer || this.sessions.activeCount >= this.maxSessions) return;
      const session = await this.sessions.start(lease.roomName, lease).catch((error: unknown) => {
        this.log.warn({ err: error, roomName: lease.roomName }, 'could not take over a room');
        return undefined;
      });
      if (session?.ownerInstanceId !== this.instances.id) continue;
      await this.recordings
        .continueAfterFailover(lease.roomName, lease.sessionId, this.instances.lastRenewal(lease))
        .catch((error: unknown) => this.log.error({ err: error, roomName: lease.roomName }, 'could not go on with the recordings of a room taken over'));
    }
  }
}
