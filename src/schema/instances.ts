import type { InstanceView } from '../services/instances.js';
import { builder } from './builder.js';

const Instance = builder.objectRef<InstanceView>('Instance').implement({
  description: 'A haven-live instance on this database, seen within the last three lease periods',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'HAVEN_INSTANCE_ID' }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    lastSeenAt: t.expose('lastSeenAt', { type: 'DateTime' }),
    sessions: t.exposeInt('sessions', { description: 'Rooms whose lease it holds now' }),
    maxSessions: t.exposeInt('maxSessions'),
  }),
});

builder.queryField('instances', (t) =>
  t.field({ type: [Instance], description: 'The instances sharing this database, oldest first', resolve: (_root, _args, { services }) => services.instances.list() }),
);
