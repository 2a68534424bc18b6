import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { settings } from '../db/schema.js';

/** The saved settings' SQL: one row a key. */
export class ConfigStore {
  constructor(private readonly db: Db) {}

  /** The saved value of a key, if any. */
  value(key: string): string | undefined {
    return this.db.select().from(settings).where(eq(settings.key, key)).get()?.value;
  }

  /** Saves every change at once (null deletes the saved value), or none. */
  save(changes: { key: string; value: string | null }[]): void {
    const now = new Date();
    this.db.transaction((tx) => {
      for (const { key, value } of changes) {
        if (value === null) tx.delete(settings).where(eq(settings.key, key)).run();
        else
          tx.insert(settings)
            .values({ key, value, updatedAt: now })
            .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
            .run();
      }
    });
  }
}
