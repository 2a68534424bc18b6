import { eq } from 'drizzle-orm';
import type { Storage } from '../db/client.js';

/** The saved settings' SQL: one row a key. */
export class ConfigStore {
  constructor(private readonly storage: Storage) {}

  /** Every saved value by key. */
  async all(): Promise<Map<string, string>> {
    const rows = await this.storage.db.select().from(this.storage.tables.settings);
    return new Map(rows.map((row) => [row.key, row.value]));
  }

  /** Saves every change at once (null deletes the saved value), or none. */
  save(changes: { key: string; value: string | null }[]): Promise<void> {
    const { settings } = this.storage.tables;
    const now = new Date();
    return this.storage.transaction(async (tx) => {
      for (const { key, value } of changes) {
        if (value === null) await tx.delete(settings).where(eq(settings.key, key));
        else await tx.insert(settings).values({ key, value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
      }
    });
  }
}
