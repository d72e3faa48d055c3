import { describe, expect, it } from 'vitest';
import { InboxError } from '../src/shared';
import type { InboxClient, InboxEvent, OpeningProgress } from '../src/shared';
import { InboxService } from '../src/core/service';
import { IdempotencyGuard } from '../src/core/idempotency/idempotency-guard';
import { idempotentClient } from '../src/core/idempotency/idempotent-client';
import { LOCAL_AGENT } from '../src/core/team/callers';
import { conversation, tempDir } from '../src/core/test/fixtures';
import { seedStore } from '../src/core/test/seed-store';
import { deferredClient, openingEvents } from './opening';

describe('the window while the inbox opens', () => {
  it('answers each call once the inbox is open, and hands it the listeners given before', async () => {
    const { dir, cleanup } = await tempDir('opening-');
    await seedStore(dir, { conversations: [conversation({ id: 'x:1' })] });
    let open!: (client: InboxClient) => void;
    const client = deferredClient(new Promise<InboxClient>((resolve) => (open = resolve)));
    const events: InboxEvent[] = [];
    client.onEvent((event) => events.push(event));
    const dropped: InboxEvent[] = [];
    client.onEvent((event) => dropped.push(event))();

    let answered = false;
    const page = client.listConversations({}).then((p) => ((answered = true), p));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);

    const service = await InboxService.open({ dataDir: dir });
    const guard = await IdempotencyGuard.open(service.keyStore, service.clock, dir);
    try {
      open(idempotentClient(service, guard, LOCAL_AGENT.id));
      expect((await page).items.map((c) => c.id)).toEqual(['x:1']);
      await client.addNote({ conversationId: 'x:1', text: 'Called them back' });
      expect(events.map((e) => e.type)).toContain('note.added');
      expect(dropped).toEqual([]);
    } finally {
      await guard.close();
      await service.close();
      await cleanup();
    }
  });

  it('fails each call as opening failed', async () => {
    const failed = Promise.reject(
      new InboxError('storage_unavailable', 'The data folder cannot be read'),
    );
    const client = deferredClient(failed);
    const unsubscribe = client.onEvent(() => undefined);
    await expect(client.listAccounts({})).rejects.toMatchObject({ code: 'storage_unavailable' });
    unsubscribe();
  });

  it('sends a phase at once, then a few a second', () => {
    const sent: InboxEvent[] = [];
    let t = 0;
    const say = openingEvents(
      (e) => sent.push(e),
      () => t,
      100,
    );
    const p = (phase: OpeningProgress['phase'], done: number): OpeningProgress => ({
      phase,
      done,
      total: 1000,
      unit: 'items',
    });
    say(p('conversations', 0));
    for (t = 10; t < 250; t += 10) say(p('conversations', t));
    say(p('posts', 0));
    expect(sent.map((e) => (e.type === 'inbox.opening' ? e.progress : null))).toEqual([
      p('conversations', 0),
      p('conversations', 100),
      p('conversations', 200),
      p('posts', 0),
    ]);
  });
});
