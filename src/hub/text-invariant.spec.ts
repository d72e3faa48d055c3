import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../core/audit/audit-files';
import { auditEntries, folderContents } from '../core/test/data-folder';
import { tempDir } from '../core/test/fixtures';
import { BRAND_X, PAGE, smallScenario } from '../core/test/scenario';
import { clockStartingAt } from '../core/time/clock';
import { parseScenario } from '../emulator/scenario';
import { startEmulator } from '../emulator/server';
import type { ApiMethodName, AuditEntry, Conversation, Envelope } from '../shared';
import { buildRequest } from '../shared/client/http-client';
import { isSafeText } from '../shared/text';
import { parseHubConfig } from './config';
import { runHub } from './run-hub';
import type { RunningHub } from './run-hub';

/**
 * Random Unicode in every free-text field of the calls that take one, sent to a real hub over
 * loopback: either the call is refused and nothing changed (the same files, the same audit trail),
 * or it succeeded and exactly its audit entries were added; the trail checks out intact either way,
 * and nothing answers 500. Text that is not text (a lone surrogate, a non-character) is refused
 * with 400. Runs are few per field, so the suite stays fast.
 */

const RUNS = { numRuns: 20 };
/** Text, and text that is not (a lone surrogate): each test tries both at least once, whatever the seed. */
const TEXT = 'Café ☕';
const NOT_TEXT = 'ab\uD800';

/** Text: graphemes (emoji sequences, combining marks, all scripts) and code points of all planes. */
const clean = (maxUnits: number) =>
  fc
    .array(
      fc.oneof(
        { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2 }) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }) },
      ),
      { minLength: 1, maxLength: maxUnits },
    )
    .map((parts) => parts.join(''));

/** What is not text: half a surrogate pair, or a non-character (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF). */
const notText = fc.oneof(
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc
    .oneof(
      fc.integer({ min: 0xfdd0, max: 0xfdef }),
      fc.integer({ min: 0, max: 16 }).map((plane) => plane * 0x10000 + 0xfffe),
      fc.integer({ min: 0, max: 16 }).map((plane) => plane * 0x10000 + 0xffff),
    )
    .map((cp) => String.fromCodePoint(cp)),
);

/** Mostly text; else text with something that is not text put anywhere in it. */
const text = (maxUnits = 12) =>
  fc.oneof(
    { weight: 3, arbitrary: clean(maxUnits) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(clean(maxUnits), notText, fc.nat())
        .map(
          ([t, bad, at]) => t.slice(0, at % (t.length + 1)) + bad + t.slice(at % (t.length + 1)),
        ),
    },
  );

let hub: RunningHub;
let dir: string;
let cleanup: () => Promise<void>;
let closeEmulator: () => Promise<void>;
let jan: string;
let xAccount: string;
let target: Conversation;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  const scenario = parseScenario(smallScenario(2));
  const clock = clockStartingAt(scenario.anchor);
  const emulator = await startEmulator({ scenario, port: 0, now: () => clock.now() });
  closeEmulator = () => emulator.close();
  const { config } = parseHubConfig(
    [
      ...['--port', '0', '--data', dir],
      ...['--x-base-url', emulator.xBaseUrl, '--graph-base-url', emulator.graphBaseUrl],
    ],
    {},
  );
  hub = await runHub(config, { clock });
  xAccount = (await hub.service.connectAccount({ platform: 'x', token: BRAND_X.token })).id;
  const page = await hub.service.connectAccount({ platform: 'facebook', token: PAGE.token });
  await hub.service.syncAccountOnce(xAccount);
  await hub.service.syncAccountOnce(page.id);
  jan = (await hub.service.createAgent({ name: 'Jan de Wit', languages: ['nl'] })).agent.id;
  target = (await hub.service.listConversations({ platform: 'x', sort: 'oldest' })).items[0]!;
});

afterAll(async () => {
  await hub.close();
  await closeEmulator();
  await cleanup();
});

interface Outcome {
  status: number;
  envelope: Envelope<unknown>;
}

/** One call of the contract over HTTP, as the web client makes it, as the team's manager. */
async function call(name: ApiMethodName, input: unknown): Promise<Outcome> {
  const request = buildRequest(hub.url, name, input);
  const response = await fetch(request.url, {
    method: request.method,
    headers: {
      authorization: `Bearer ${hub.firstManager!.token}`,
      ...(request.body ? { 'content-type': 'application/json' } : {}),
    },
    body: request.body ?? null,
  });
  return { status: response.status, envelope: (await response.json()) as Envelope<unknown> };
}

