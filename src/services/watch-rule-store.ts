import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { watchRules } from '../db/schema.js';
import type { RuleSource, WatchRule, WatchRuleFields } from './watch-rules.js';

type Row = typeof watchRules.$inferSelect;

/** The watch rules' SQL: rows in, rules out. */
export class WatchRuleStore {
  constructor(private readonly db: Db) {}

  all(): WatchRule[] {
    return this.db.select().from(watchRules).orderBy(asc(watchRules.seq)).all().map(toRule);
  }

  get(id: string): WatchRule | undefined {
    const row = this.db.select().from(watchRules).where(eq(watchRules.id, id)).get();
    return row && toRule(row);
  }

  count(): number {
    return this.db.select({ n: count() }).from(watchRules).get()?.n ?? 0;
  }

  /** Adds a rule unless there are `max` already (then false), in one transaction. */
  insert(id: string, fields: WatchRuleFields, createdAt: Date, max: number): boolean {
    return this.db.transaction((tx) => {
      const n = tx.select({ n: count() }).from(watchRules).get()?.n ?? 0;
      if (n >= max) return false;
      tx.insert(watchRules).values({ id, createdAt, ...toColumns(fields) }).run();
      return true;
    });
  }

  /** Replaces a rule's fields; false when there is no such rule. */
  update(id: string, fields: WatchRuleFields): boolean {
    return this.db.update(watchRules).set(toColumns(fields)).where(eq(watchRules.id, id)).run().changes > 0;
  }

  delete(id: string): boolean {
    return this.db.delete(watchRules).where(eq(watchRules.id, id)).run().changes > 0;
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
