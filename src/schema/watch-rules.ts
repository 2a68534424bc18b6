import type { WatchRule } from '../services/watch-rules.js';
import { builder } from './builder.js';
import { TrackSourceEnum } from './recordings.js';
import { LiveSession } from './sessions.js';

export const WatchRuleRef = builder.objectRef<WatchRule>('WatchRule').implement({
  description: 'A rule saying which rooms haven-live watches by itself, and whom it records there.',
  fields: (t) => ({
    id: t.exposeID('id'),
    roomPattern: t.exposeString('roomPattern', { description: 'A glob over room names: * any run of characters, ? one; * alone matches every room' }),
    record: t.exposeBoolean('record'),
    includeIdentities: t.exposeStringList('includeIdentities', { description: 'Identity globs of the participants recorded; empty: everyone' }),
    excludeIdentities: t.exposeStringList('excludeIdentities', { description: 'Identity globs of participants never recorded' }),
    sources: t.field({ type: [TrackSourceEnum], resolve: (rule) => rule.sources }),
    maxRecordingSec: t.exposeInt('maxRecordingSec', { nullable: true }),
    emptyRoomSec: t.exposeInt('emptyRoomSec', { description: 'How long a room may stay empty before its session ends' }),
    enabled: t.exposeBoolean('enabled'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const CreateWatchRuleInput = builder.inputType('CreateWatchRuleInput', {
  description: 'Fields left out take their defaults: no recording, everyone, every source, no length limit, 30 s empty, enabled.',
  fields: (t) => ({
    roomPattern: t.string({ required: true }),
    record: t.boolean({ required: false }),
    includeIdentities: t.stringList({ required: false }),
    excludeIdentities: t.stringList({ required: false }),
    sources: t.field({ type: [TrackSourceEnum], required: false }),
    maxRecordingSec: t.int({ required: false }),
    emptyRoomSec: t.int({ required: false }),
    enabled: t.boolean({ required: false }),
  }),
});

builder.queryField('watchRules', (t) => t.field({ type: [WatchRuleRef], resolve: (_root, _args, { services }) => services.watchRules.list() }));

builder.mutationField('createWatchRule', (t) =>
  t.field({
    type: WatchRuleRef,
    description: 'VALIDATION_FAILED naming the field; LIMIT_EXCEEDED past 100 rules.',
    args: { input: t.arg({ type: CreateWatchRuleInput, required: true }) },
    resolve: (_root, { input }, { services }) => services.watchRules.create(input),
  }),
);

builder.mutationField('updateWatchRule', (t) =>
  t.field({
    type: WatchRuleRef,
    description: 'Replaces every field of the rule (RULE_NOT_FOUND when there is none).',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: CreateWatchRuleInput, required: true }) },
    resolve: (_root, { id, input }, { services }) => services.watchRules.update(String(id), input),
  }),
);

builder.mutationField('deleteWatchRule', (t) =>
  t.field({
    type: 'Boolean',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, { services }) => services.watchRules.delete(String(id)),
  }),
);

builder.objectField(LiveSession, 'rule', (t) =>
  t.field({
    type: WatchRuleRef,
    nullable: true,
    description: 'The watch rule that started this session; null when it was started by hand (or the rule is deleted)',
    resolve: (session, _args, { services }) => services.reconciler.ruleOf(session.id) ?? null,
  }),
);