/** Waits until the hub wrote all it will (replies sent, the trail's head). */
async function settled(): Promise<void> {
  await hub.service.replies().idle();
  await hub.service.verifyAudit();
}

/**
 * Makes a call with `texts` in its text fields and checks the invariant; returns what it answered
 * and the audit entries it added, for the case's own checks.
 */
async function checked(
  texts: string[],
  name: ApiMethodName,
  input: unknown,
): Promise<{ outcome: Outcome; added: AuditEntry[] }> {
  await settled();
  const before = await folderContents(dir);
  const count = (await auditEntries(dir)).length;
  const outcome = await call(name, input);
  await settled();
  const added = (await auditEntries(dir)).slice(count);
  tally(name, outcome);
  expect(outcome.status).not.toBe(500);
  if (texts.some((t) => !isSafeText(t))) {
    expect(outcome.status).toBe(400);
    expect(outcome.envelope).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  }
  if (!outcome.envelope.ok) {
    expect(await folderContents(dir)).toEqual(before);
    expect(added).toEqual([]);
  }
  expect(await verifyAudit(dir)).toMatchObject({ intact: true });
  return { outcome, added };
}

const actions = (entries: AuditEntry[]) => entries.map((e) => e.action);

/** How the calls of a test ended, so each test shows it saw both a success and a refusal. */
const seen = new Map<ApiMethodName, { ok: number; notText: number }>();
function tally(name: ApiMethodName, outcome: Outcome): void {
  const counts = seen.get(name) ?? { ok: 0, notText: 0 };
  if (outcome.envelope.ok) counts.ok += 1;
  else if (JSON.stringify(outcome.envelope.error.details ?? '').includes('not text'))
    counts.notText += 1;
  seen.set(name, counts);
}
/** Each of these calls succeeded at least once and was refused for text that is not text once. */
function sawBoth(...names: ApiMethodName[]): void {
  for (const name of names) {
    expect(seen.get(name)?.ok, `${name} succeeded`).toBeGreaterThan(0);
    expect(seen.get(name)?.notText, `${name} refused text that is not text`).toBeGreaterThan(0);
  }
}

/** A name (agent, tag, view) as the contract keeps it: NFC, trimmed. */
const asName = (text: string) => text.normalize('NFC').trim();

const current = async () =>
  (await hub.service.getConversation({ id: target.id })).conversation as Conversation;

