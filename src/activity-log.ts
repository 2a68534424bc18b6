import { getOperationAST, Kind, valueFromASTUntyped, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { SessionEvent } from './services/events.js';
import type { SessionService } from './services/sessions.js';

/** Subscription fields that follow a room, and what a log line calls them. */
const SUBSCRIBER_KINDS = { sessionEvents: 'EVENTS', videoFrames: 'VIDEO', audioFrames: 'AUDIO' } as const;
export type SubscriberKind = (typeof SUBSCRIBER_KINDS)[keyof typeof SUBSCRIBER_KINDS];

/** The room field a subscription asks for and the room it names, if it is one of ours. */
function roomSubscription(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined) {
  const operation = getOperationAST(document, operationName);
  const field = operation?.operation === 'subscription' ? operation.selectionSet.selections[0] : undefined;
  if (field?.kind !== Kind.FIELD || !(field.name.value in SUBSCRIBER_KINDS)) return undefined;
  const argument = field.arguments?.find((arg) => arg.name.value === 'roomName');
  const roomName = argument ? valueFromASTUntyped(argument.value, variables ?? undefined) : undefined;
  return { kind: SUBSCRIBER_KINDS[field.name.value as keyof typeof SUBSCRIBER_KINDS], roomName: typeof roomName === 'string' ? roomName : undefined };
}

/**
 * One log line when a subscriber of a room joins and one when it leaves, with the room and the
 * session; counts the subscribers of each kind for /metrics.
 */
export class SubscriberActivity {
  private readonly active: Record<SubscriberKind, number> = { EVENTS: 0, VIDEO: 0, AUDIO: 0 };

  constructor(
    private readonly sessions: SessionService,
    private readonly log: Logger,
  ) {}

  count(kind: SubscriberKind): number {
    return this.active[kind];
  }

  plugin(): Plugin {
    return {
      onSubscribe: ({ args }) => {
        const target = roomSubscription(args.document, args.operationName, args.variableValues);
        if (!target) return undefined;
        return {
          onSubscribeResult: ({ result }) => {
            // A refused subscription (unknown room, bad options) is an error result, not a subscriber.
            if (!(Symbol.asyncIterator in result)) return undefined;
            const sessionId = target.roomName === undefined ? undefined : this.sessions.find(target.roomName)?.id;
            const fields = { roomName: target.roomName, sessionId, kind: target.kind };
            this.active[target.kind]++;
            this.log.info(fields, 'subscriber joined');
            return {
              onEnd: () => {
                this.active[target.kind]--;
                this.log.info(fields, 'subscriber left');
              },
            };
          },
        };
      },
    };
  }
}

/** One log line per session end, per recording start, pause, resume, stop and failure, and per change of consent, from the session events. */
export function logSessionActivity(sessions: SessionService, log: Logger): () => void {
  return sessions.events.listen((event: SessionEvent) => {
    const fields = { roomName: event.roomName, sessionId: event.sessionId };
    switch (event.type) {
      case 'SessionEnded':
        log.info({ ...fields, reason: event.reason }, 'session ended');
        break;
      case 'RecordingStarted':
        log.info({ ...fields, recordingId: event.recording.id, participantIdentity: event.recording.participantIdentity }, 'recording started');
        break;
      case 'RecordingStopped':
        log.info(
          { ...fields, recordingId: event.recording.id, state: event.recording.state, stopReason: event.recording.stopReason },
          'recording stopped',
        );
        break;
      case 'RecordingPaused':
      case 'RecordingResumed':
        log.info({ ...fields, recordingId: event.recording.id }, event.type === 'RecordingPaused' ? 'recording paused' : 'recording resumed');
        break;
      case 'RecordingConsentChanged':
        // The identity is a remote participant's: a structured field, never part of the message.
        log.info({ ...fields, participantIdentity: event.participant.identity, recordingConsent: event.participant.recordingConsent }, 'recording consent changed');
        break;
      case 'RecordingFailed':
        log.warn({ ...fields, recordingId: event.recording.id, error: event.error }, 'recording failed');
        break;
    }
  });
}
