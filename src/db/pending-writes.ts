import type { Logger } from 'pino';

type Values = Record<string, unknown>;
type Write = (values: Values) => Promise<unknown>;

/**
 * Row updates that survive a database that refuses writes for a while (a full disk): each row's
 * writes go one after another, an update that fails is kept, merged with later ones for the same
 * row, and written again until it lands. Reads lay what is not written yet over the rows, so the service's
 * answers stay right meanwhile.
 */
export class PendingWrites {
  private readonly held = new Map<string, { values: Values; write: Write; version: number }>();
  /** The write under way for each row; the next one for the row follows it. */
  private readonly writing = new Map<string, Promise<void>>();
  private readonly refused = new Set<string>();
  /** What each read under way has seen change since it began, by row. */
  private readonly watchers = new Set<Map<string, Values>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly log: Logger,
    private readonly retryMs = 1_000,
  ) {}

  get size(): number {
    return this.held.size;
  }

  /** Runs `insert` (its row's first write) before any update of `key`; throws what it throws. */
  first(key: string, insert: () => Promise<unknown>): Promise<void> {
    const inserted = insert().then(() => undefined);
    const settled = inserted.catch(() => undefined).finally(() => {
      if (this.writing.get(key) === settled) this.writing.delete(key);
      this.start(key);
    });
    this.writing.set(key, settled);
    return inserted;
  }

  /** Writes `values` to the row `key` soon, or as soon as the database takes writes again. */
  update(key: string, values: Values, write: Write): void {
    const held = this.held.get(key);
    this.held.set(key, { values: { ...held?.values, ...values }, write, version: (held?.version ?? 0) + 1 });
    for (const seen of this.watchers) seen.set(key, { ...seen.get(key), ...values });
    if (this.refused.size === 0) this.start(key);
    else this.schedule();
  }

  /** Resolves once nothing is held or being written for `key` (a refused write is waited for until it lands). */
  async settled(key: string): Promise<void> {
    while (this.writing.has(key) || this.held.has(key)) {
      await (this.writing.get(key) ?? new Promise((resolve) => setTimeout(resolve, this.retryMs)));
    }
  }

  /**
   * Rows as they are meant to be: `read` with what was held when it began, and every change made
   * while it ran, laid over them. A write that lands while the query runs (PostgreSQL reads on
   * another connection) may be missing from what it returns; it is not missing from the rows.
   */
  async read<T extends object>(read: () => Promise<T[]>, keyOf: (row: T) => string): Promise<T[]> {
    const seen = new Map([...this.held].map(([key, held]) => [key, { ...held.values }]));
    this.watchers.add(seen);
    try {
      const rows = await read();
      return rows.map((row) => {
        const changed = seen.get(keyOf(row));
        return changed ? { ...row, ...changed } : row;
      });
    } finally {
      this.watchers.delete(seen);
    }
  }

  /** Writes everything held now (also on shutdown); resolves when each row's write has landed or failed once more. */
  async flush(): Promise<void> {
    await Promise.all([...new Set([...this.held.keys(), ...this.writing.keys()])].map((key) => this.start(key)));
  }

  private start(key: string): Promise<void> {
    const running = this.writing.get(key);
    if (running) return running;
    const held = this.held.get(key);
    if (!held) return Promise.resolve();
    const task: Promise<void> = held
      .write(held.values)
      .then(
        () => {
          // Values merged in meanwhile stay held for the next write.
          if (this.held.get(key)?.version === held.version) this.held.delete(key);
          if (this.refused.delete(key)) this.log.info({ row: key }, 'a held change was saved');
          return true;
        },
        (error: unknown) => {
          if (!this.refused.has(key)) this.log.error({ err: error, row: key }, 'could not save a change; retrying until the database takes it');
          this.refused.add(key);
          this.schedule();
          return false;
        },
      )
      .then((written) => {
        this.writing.delete(key);
        if (written && this.held.has(key)) return this.start(key);
      });
    this.writing.set(key, task);
    return task;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().then(() => {
        if (this.held.size > 0 && this.refused.size > 0) this.schedule();
      });
    }, this.retryMs);
    this.timer.unref();
  }
}
