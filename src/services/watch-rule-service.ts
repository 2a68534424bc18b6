import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import { HavenError, storageFailed } from '../errors.js';
import { WatchRuleStore } from './watch-rule-store.js';
import { MAX_RULES, ruleFields, tooManyRules, type WatchRule, type WatchRuleInput } from './watch-rules.js';

/** The watch rules kept in the database: validated, at most MAX_RULES. */
export class WatchRuleService {
  private readonly store: WatchRuleStore;
  private readonly listeners = new Set<() => void>();

  constructor(db: Db) {
    this.store = new WatchRuleStore(db);
  }

  /** Calls `listener` after every change of the rules; returns what stops it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  list(): WatchRule[] {
    return this.store.all();
  }

  get(id: string): WatchRule | undefined {
    return this.store.get(id);
  }

  create(input: WatchRuleInput): WatchRule {
    const fields = ruleFields(input);
    const id = randomUUID();
    let added: boolean;
    try {
      added = this.store.insert(id, fields, new Date(), MAX_RULES);
    } catch (error) {
      throw storageFailed('the watch rule', error);
    }
    if (!added) throw tooManyRules();
    this.changed();
    return this.require(id);
  }

  update(id: string, input: WatchRuleInput): WatchRule {
    const fields = ruleFields(input);
    let updated: boolean;
    try {
      updated = this.store.update(id, fields);
    } catch (error) {
      throw storageFailed('the watch rule', error);
    }
    if (!updated) throw ruleNotFound(id);
    this.changed();
    return this.require(id);
  }

  delete(id: string): boolean {
    try {
      if (!this.store.delete(id)) throw ruleNotFound(id);
    } catch (error) {
      if (error instanceof HavenError) throw error;
      throw storageFailed('the watch rule', error);
    }
    this.changed();
    return true;
  }

  private require(id: string): WatchRule {
    const rule = this.store.get(id);
    if (!rule) throw ruleNotFound(id);
    return rule;
  }
}

function ruleNotFound(id: string): HavenError {
  return new HavenError('RULE_NOT_FOUND', `No watch rule with id ${JSON.stringify(id.slice(0, 64))}`, { id: id.slice(0, 64) });
}
