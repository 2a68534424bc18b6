import type { Logger } from 'pino';

type Values = Record<string, unknown>;

/**
 * Row updates that survive a database that refuses writes for a while (a full disk): an update that
 * fails is kept, merged with later ones for the same row, and written again until it lands. Reads
 * overlay what is held, so the service's answers stay right meanwhile.
 */
export class PendingWrites {
  private readonly held = new Map<string, { values: Values; write: (values: Values) => void }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly log: Logger,
    private readonly retryMs = 1_000,
  ) {}

  get size(): number {
    return this.held.size;
  }

  /** Writes `values` to the row `key` now, or as soon as the database takes writes again. */
  update(key: string, values: Values, write: (values: Values) => void): void {
    const merged = { ...this.held.get(key)?.values, ...values };
    try {
      write(merged);
      this.held.delete(key);
    } catch (error) {
      if (!this.held.has(key)) this.log.error({ err: error, row: key }, 'could not save a change; retrying until the database takes it');
      this.held.set(key, { values: merged, write });
      this.schedule();
    }
  }

  /** A row as it will be once what is held for it is written. */
  overlay<T extends object>(key: string, row: T): T {
    const held = this.held.get(key);
    return held ? { ...row, ...held.values } : row;
  }

  /** Tries everything held once more (also on shutdown). */
  flush(): void {
    for (const [key, { values, write }] of [...this.held]) {
      try {
        write(values);
        this.held.delete(key);
        this.log.info({ row: key }, 'a held change was saved');
      } catch {
        // Still refused: kept for the next try.
      }
    }
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
      if (this.held.size > 0) this.schedule();
    }, this.retryMs);
    this.timer.unref();
  }
}
