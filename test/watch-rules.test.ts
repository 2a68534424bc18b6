import { describe, expect, it } from 'vitest';
import { globToRegExp, matchesGlob, planFor, ruleFields, ruleRecords, type WatchRule } from '../src/services/watch-rules.js';

let created = 0;
const rule = (fields: Partial<WatchRule>): WatchRule => ({
  id: `rule-${++created}`,
  roomPattern: '*',
  record: false,
  includeIdentities: [],
  excludeIdentities: [],
  sources: ['CAMERA', 'MICROPHONE', 'SCREEN_SHARE', 'SCREEN_SHARE_AUDIO'],
  maxRecordingSec: null,
  emptyRoomSec: 30,
  enabled: true,
  createdAt: new Date(1_700_000_000_000 + created * 1000),
  ...fields,
});

describe('watch rules', () => {
  it('matches room names by glob: * any run, ? one character, everything else literal', () => {
    expect(matchesGlob('class-*', 'class-7a')).toBe(true);
    expect(matchesGlob('class-*', 'class-')).toBe(true);
    expect(matchesGlob('class-*', 'my-class-7a')).toBe(false);
    expect(matchesGlob('*', '')).toBe(true);
    expect(matchesGlob('room-?', 'room-1')).toBe(true);
    expect(matchesGlob('room-?', 'room-12')).toBe(false);
    // Regular-expression characters in a name are literal.
    expect(matchesGlob('a.b+(c)', 'a.b+(c)')).toBe(true);
    expect(matchesGlob('a.b', 'axb')).toBe(false);
    expect(matchesGlob('line*', 'line\nbreak')).toBe(true);
    expect(globToRegExp('[x]').test('[x]')).toBe(true);
  });

  it('takes defaults and refuses what cannot be a rule, naming the field', () => {
    expect(ruleFields({ roomPattern: 'class-*' })).toEqual({
      roomPattern: 'class-*',
      record: false,
      includeIdentities: [],
      excludeIdentities: [],
      sources: ['CAMERA', 'MICROPHONE', 'SCREEN_SHARE', 'SCREEN_SHARE_AUDIO'],
      maxRecordingSec: null,
      emptyRoomSec: 30,
      enabled: true,
    });
    const refused = (input: Parameters<typeof ruleFields>[0]) => {
      try {
        ruleFields(input);
      } catch (error) {
        return (error as { code: string; details: { field: string } }).code + ' ' + (error as { details: { field: string } }).details.field;
      }
      return 'accepted';
    };
    expect(refused({ roomPattern: '' })).toBe('VALIDATION_FAILED roomPattern');
    expect(refused({ roomPattern: 'x'.repeat(129) })).toBe('VALIDATION_FAILED roomPattern');
    expect(refused({ roomPattern: 'a\u0000b' })).toBe('VALIDATION_FAILED roomPattern');
    expect(refused({ roomPattern: '*', sources: [] })).toBe('VALIDATION_FAILED sources');
    expect(refused({ roomPattern: '*', sources: ['UNKNOWN'] })).toBe('VALIDATION_FAILED sources');
    expect(refused({ roomPattern: '*', maxRecordingSec: 0 })).toBe('VALIDATION_FAILED maxRecordingSec');
    expect(refused({ roomPattern: '*', emptyRoomSec: -1 })).toBe('VALIDATION_FAILED emptyRoomSec');
    expect(refused({ roomPattern: '*', emptyRoomSec: 1.5 })).toBe('VALIDATION_FAILED emptyRoomSec');
    expect(refused({ roomPattern: '*', includeIdentities: [''] })).toBe('VALIDATION_FAILED includeIdentities');
    expect(refused({ roomPattern: '*', excludeIdentities: Array.from({ length: 51 }, (_, i) => `p${i}`) })).toBe('VALIDATION_FAILED excludeIdentities');
  });

  it('plans nothing for a room no enabled rule matches', () => {
    expect(planFor('lobby', [rule({ roomPattern: 'class-*' }), rule({ roomPattern: 'lobby', enabled: false })])).toBeUndefined();
  });

  it('lets the rule that records win, with the union of the recording rules\' participants', () => {
    const watchOnly = rule({ roomPattern: '*' });
    const teachers = rule({ roomPattern: 'class-*', record: true, includeIdentities: ['teacher-*'], sources: ['CAMERA'] });
    const students = rule({ roomPattern: 'class-7?', record: true, includeIdentities: ['student-*'], excludeIdentities: ['student-anon*'], sources: ['MICROPHONE'] });
    const plan = planFor('class-7a', [students, watchOnly, teachers])!;
    expect(plan.record).toBe(true);
    expect(plan.rule.id).toBe(teachers.id);
    expect(plan.rules.map((r) => r.id)).toEqual([watchOnly.id, teachers.id, students.id]);
    expect([...plan.sources].sort()).toEqual(['CAMERA', 'MICROPHONE']);
    expect(plan.records('teacher-ann')).toBe(true);
    expect(plan.records('student-bob')).toBe(true);
    expect(plan.records('student-anon-1')).toBe(false);
    expect(plan.records('guest')).toBe(false);
    const lobby = planFor('lobby', [students, watchOnly, teachers])!;
    expect(lobby.record).toBe(false);
    expect(lobby.rule.id).toBe(watchOnly.id);
    expect(lobby.records('anyone')).toBe(false);
  });

  it('keeps the longest limit and the longest empty-room time of the rules that apply', () => {
    const a = rule({ record: true, maxRecordingSec: 60, emptyRoomSec: 10 });
    const b = rule({ record: true, maxRecordingSec: 600, emptyRoomSec: 45 });
    expect(planFor('x', [a, b])).toMatchObject({ maxRecordingSec: 600, emptyRoomSec: 45 });
    expect(planFor('x', [a, rule({ record: true })])!.maxRecordingSec).toBeNull();
    expect(ruleRecords(rule({ excludeIdentities: ['*'] }), 'anyone')).toBe(false);
  });
});
