import type { RoomView } from '../services/rooms.js';
import { builder } from './builder.js';
import { LiveSession } from './sessions.js';

const LiveKitRoom = builder.objectRef<RoomView>('LiveKitRoom').implement({
  description: 'A room live on the LiveKit server, with haven-live\'s session in it',
  fields: (t) => ({
    name: t.exposeString('name'),
    numParticipants: t.exposeInt('numParticipants'),
    numPublishers: t.exposeInt('numPublishers'),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true }),
    session: t.field({ type: LiveSession, nullable: true, resolve: (room) => room.session }),
    recording: t.exposeBoolean('recording'),
  }),
});

builder.queryField('rooms', (t) =>
  t.field({
    type: [LiveKitRoom],
    description: 'The LiveKit server\'s live rooms, listed at most every 2 s (NOT_CONFIGURED, or LIVEKIT_UNAVAILABLE within 5 s when it cannot be asked)',
    resolve: (_root, _args, { services }) => services.rooms.list(),
  }),
);
