import { randomUUID } from 'node:crypto';
import type { Storage } from '../db/client.js';
import { HavenError, storageFailed } from '../errors.js';
import { SETTINGS_CHANNEL } from './config.js';
import { WatchRuleStore } from './watch-rule-store.js';
import { MAX_RULES, ruleFields, tooManyRules, type WatchRule, type WatchRuleInput } from './watch-rules.js';

/** The watch rules kept in the database: validated, at most MAX_RULES; read at start and after every change, here or on another instance. */
export class WatchRuleService {
  private readonly store: WatchRuleStore;
  private readonly listeners = new Set<() => void>();
  private rules: WatchRule[] = [];

  constructor(private readonly storage: Storage) {
    this.store = new WatchRuleStore(storage);
  }

  /** Reads the rules (at start, after the migrations). */
  async load(): Promise<void> {
    this.rules = await this.store.all();
  }

  /** Calls `listener` after every change of the rules; returns what stops it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async changed(): Promise<void> {
    await this.reload();
    // Other instances on the database read them again too.
    void this.storage.notify(SETTINGS_CHANNEL).catch(() => undefined);
  }

  /** Reads the rules again, and tells the listeners (another instance changed them). */
  async reload(): Promise<void> {
    await this.load();
    for (const listener of this.listeners) listener();
  }

  list(): WatchRule[] {
    return this.rules;
  }

  get(id: string): WatchRule | undefined {
    return this.rules.find((rule) => rule.id === id);
  }

  async create(input: WatchRuleInput): Promise<WatchRule> {
    const fields = ruleFields(input);
    const id = randomUUID();
    let added: boolean;
    try {
      added = await this.store.insert(id, fields, new Date(), MAX_RULES);
    } catch (error) {
      throw storageFailed('the watch rule', error);
    }
    if (!added) throw tooManyRules();
    await this.changed();
    return this.require(id);
  }

  async update(id: string, input: WatchRuleInput): Promise<WatchRule> {
    const fields = ruleFields(input);
    let updated: boolean;
    try {
      updated = await this.store.update(id, fields);
    } catch (error) {
      throw storageFailed('the watch rule', error);
    }
    if (!updated) throw ruleNotFound(id);
    await this.changed();
    return this.require(id);
  }

  async delete(id: string): Promise<boolean> {
    try {
      if (!(await this.store.delete(id))) throw ruleNotFound(id);
    } catch (error) {
      if (error instanceof HavenError) throw error;
      throw storageFailed('the watch rule', error);
    }
    await this.changed();
    return true;
  }

  private require(id: string): WatchRule {
    const rule = this.get(id);
    if (!rule) throw ruleNotFound(id);
    return rule;
  }
}

function ruleNotFound(id: string): HavenError {
  return new HavenError('RULE_NOT_FOUND', `No watch rule with id ${JSON.stringify(id.slice(0, 64))}`, { id: id.slice(0, 64) });
}
