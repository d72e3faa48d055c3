import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Agent, InboxEvent, Note } from '../shared';
import { tempDir } from '../core/test/fixtures';
import { CLOSE_REVOKED, CLOSE_TOO_SLOW, closeTooMany } from './event-sockets';
import { openEvents } from './test/event-client';
import type { EventClient } from './test/event-client';
import {
  createAgent,
  hubCall,
  hubResult,
  seedConversations,
  togglePriority,
} from './test/hub-calls';
import { startHubProcess } from './test/hub-process';
import type { HubProcess } from './test/hub-process';

// A hub process over loopback, and the event connections of a manager and two agents.
let hub: HubProcess;
let cleanup: () => Promise<void>;
let manager: string;
const open: EventClient[] = [];

beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  // x:9000 for notes; x:9001, whose every change is a 64 kB message (a very long comment).
  await seedConversations(temp.dir, [200, 64 * 1024]);
  hub = await startHubProcess(['--port', '0', '--data', temp.dir, '--web-root', temp.dir]);
  manager = hub.managerToken!;
});

afterEach(async () => {
  for (const client of open.splice(0)) client.ws.terminate();
});

afterAll(async () => {
  await hub.stop();
  await cleanup();
});

async function listen(token: string): Promise<EventClient> {
  const client = await openEvents(hub.url, token);
  open.push(client);
  return client;
}

const note = (text: string) =>
  hubResult<Note>(hub.url, manager, 'POST', '/api/notes', { conversationId: 'x:9000', text });
const notesIn = (events: InboxEvent[]) =>
  events.flatMap((e) => (e.type === 'note.added' ? [e.note.text] : []));

/** Resolves with how long the connection took to close, or rejects after `ms`. */
async function closesWithin(client: EventClient, ms: number, since: number) {
  const closed = await Promise.race([
    client.closed,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`still open after ${ms} ms`)), ms),
    ),
  ]);
  return { ...closed, afterMs: Date.now() - since };
}

describe('event connections follow the team as it is now', () => {
  it("closes an agent's connections within a second when their token is renewed", async () => {
    const jan = await createAgent(hub.url, manager, 'Jan de Wit');
    const lucia = await createAgent(hub.url, manager, 'Lucía Ortega');
    const janFirst = await listen(jan.token);
    const janSecond = await listen(jan.token);
    const luciaEvents = await listen(lucia.token);
    await note('Everyone hears this one');
    for (const client of [janFirst, janSecond, luciaEvents])
      await expect.poll(() => notesIn(client.events)).toEqual(['Everyone hears this one']);

    const since = Date.now();
    const renewed = await hubResult<{ agent: Agent; token: string }>(
      hub.url,
      manager,
      'POST',
      '/api/agents/renew-token',
      { id: jan.agent.id },
    );
    for (const client of [janFirst, janSecond]) {
      const closed = await closesWithin(client, 1000, since);
      expect(closed).toMatchObject({ code: CLOSE_REVOKED.code, reason: CLOSE_REVOKED.reason });
      expect(closed.afterMs).toBeLessThan(1000);
    }
    await note('Internal: the customer’s phone number is 06 12 34 56 78');
    await expect.poll(() => notesIn(luciaEvents.events)).toHaveLength(2);
    for (const client of [janFirst, janSecond])
      expect(notesIn(client.events)).toEqual(['Everyone hears this one']);

    // The old token opens nothing any more; the new one works.
    const stale = await listen(jan.token);
    expect(await stale.closed).toMatchObject({ code: 1008, reason: 'sign in first' });
    const fresh = await listen(renewed.token);
    await note('Welcome back');
    await expect.poll(() => notesIn(fresh.events)).toEqual(['Welcome back']);
  });

  it("closes a removed agent's connections within a second, and sends them nothing more", async () => {
    const ana = await createAgent(hub.url, manager, 'Ana Silva');
    const anaEvents = await listen(ana.token);
    const managerEvents = await listen(manager);
    const since = Date.now();
    await hubResult(hub.url, manager, 'POST', '/api/agents/remove', { id: ana.agent.id });
    const closed = await closesWithin(anaEvents, 1000, since);
    expect(closed).toMatchObject({ code: CLOSE_REVOKED.code });
    await note('After Ana left');
    await expect.poll(() => notesIn(managerEvents.events)).toContain('After Ana left');
    expect(notesIn(anaEvents.events)).not.toContain('After Ana left');
    expect((await hubCall(hub.url, ana.token, 'GET', '/api/session')).status).toBe(401);
  });

  it('takes at most 8 connections per agent, and refuses one more with the reason', async () => {
    const paul = await createAgent(hub.url, manager, 'Paul Martin');
    const eight = [];
    for (let i = 0; i < 8; i++) eight.push(await listen(paul.token));
    const ninth = await listen(paul.token);
    expect(await ninth.closed).toEqual(closeTooMany(8));
    await note('To all eight');
    for (const client of eight)
      await expect.poll(() => notesIn(client.events)).toEqual(['To all eight']);
    eight[0]!.ws.close();
    await eight[0]!.closed;
    const again = await listen(paul.token);
    await note('One left, one came');
    await expect.poll(() => notesIn(again.events)).toEqual(['One left, one came']);
  });
});

describe('a client that stops reading', () => {
  it('is dropped with 1013 once its unread events pass the bound, and the others go on', async () => {
    const slow = await createAgent(hub.url, manager, 'Sam Stall');
    const stalled = await listen(slow.token);
    const reader = await listen(manager);
    stalled.pause();
    // 300 changes of 64 kB: about 19 MB, far more than the kernel's buffers and the hub's bound.
    await togglePriority(hub.url, manager, 'x:9001', 300, 1);
    const changes = (events: InboxEvent[]) =>
      events.filter((e) => e.type === 'conversation.changed' && e.conversation.id === 'x:9001');
    await expect.poll(() => changes(reader.events).length, { timeout: 10_000 }).toBe(300);
    expect(reader.bytes()).toBeGreaterThan(19_000_000);

    stalled.resume();
    const closed = await closesWithin(stalled, 10_000, Date.now());
    expect(closed).toMatchObject({ code: CLOSE_TOO_SLOW.code, reason: CLOSE_TOO_SLOW.reason });
    expect(changes(stalled.events).length).toBeLessThan(300);
    expect(stalled.bytes()).toBeLessThan(12_000_000);
    // The reader was never dropped.
    expect(reader.ws.readyState).toBe(reader.ws.OPEN);
  });
});
