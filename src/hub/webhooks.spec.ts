import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NEWEST_GRAPH_VERSION } from '../shared';
import type { Account, ConversationDetail, ConversationPage, Envelope } from '../shared';
import { tempDir } from '../core/test/fixtures';
import { PAGE, smallScenario } from '../core/test/scenario';
import { clockStartingAt } from '../core/time/clock';
import { parseScenario } from '../emulator/scenario';
import { startEmulator } from '../emulator/server';
import type { Emulator } from '../emulator/server';
import { parseHubConfig } from './config';
import { runHub } from './run-hub';
import type { RunningHub } from './run-hub';

const APP_SECRET = 'webhook-spec-app-secret-5b1e';
const VERIFY_TOKEN = 'webhook-spec-verify-token-77c2';
const DAY = 86_400_000;

let emulator: Emulator;
let hub: RunningHub;
let cleanup: () => Promise<void>;
let page: Account;
let oldPostId: string;
let callbackUrl: string;

/** A port free now, so the hub's public URL is known before it starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const auth = () => ({ authorization: `Bearer ${hub.firstManager!.token}` });

async function get<T>(path: string): Promise<Envelope<T>> {
  return (await (await fetch(hub.url + path, { headers: auth() })).json()) as Envelope<T>;
}

async function total(): Promise<number> {
  const page = await get<ConversationPage>('/api/conversations?limit=1');
  if (!page.ok) throw new Error(page.error.message);
  return page.result.total;
}

async function detail(conversationId: string): Promise<ConversationDetail | null> {
  const answer = await get<ConversationDetail>(
    `/api/conversations/${encodeURIComponent(conversationId)}`,
  );
  return answer.ok ? answer.result : null;
}

/** Drives the emulator's Facebook side as people on Facebook would. */
async function admin(method: string, path: string, body?: unknown) {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function comment(postId: string, message: string, from = KLAUS): Promise<string> {
  const added = await admin('POST', 'facebook/comments', { post_id: postId, from, message });
  expect(added.status).toBe(201);
  return (added.body.data as { id: string }).id;
}

const KLAUS = { id: '4000000001', name: 'Klaus Becker' };

/** A delivery as Facebook would make it, signed with `secret`. */
function delivery(commentId: string, postId: string, verb = 'add', message = 'Hallo?') {
  return JSON.stringify({
    object: 'page',
    entry: [
      {
        id: PAGE.id,
        time: 1_780_000_000,
        changes: [
          {
            field: 'feed',
            value: {
              from: KLAUS,
              message,
              post_id: postId,
              comment_id: commentId,
              created_time: 1_780_000_000,
              item: 'comment',
              parent_id: postId,
              verb,
            },
          },
        ],
      },
    ],
  });
}

function post(body: string, signature: string | null) {
  return fetch(callbackUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature !== null ? { 'x-hub-signature-256': signature } : {}),
    },
    body,
  });
}

const sign = (body: string, secret = APP_SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  const input = smallScenario();
  input.facebook = { ...input.facebook!, app_id: '1468023750213462', app_secret: APP_SECRET };
  const scenario = parseScenario(input);
  const clock = clockStartingAt(scenario.anchor);
  emulator = await startEmulator({ scenario, port: 0, now: () => clock.now() });
  const port = await freePort();
  const { config } = parseHubConfig(
    [
      '--port',
      String(port),
      '--data',
      temp.dir,
      '--graph-base-url',
      emulator.graphBaseUrl,
      '--x-base-url',
      emulator.xBaseUrl,
      '--public-url',
      `http://127.0.0.1:${port}`,
      // One pass at the start; the reconciliation passes are made by the tests.
      '--poll',
      String(3_600_000),
    ],
    { SOCIAL_INBOX_GRAPH_APP_SECRET: APP_SECRET, SOCIAL_INBOX_FACEBOOK_VERIFY_TOKEN: VERIFY_TOKEN },
  );
  hub = await runHub(config, { clock });
  callbackUrl = `${hub.url}/webhooks/facebook`;
  page = await hub.service.connectAccount({ platform: 'facebook', token: PAGE.token });
  hub.service.startSync();
  await vi.waitFor(async () => expect(await total()).toBe(2), { timeout: 10_000 });
  // A post from 90 days ago: out of the polling's reach.
  const old = await admin('POST', 'facebook/posts', {
    page_id: PAGE.id,
    message: 'Notre nouvelle carte de printemps.',
    created_time: new Date(clock.now() - 90 * DAY).toISOString(),
  });
  oldPostId = (old.body.data as { id: string }).id;
});

