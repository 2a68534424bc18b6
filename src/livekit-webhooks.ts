import type { IncomingMessage } from 'node:http';
import { WebhookReceiver } from 'livekit-server-sdk';
import type { LiveKitCredentials } from './services/config.js';

/** A webhook LiveKit signed, as far as haven-live reads it. */
export interface RoomWebhook {
  id: string;
  event: string;
  roomName: string | undefined;
}

/** Why a webhook request was refused: its status, and a message that says nothing of the signature. */
export class WebhookRefused extends Error {
  constructor(readonly status: 401 | 413) {
    super(status === 413 ? 'The webhook body is over the limit' : 'The webhook is not signed by this LiveKit server');
  }
}

/**
 * Reads one webhook request (at most `maxBytes` of body) and verifies it as livekit-server-sdk's
 * WebhookReceiver does: a JWT in Authorization signed with the API key, whose sha256 claim is the
 * body's. Throws WebhookRefused.
 */
export async function readWebhook(req: IncomingMessage, credentials: LiveKitCredentials | undefined, maxBytes: number): Promise<RoomWebhook> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new WebhookRefused(413);
    chunks.push(chunk as Buffer);
  }
  if (!credentials) throw new WebhookRefused(401);
  try {
    const event = await new WebhookReceiver(credentials.apiKey, credentials.apiSecret).receive(Buffer.concat(chunks).toString('utf8'), req.headers.authorization);
    if (!event.id || !event.event) throw new Error('no id or event');
    return { id: event.id, event: event.event, roomName: event.room?.name || undefined };
  } catch {
    throw new WebhookRefused(401);
  }
}
