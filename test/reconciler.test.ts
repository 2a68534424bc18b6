import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServerRoom } from '../src/livekit.js';
import { Reconciler } from '../src/services/reconciler.js';
import type { RecordingService } from '../src/services/recordings.js';
import type { RoomDirectory } from '../src/services/rooms.js';
import type { SessionService } from '../src/services/sessions.js';
import type { WatchRuleService } from '../src/services/watch-rule-service.js';
import type { WatchRule } from '../src/services/watch-rules.js';

/**
 * The reconciler's rule for a room it left because it stayed empty, with fakes for LiveKit and the
 * sessions (the end-to-end test of watch rules is test/recording-control.test.ts).
 */
describe('Reconciler: a room left empty', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const rule: WatchRule = {
    id: 'rule-1',
    roomPattern: 'room-*',
    record: false,
    includeIdentities: [],
    excludeIdentities: [],
    sources: ['CAMERA', 'MICROPHONE'],
    maxRecordingSec: null,
    emptyRoomSec: 0,
    enabled: true,
    createdAt: new Date(0),
  };

  function world() {
    const state = {
      /** What LiveKit's ListRooms says (its counts lag by up to 5 s). */
      listing: [{ name: 'room-1', numParticipants: 1, numPublishers: 1, createdAt: null }] as ServerRoom[],
      /** What ListParticipants says: who publishes now. */
      publishing: 1,
      participants: ['guest'],
      sessions: [] as { roomName: string; state: string; endReason?: string }[],
      asked: 0,
    };
    const current = () => state.sessions.at(-1);
    const rooms = {
      serverRooms: async () => state.listing,
      publishers: async () => {
        state.asked++;
        return state.publishing;
      },
    } as unknown as RoomDirectory;
    const rules = { list: () => [rule], onChange: () => () => undefined, get: () => rule } as unknown as WatchRuleService;
    const sessions = {
      find: () => {
        const session = current();
        return session && { id: `s${state.sessions.length}`, ...session, participants: session.state === 'CONNECTED' ? state.participants.map((identity) => ({ identity })) : [] };
      },
      instances: { id: 'this-instance' },
      start: async (roomName: string) => {
        state.sessions.push({ roomName, state: 'CONNECTED' });
        return { id: `s${state.sessions.length}`, ownerInstanceId: 'this-instance' };
      },
      stop: async (_roomName: string, reason: string) => {
        Object.assign(current()!, { state: 'ENDED', endReason: reason });
      },
    } as unknown as SessionService;
    const recordings = { isRecording: () => false } as unknown as RecordingService;
    const reconciler = new Reconciler(rooms, rules, sessions, recordings, pino({ level: 'silent' }));
    return { state, reconciler };
  }

  it('does not watch it again while LiveKit\'s listing still counts the publishers who left, and does once someone publishes', async () => {
    const { state, reconciler } = world();
    await reconciler.reconcile();
    expect(state.sessions).toEqual([{ roomName: 'room-1', state: 'CONNECTED' }]);
    // Everyone leaves: the session ends (emptyRoomSec 0), though the listing lags behind.
    state.participants = [];
    state.publishing = 0;
    await reconciler.reconcile();
    expect(state.sessions).toEqual([{ roomName: 'room-1', state: 'ENDED', endReason: 'EMPTY_ROOM' }]);
    // Passes over the stale listing (numPublishers 1 for up to 5 s, and 2 s more in RoomDirectory's
    // cache), a second apart: the participants say nobody publishes.
    vi.useFakeTimers({ toFake: ['Date'] });
    for (let pass = 0; pass < 5; pass++) {
      vi.setSystemTime(Date.now() + 1_200);
      await reconciler.reconcile();
    }
    expect(state.sessions).toHaveLength(1);
    expect(state.asked).toBe(5);
    // The listing catches up: nobody is asked.
    state.listing = [{ name: 'room-1', numParticipants: 0, numPublishers: 0, createdAt: null }];
    await reconciler.reconcile();
    expect(state.asked).toBe(5);
    expect(state.sessions).toHaveLength(1);
    // Someone publishes again: watched again.
    state.listing = [{ name: 'room-1', numParticipants: 1, numPublishers: 1, createdAt: null }];
    state.publishing = 1;
    state.participants = ['back'];
    await reconciler.reconcile();
    expect(state.sessions.map((s) => s.state)).toEqual(['ENDED', 'CONNECTED']);
  });
});