afterAll(async () => {
  await hub.close();
  await emulator.close();
  await cleanup();
});

describe('Facebook webhooks, hub and emulator over loopback', () => {
  it('answers the verification with the challenge only for the configured token', async () => {
    const verify = (token: string, mode = 'subscribe') =>
      fetch(
        `${callbackUrl}?hub.mode=${mode}&hub.challenge=1158201444&hub.verify_token=${encodeURIComponent(token)}`,
      );
    const good = await verify(VERIFY_TOKEN);
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('1158201444');
    const wrong = await verify('not-the-verify-token');
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).not.toContain('1158201444');
    expect((await verify(VERIFY_TOKEN, 'unsubscribe')).status).toBe(400);
    // The emulator sets up the app's webhook as Facebook does: only if the callback echoes.
    await expect(
      emulator.webhooks.subscribe({ callbackUrl, verifyToken: 'not-the-verify-token' }),
    ).rejects.toThrow(/couldn't be validated/);
  });

  it('refuses a delivery not signed with the app secret and keeps nothing of it', async () => {
    // A real comment the hub has not heard of (no webhook is set up yet).
    const id = await comment(oldPostId, 'Eine gefälschte Zustellung sollte das nicht bringen.');
    const before = await total();
    const entries = (await hub.service.verifyAudit()).entries;
    const body = delivery(id, oldPostId);
    for (const signature of [
      null,
      sign(body, 'another-app-secret'),
      sign(`${body} `),
      `sha256=${'0'.repeat(64)}`,
      `sha1=${createHmac('sha1', APP_SECRET).update(body).digest('hex')}`,
      sign(body).slice(0, 40),
    ]) {
      const answer = await post(body, signature);
      expect(answer.status).toBe(403);
      expect(((await answer.json()) as Envelope<unknown>).ok).toBe(false);
    }
    expect(await total()).toBe(before);
    expect(await detail(`facebook:${id}`)).toBeNull();
    expect((await hub.service.verifyAudit()).entries).toBe(entries);
    // The same delivery, signed: it is taken.
    const signed = await post(body, sign(body));
    expect(signed.status).toBe(200);
    expect((await detail(`facebook:${id}`))?.posts[0]?.text).toBe(
      'Eine gefälschte Zustellung sollte das nicht bringen.',
    );
    // A signed delivery of the wrong shape is refused as such.
    const malformed = JSON.stringify({ object: 'page', entry: [{ id: PAGE.id }] });
    expect((await post(malformed, sign(malformed))).status).toBe(400);
  });

  it('subscribes the Page, then takes comments added, edited, hidden and removed within seconds', async () => {
    // The Page was subscribed once it synced: the hub has a public URL.
    const apps = await fetch(
      `${emulator.graphBaseUrl}/${NEWEST_GRAPH_VERSION}/${PAGE.id}/subscribed_apps`,
      {
        headers: { authorization: `Bearer ${PAGE.token}` },
      },
    );
    expect(((await apps.json()) as { data: { subscribed_fields: string[] }[] }).data).toEqual([
      expect.objectContaining({ subscribed_fields: ['feed'] }),
    ]);
    await emulator.webhooks.subscribe({ callbackUrl, verifyToken: VERIFY_TOKEN });

    const id = await comment(oldPostId, 'Gibt es die Frühlingskarte auch ohne Laktose?');
    const conversationId = `facebook:${id}`;
    await expect.poll(() => detail(conversationId), { timeout: 5000 }).not.toBeNull();
    expect((await detail(conversationId))!.posts.map((p) => p.text)).toEqual([
      'Gibt es die Frühlingskarte auch ohne Laktose?',
    ]);
    // The webhook names the Page post the comment sits under, and the inbox keeps it.
    expect((await detail(conversationId))!.posts.map((p) => p.underPost)).toEqual([
      `facebook:${oldPostId}`,
    ]);

    await admin('POST', `facebook/comments/${id}`, { message: 'Gibt es sie auch vegan?' });
    await expect
      .poll(async () => (await detail(conversationId))?.conversation.excerpt, { timeout: 5000 })
      .toBe('Gibt es sie auch vegan?');
    // A hide or a removal alone leaves the conversation's version as the team knows it.
    const edited = (await detail(conversationId))!.conversation.version;

    await admin('POST', `facebook/comments/${id}`, { is_hidden: true });
    await expect
      .poll(async () => (await detail(conversationId))?.posts[0]?.hidden, { timeout: 5000 })
      .toBe(true);
    expect((await detail(conversationId))!.conversation.version).toBe(edited);

    await admin('DELETE', `facebook/comments/${id}`);
    await expect
      .poll(async () => (await detail(conversationId))?.posts[0]?.removed, { timeout: 5000 })
      .toBe(true);
    // Kept with its text, as it was when it went.
    expect((await detail(conversationId))!.posts[0]!.text).toBe('Gibt es sie auch vegan?');
    expect((await detail(conversationId))!.conversation.version).toBe(edited);

    await emulator.webhooks.idle();
    const deliveries = emulator.webhooks.status().deliveries.filter((d) => d.commentId === id);
    expect(deliveries.map((d) => [d.verb, d.status])).toEqual([
      ['add', 200],
      ['edited', 200],
      ['hide', 200],
      ['remove', 200],
    ]);
  });

  it('stores a comment once whether a webhook or a polling pass brings it first', async () => {
    await emulator.webhooks.subscribe({ callbackUrl, verifyToken: VERIFY_TOKEN });
    const recentPost = `${PAGE.id}_5001`;
    // The webhook first, then the reconciliation pass.
    const first = await comment(recentPost, 'Wann kommt die Erstattung?');
    await expect.poll(() => detail(`facebook:${first}`), { timeout: 5000 }).not.toBeNull();
    const afterWebhook = await total();
    await hub.service.syncAccountOnce(page.id);
    expect(await total()).toBe(afterWebhook);
    expect((await detail(`facebook:${first}`))!.posts).toHaveLength(1);

    // Polling first (no webhook set up), then the delivery, made again by Facebook.
    emulator.webhooks.unsubscribe();
    const second = await comment(recentPost, 'Und wo bleibt meine Antwort?');
    await hub.service.syncAccountOnce(page.id);
    expect((await detail(`facebook:${second}`))!.posts).toHaveLength(1);
    const afterPoll = await total();
    const body = delivery(second, recentPost, 'add', 'Und wo bleibt meine Antwort?');
    for (let i = 0; i < 2; i++) {
      const answer = await post(body, sign(body));
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as Envelope<{ ignored: number }>).ok).toBe(true);
    }
    expect(await total()).toBe(afterPoll);
    const posts = (await detail(`facebook:${second}`))!.posts;
    expect(posts.map((p) => p.id)).toEqual([`facebook:${second}`]);
    // The arrival is recorded once.
    expect(
      (await detail(`facebook:${second}`))!.actions.filter((a) => a.action === 'post.arrived'),
    ).toHaveLength(1);
  });

  it('leaves changes of Pages it does not follow alone', async () => {
    const body = JSON.stringify({
      object: 'page',
      entry: [
        {
          id: '999999999',
          time: 1_780_000_000,
          changes: [
            {
              field: 'feed',
              value: {
                item: 'comment',
                verb: 'add',
                comment_id: '1_2',
                post_id: '999999999_1',
                created_time: 1,
              },
            },
            { field: 'feed', value: { item: 'reaction', verb: 'add', reaction_type: 'like' } },
          ],
        },
      ],
    });
    const before = await total();
    const answer = await post(body, sign(body));
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as Envelope<{ ignored: number }>).ok).toBe(true);
    expect(await total()).toBe(before);
  });
});
