import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope, Note } from '../src/shared';
import { IdempotencyGuard } from '../src/core/idempotency/idempotency-guard';
import { idempotentClient } from '../src/core/idempotency/idempotent-client';
import { InboxService } from '../src/core/service';
import { LOCAL_AGENT } from '../src/core/team/callers';
import { conversation, tempDir } from '../src/core/test/fixtures';
import { resolveAppPage } from './app-page';
import { createIpcDispatcher, createSenderCheck } from './ipc';
import type { SenderInfo } from './ipc';
import { seedStore } from '../src/core/test/seed-store';

const page = resolveAppPage({ indexFile: '/opt/social-inbox/out/renderer/index.html' });
const trusted: SenderInfo = {
  appWindowMainFrame: true,
  url: 'file:///opt/social-inbox/out/renderer/index.html',
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

/** The solo desktop as main runs it: the service, its keys in the data folder, the dispatcher. */
async function soloMain(dir: string) {
  const service = await InboxService.open({ dataDir: dir });
  const guard = await IdempotencyGuard.open(service.keyStore, service.clock, dir);
  const internal: unknown[] = [];
  const dispatch = createIpcDispatcher(
    idempotentClient(service, guard, LOCAL_AGENT.id),
    createSenderCheck(page),
    { onInternalError: (_method, err) => internal.push(err) },
  );
  const close = async () => {
    await guard.close();
    await service.close();
  };
  cleanups.push(close);
  return { service, dispatch, internal, close };
}

async function setUp() {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  await seedStore(dir, { conversations: [conversation({ id: 'x:1' })] });
  return dir;
}

const notes = async (service: InboxService) =>
  (await service.getConversation({ id: 'x:1' })).notes.map((n) => n.text);

describe('Idempotency-Key over Electron IPC, solo', () => {
  it('makes a write sent twice with the same key once, even after main restarts', async () => {
    const dir = await setUp();
    const main = await soloMain(dir);
    const input = { conversationId: 'x:1', text: 'Refund sent' };
    const options = { idempotencyKey: 'desktop-action-01' };
    const first = (await main.dispatch('notes:add', trusted, input, options)) as Envelope<Note>;
    expect(first.ok).toBe(true);
    expect(await main.dispatch('notes:add', trusted, input, options)).toEqual(first);
    expect(await notes(main.service)).toEqual(['Refund sent']);

    await main.close();
    const again = await soloMain(dir);
    expect(await again.dispatch('notes:add', trusted, input, options)).toEqual(first);
    expect(await notes(again.service)).toEqual(['Refund sent']);
    expect(
      await again.dispatch('notes:add', trusted, { ...input, text: 'Other' }, options),
    ).toMatchObject({ ok: false, error: { code: 'idempotency_mismatch' } });
    // Without a key, a write is made each time it is sent.
    await again.dispatch('notes:add', trusted, input);
    expect(await notes(again.service)).toEqual(['Refund sent', 'Refund sent']);
  });

  it('answers an error again as it was, and refuses malformed options', async () => {
    const dir = await setUp();
    const main = await soloMain(dir);
    const stale = { id: 'x:1', version: 5, status: 'done' };
    const options = { idempotencyKey: 'desktop-action-02' };
    const conflict = await main.dispatch('conversations:update', trusted, stale, options);
    expect(conflict).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await main.dispatch('conversations:update', trusted, stale, options)).toEqual(conflict);
    for (const bad of [
      { idempotencyKey: 'short' },
      { idempotencyKey: 'desktop-action-03', x: 1 },
    ]) {
      expect(
        await main.dispatch('conversations:update', trusted, { ...stale, version: 1 }, bad),
      ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect((await main.service.getConversation({ id: 'x:1' })).conversation.version).toBe(1);
    expect(main.internal).toEqual([]);
  });
});
