import type { Browser, Page, WebSocket as PageWebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './harness/browser.js';
import { startApp, type TestApp } from './harness/haven.js';
import { startLiveKit, type LiveKitServer } from './harness/livekit.js';
import { killAllPublishers, startPublisher, type Publisher } from './harness/publisher-client.js';

const TOKEN = 'graphiql-test-token-0123456789abcdef';

/** A GraphiQL page and everything it asked the network for. */
interface GraphiQLPage {
  page: Page;
  /** Every URL the page requested (documents, scripts, fetches, WebSockets). */
  requests: string[];
  /** Text frames the page received on its WebSockets. */
  socketFrames: string[];
}

async function openGraphiQL(browser: Browser, baseUrl: string): Promise<GraphiQLPage> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const requests: string[] = [];
  const socketFrames: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('websocket', (socket: PageWebSocket) => {
    requests.push(socket.url());
    socket.on('framereceived', (frame) => typeof frame.payload === 'string' && socketFrames.push(frame.payload));
  });
  await page.goto(`${baseUrl}/graphql`);
  // The editor is there once Monaco has drawn the operation editor.
  await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor({ state: 'visible', timeout: 60_000 });
  return { page, requests, socketFrames };
}

/** Replaces the text of a Monaco editor as a user would (click, select all, type). */
async function typeInto(page: Page, editor: string, text: string): Promise<void> {
  await page.locator(editor).first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // insertText puts the text in as one input: Monaco's auto-closing brackets do not double it.
  await page.keyboard.insertText(text);
  await page.keyboard.press('Escape');
}

async function run(page: Page, operation: string): Promise<void> {
  await typeInto(page, '.graphiql-query-editor .monaco-editor', operation);
  await page.locator('button.graphiql-execute-button').click();
}

/** The text the result pane shows now. */
async function resultText(page: Page): Promise<string> {
  return (await page.locator('.graphiql-response').first().innerText()).replace(/\u00a0/g, ' ');
}

async function waitForResult(page: Page, match: (text: string) => boolean, what: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await resultText(page);
    if (match(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the result pane did not show ${what} within ${timeoutMs / 1000} s; it shows:\n${text}`);
}

/** Every request went to this server: nothing from a CDN or anywhere else. */
function expectOnlyLocal(requests: string[], baseUrl: string): void {
  const own = new URL(baseUrl).host;
  const foreign = requests.filter((url) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'blob:' || parsed.protocol === 'data:') return false;
    return parsed.host !== own;
  });
  expect(foreign).toEqual([]);
  expect(requests.some((url) => url.startsWith(`${baseUrl.replace(/^http/, 'ws')}/graphql`))).toBe(true);
}

describe('GraphiQL works offline: served from the package, queries over HTTP, subscriptions over graphql-ws', () => {
  let livekit: LiveKitServer;
  let browser: Browser;
  const apps: TestApp[] = [];
  const publishers: Publisher[] = [];

  beforeAll(async () => {
    livekit = await startLiveKit();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(publishers.map((publisher) => publisher.disconnect().catch(() => undefined)));
    killAllPublishers();
    await browser?.close();
    for (const app of apps) await app.close();
    await livekit?.stop();
  }, 60_000);

  /** Starts a session from the page, subscribes to its events there, and has a publisher join. */
  async function sessionEventsInPage(app: TestApp, graphiql: GraphiQLPage, room: string): Promise<string> {
    const { page } = graphiql;
    await run(page, `mutation { startSession(input: { roomName: "${room}" }) { id state } }`);
    await waitForResult(page, (text) => text.includes('"state": "CONNECTED"'), 'the started session');
    const events = app.services.sessions.journal;
    const before = events.subscriberCount;
    await run(page, `subscription { sessionEvents(roomName: "${room}") { __typename ... on ParticipantJoined { participant { identity } } } }`);
    const deadline = Date.now() + 20_000;
    while (events.subscriberCount <= before) {
      if (Date.now() > deadline) throw new Error(`the page's subscription did not reach the server:\n${await resultText(page)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const publisher = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity: `${room}-camera` });
    publishers.push(publisher);
    await publisher.publishVideo();
    return waitForResult(page, (text) => /"__typename": "(ParticipantJoined|Track\w+)"/.test(text), 'an event of the room');
  }

  it('loads the editor without internet, runs a query and shows subscription events', async () => {
    const app = await startApp({ livekit });
    apps.push(app);
    const graphiql = await openGraphiQL(browser, app.url);
    const { page } = graphiql;
    expect(await page.title()).toBe('haven-live');

    await run(page, '{ __typename activeSessions { roomName } }');
    await waitForResult(page, (text) => text.includes('"__typename": "Query"'), 'the query result');

    const shown = await sessionEventsInPage(app, graphiql, 'graphiql-open');
    expect(shown).toMatch(/"__typename": "(ParticipantJoined|Track\w+)"/);
    // The events came over graphql-ws, not as server-sent events.
    expect(graphiql.socketFrames.some((frame) => frame.includes('"type":"next"') && frame.includes('graphiql-open-camera'))).toBe(true);
    await screenshot(page, 'graphiql-open');
    expectOnlyLocal(graphiql.requests, app.url);
    await page.close();
  }, 180_000);

  it('with HAVEN_API_TOKEN, carries the token from the header editor over HTTP and over graphql-ws', async () => {
    const app = await startApp({ livekit, access: { apiToken: TOKEN } });
    apps.push(app);
    const graphiql = await openGraphiQL(browser, app.url);
    const { page } = graphiql;

    // Without the header the server refuses the query.
    await run(page, '{ __typename }');
    await waitForResult(page, (text) => text.includes('UNAUTHENTICATED'), 'the refusal');
    // Nor does a subscription over graphql-ws run without it.
    const listeners = app.services.sessions.journal.subscriberCount;
    await run(page, 'subscription { sessionEvents(roomName: "graphiql-token") { __typename } }');
    const refusedDeadline = Date.now() + 30_000;
    while (!graphiql.socketFrames.some((frame) => frame.includes('"type":"error"') && frame.includes('UNAUTHENTICATED'))) {
      if (Date.now() > refusedDeadline) throw new Error(`no refusal over graphql-ws: ${JSON.stringify(graphiql.socketFrames)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await waitForResult(page, (text) => text.includes('UNAUTHENTICATED'), 'the refusal over graphql-ws');
    expect(app.services.sessions.journal.subscriberCount).toBe(listeners);

    await page.getByRole('button', { name: 'Headers' }).click();
    await typeInto(page, '.graphiql-editor-tool .monaco-editor[data-uri$="headers.json"]', `{ "Authorization": "Bearer ${TOKEN}" }`);

    await run(page, '{ __typename }');
    await waitForResult(page, (text) => text.includes('"__typename": "Query"'), 'the query result');

    const shown = await sessionEventsInPage(app, graphiql, 'graphiql-token');
    expect(shown).toMatch(/"__typename": "(ParticipantJoined|Track\w+)"/);
    expect(graphiql.socketFrames.some((frame) => frame.includes('"type":"next"') && frame.includes('graphiql-token-camera'))).toBe(true);
    await screenshot(page, 'graphiql-token');
    expectOnlyLocal(graphiql.requests, app.url);
    await page.close();
  }, 180_000);
});
