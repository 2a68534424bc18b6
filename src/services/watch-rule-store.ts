import { asc, count, eq } from 'drizzle-orm';
import type { Storage } from '../db/client.js';
import type { watchRules } from '../db/schema-postgres.js';
import type { RuleSource, WatchRule, WatchRuleFields } from './watch-rules.js';

type Row = typeof watchRules.$inferSelect;

/** The watch rules' SQL: rows in, rules out. */
export class WatchRuleStore {
  constructor(private readonly storage: Storage) {}

  private get table() {
    return this.storage.tables.watchRules;
  }

  async all(): Promise<WatchRule[]> {
    return (await this.storage.db.select().from(this.table).orderBy(asc(this.table.seq))).map(toRule);
  }

  /** Adds a rule unless there are `max` already (then false), in one transaction. */
  insert(id: string, fields: WatchRuleFields, createdAt: Date, max: number): Promise<boolean> {
    return this.storage.transaction(async (tx) => {
      const [{ n }] = await tx.select({ n: count() }).from(this.table);
      if (n >= max) return false;
      await tx.insert(this.table).values({ id, createdAt, ...toColumns(fields) });
      return true;
    });
  }

  /** Replaces a rule's fields; false when there is no such rule. */
  async update(id: string, fields: WatchRuleFields): Promise<boolean> {
    const changed = await this.storage.db.update(this.table).set(toColumns(fields)).where(eq(this.table.id, id)).returning({ id: this.table.id });
    return changed.length > 0;
  }

  async delete(id: string): Promise<boolean> {
    const deleted = await this.storage.db.delete(this.table).where(eq(this.table.id, id)).returning({ id: this.table.id });
    return deleted.length > 0;
  }
}

function toColumns(fields: WatchRuleFields) {
  return {
    roomPattern: fields.roomPattern,
    record: fields.record,
    includeIdentities: JSON.stringify(fields.includeIdentities),
    excludeIdentities: JSON.stringify(fields.excludeIdentities),
    sources: JSON.stringify(fields.sources),
    maxRecordingSec: fields.maxRecordingSec,
    emptyRoomSec: fields.emptyRoomSec,
    enabled: fields.enabled,
  };
}

function toRule(row: Row): WatchRule {
  return {
    id: row.id,
    roomPattern: row.roomPattern,
    record: row.record,
    includeIdentities: JSON.parse(row.includeIdentities) as string[],
    excludeIdentities: JSON.parse(row.excludeIdentities) as string[],
    sources: JSON.parse(row.sources) as RuleSource[],
    maxRecordingSec: row.maxRecordingSec,
    emptyRoomSec: row.emptyRoomSec,
    enabled: row.enabled,
    createdAt: row.createdAt,
  };
}