describe('random text in every text field, against the audit trail', () => {
  it('agent names', async () => {
    await fc.assert(
      fc.asyncProperty(text(), text(), async (name, other) => {
        const { outcome, added } = await checked([name], 'createAgent', { name });
        if (outcome.envelope.ok) {
          expect(actions(added)).toEqual(['agent.created']);
          expect(added[0]!.details.name).toBe(asName(name));
        }
        const renamed = await checked([other], 'updateAgent', { id: jan, name: other });
        if (renamed.outcome.envelope.ok) expect(actions(renamed.added)).toEqual(['agent.updated']);
      }),
      {
        ...RUNS,
        examples: [
          [TEXT, `${TEXT} 2`],
          [NOT_TEXT, NOT_TEXT],
        ],
      },
    );
    sawBoth('createAgent', 'updateAgent');
  });

  it('notes', async () => {
    await fc.assert(
      fc.asyncProperty(text(40), async (note) => {
        const { outcome, added } = await checked([note], 'addNote', {
          conversationId: target.id,
          text: note,
        });
        if (outcome.envelope.ok) {
          expect(actions(added)).toEqual(['note.added']);
          expect(added[0]!.details.text).toBe(note.trim());
        }
      }),
      { ...RUNS, examples: [[TEXT], [NOT_TEXT]] },
    );
    sawBoth('addNote');
  });

  it('tags applied one by one and in bulk', async () => {
    await fc.assert(
      fc.asyncProperty(text(6), fc.boolean(), async (tag, bulk) => {
        const before = await current();
        const change = { id: target.id, version: before.version, addTags: [tag] };
        const { outcome, added } = bulk
          ? await checked([tag], 'updateConversations', { changes: [change] })
          : await checked([tag], 'updateConversation', change);
        if (outcome.envelope.ok) {
          const fresh = !before.tags.includes(asName(tag));
          expect(actions(added)).toEqual(fresh ? ['conversation.tagged'] : []);
          expect((await current()).tags).toContain(asName(tag));
        }
      }),
      {
        ...RUNS,
        examples: [
          [TEXT, false],
          [TEXT, true],
          [NOT_TEXT, false],
          [NOT_TEXT, true],
        ],
      },
    );
    sawBoth('updateConversation', 'updateConversations');
  });

  it('tag names in the registry, renamed and deleted', async () => {
    await fc.assert(
      fc.asyncProperty(text(6), text(6), async (name, newName) => {
        const saved = await checked([name], 'saveTag', { name, color: 'teal' });
        if (saved.outcome.envelope.ok) expect(saved.added).toEqual([]);
        const renamed = await checked([name, newName], 'renameTag', { name, newName });
        if (renamed.outcome.envelope.ok) expect(actions(renamed.added)).toEqual(['tag.renamed']);
        const deleted = await checked([newName], 'deleteTag', { name: newName });
        if (deleted.outcome.envelope.ok) expect(actions(deleted.added)).toEqual(['tag.deleted']);
      }),
      {
        ...RUNS,
        examples: [
          ['alpha', 'beta'],
          [NOT_TEXT, NOT_TEXT],
        ],
      },
    );
    sawBoth('saveTag', 'renameTag', 'deleteTag');
  });

  it('saved views and the search', async () => {
    await fc.assert(
      fc.asyncProperty(text(), text(), text(4), async (name, q, tag) => {
        const view = await checked([name, q, tag], 'saveView', { name, filters: { q, tag } });
        if (view.outcome.envelope.ok) {
          expect(view.added).toEqual([]);
          const id = (view.outcome.envelope.result as { id: string }).id;
          await checked([], 'deleteView', { id });
        }
        // A query string carries UTF-8: half a surrogate pair arrives as U+FFFD.
        const sent = [q, tag].map((t) => t.replace(/\p{Cs}/gu, '\uFFFD'));
        const list = await checked(sent, 'listConversations', { q, tag });
        expect(list.added).toEqual([]);
      }),
      {
        ...RUNS,
        examples: [
          [TEXT, 'caf', 'vip'],
          [NOT_TEXT, NOT_TEXT, NOT_TEXT],
        ],
      },
    );
    sawBoth('saveView', 'listConversations');
  });

  it('saved replies and rules', async () => {
    await fc.assert(
      fc.asyncProperty(text(), text(30), text(6), async (title, body, keyword) => {
        const reply = await checked([title, body], 'saveSavedReply', {
          title,
          language: 'fr',
          text: body,
        });
        if (reply.outcome.envelope.ok) expect(reply.added).toEqual([]);
        const rule = await checked([title, keyword], 'saveRule', {
          name: title,
          enabled: false,
          conditions: { keywords: [keyword] },
          actions: { addTags: [keyword] },
        });
        if (rule.outcome.envelope.ok) {
          expect(actions(rule.added)).toEqual(['rule.changed']);
          expect(rule.added[0]!.details).toMatchObject({ change: 'saved', name: title.trim() });
        }
      }),
      {
        ...RUNS,
        examples: [
          [TEXT, 'Thanks for writing', 'refund'],
          [NOT_TEXT, NOT_TEXT, NOT_TEXT],
        ],
      },
    );
    sawBoth('saveSavedReply', 'saveRule');
  });

  it('replies and public statements', async () => {
    await fc.assert(
      fc.asyncProperty(text(30), text(30), text(4), async (words, statementText, tag) => {
        const sent = await checked([words], 'sendReply', {
          conversationId: target.id,
          replyTo: target.rootPostId,
          kind: 'public',
          text: words,
        });
        if (sent.outcome.envelope.ok) {
          const key = (sent.outcome.envelope.result as { key: string }).key;
          const mine = sent.added.filter((e) => e.details.key === key);
          expect(actions(mine)[0]).toBe('reply.queued');
          expect(mine[0]!.details.text).toBe(words.trim());
          expect(['reply.sent', 'reply.failed']).toContain(actions(mine)[1]);
          for (const e of sent.added)
            expect([
              'reply.queued',
              'reply.sent',
              'reply.failed',
              'conversation.claimed',
            ]).toContain(e.action);
        }
        const statement = await checked([statementText, tag], 'postStatement', {
          accountId: xAccount,
          text: statementText,
          tag,
        });
        if (statement.outcome.envelope.ok)
          expect(actions(statement.added)).toEqual(['statement.posted']);
      }),
      {
        ...RUNS,
        examples: [
          ['Sorry about that', 'We are on it', 'vip'],
          [NOT_TEXT, NOT_TEXT, NOT_TEXT],
        ],
      },
    );
    sawBoth('sendReply', 'postStatement');
  });
});
