import { HavenError, validationFailed } from '../errors.js';
import type { TrackSourceName } from './recording-model.js';

/** Sources a rule can name. */
export type RuleSource = Exclude<TrackSourceName, 'UNKNOWN'>;
export const RULE_SOURCES: readonly RuleSource[] = ['CAMERA', 'MICROPHONE', 'SCREEN_SHARE', 'SCREEN_SHARE_AUDIO'];

/** A rule saying which rooms haven-live watches by itself, and what it records there. */
export interface WatchRule {
  id: string;
  /** A glob over room names: `*` any run of characters, `?` one; `*` alone matches every room. */
  roomPattern: string;
  record: boolean;
  /** Identity globs of the participants recorded (empty: everyone), and of those never recorded. */
  includeIdentities: string[];
  excludeIdentities: string[];
  sources: RuleSource[];
  /** Seconds after which a recording stops with MAX_DURATION (null: no limit). */
  maxRecordingSec: number | null;
  /** Seconds a room may stay empty before its session ends with EMPTY_ROOM. */
  emptyRoomSec: number;
  enabled: boolean;
  createdAt: Date;
}

/** What a client sends to create or replace a rule; absent fields take their defaults. */
export interface WatchRuleInput {
  roomPattern: string;
  record?: boolean | null;
  includeIdentities?: string[] | null;
  excludeIdentities?: string[] | null;
  sources?: TrackSourceName[] | null;
  maxRecordingSec?: number | null;
  emptyRoomSec?: number | null;
  enabled?: boolean | null;
}

export type WatchRuleFields = Omit<WatchRule, 'id' | 'createdAt'>;

export const MAX_RULES = 100;
const MAX_PATTERN = 128;
const MAX_IDENTITY_PATTERNS = 50;
export const DEFAULT_EMPTY_ROOM_SEC = 30;
const MAX_SECONDS = 7 * 24 * 3600;

/** A glob as an anchored regular expression: `*` any run of characters, `?` one, the rest literal. */
export function globToRegExp(glob: string): RegExp {
  const body = [...glob].map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 's');
}

export function matchesGlob(glob: string, value: string): boolean {
  return globToRegExp(glob).test(value);
}

function pattern(field: string, value: string): string {
  if (value.length < 1 || value.length > MAX_PATTERN) throw validationFailed(field, `must be 1 to ${MAX_PATTERN} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) throw validationFailed(field, 'must not contain control characters');
  return value;
}

function seconds(field: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min || value > MAX_SECONDS) throw validationFailed(field, `must be a whole number of seconds from ${min} to ${MAX_SECONDS}`);
  return value;
}

/** A rule's fields from what a client sent, or VALIDATION_FAILED naming the field. */
export function ruleFields(input: WatchRuleInput): WatchRuleFields {
  const identities = (field: string, list: string[] | null | undefined) => {
    const values = list ?? [];
    if (values.length > MAX_IDENTITY_PATTERNS) throw validationFailed(field, `at most ${MAX_IDENTITY_PATTERNS} patterns`);
    return values.map((value) => pattern(field, value));
  };
  const sources = input.sources ?? [...RULE_SOURCES];
  if (sources.length === 0) throw validationFailed('sources', 'must name at least one source');
  if (sources.some((source) => !RULE_SOURCES.includes(source as RuleSource))) throw validationFailed('sources', `must be among ${RULE_SOURCES.join(', ')}`);
  return {
    roomPattern: pattern('roomPattern', input.roomPattern),
    record: input.record ?? false,
    includeIdentities: identities('includeIdentities', input.includeIdentities),
    excludeIdentities: identities('excludeIdentities', input.excludeIdentities),
    sources: [...new Set(sources as RuleSource[])],
    maxRecordingSec: input.maxRecordingSec == null ? null : seconds('maxRecordingSec', input.maxRecordingSec, 1),
    emptyRoomSec: input.emptyRoomSec == null ? DEFAULT_EMPTY_ROOM_SEC : seconds('emptyRoomSec', input.emptyRoomSec, 0),
    enabled: input.enabled ?? true,
  };
}

export function tooManyRules(): HavenError {
  return new HavenError('LIMIT_EXCEEDED', `At most ${MAX_RULES} watch rules: delete one first`, { limit: 'watchRules' });
}

/** What the enabled rules matching a room ask for there, merged. */
export interface RoomPlan {
  /** The rules that match, oldest first; the first that records (else the first) is the session's. */
  rules: WatchRule[];
  rule: WatchRule;
  record: boolean;
  sources: Set<RuleSource>;
  maxRecordingSec: number | null;
  emptyRoomSec: number;
  /** Whether a participant of this identity is recorded (the union of the rules' participants). */
  records(identity: string): boolean;
}

/**
 * The plan for a room: undefined when no enabled rule matches. When two rules match, the one that
 * records wins, and the union of their participants (and sources) applies among those that record.
 */
export function planFor(roomName: string, rules: WatchRule[]): RoomPlan | undefined {
  const matching = rules.filter((rule) => rule.enabled && matchesGlob(rule.roomPattern, roomName)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  if (!matching.length) return undefined;
  const recording = matching.filter((rule) => rule.record);
  const deciding = recording.length ? recording : matching;
  const limits = deciding.map((rule) => rule.maxRecordingSec).filter((sec): sec is number => sec !== null);
  return {
    rules: matching,
    rule: deciding[0],
    record: recording.length > 0,
    sources: new Set(deciding.flatMap((rule) => rule.sources)),
    maxRecordingSec: limits.length === deciding.length ? Math.max(...limits) : null,
    emptyRoomSec: Math.max(...matching.map((rule) => rule.emptyRoomSec)),
    records: (identity) => recording.some((rule) => ruleRecords(rule, identity)),
  };
}

/** Whether one rule records a participant: in its include list (or it has none), and not excluded. */
export function ruleRecords(rule: WatchRule, identity: string): boolean {
  if (rule.excludeIdentities.some((glob) => matchesGlob(glob, identity))) return false;
  return rule.includeIdentities.length === 0 || rule.includeIdentities.some((glob) => matchesGlob(glob, identity));
}
