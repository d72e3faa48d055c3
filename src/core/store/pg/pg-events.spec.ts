import type pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboxEvent } from '../../../shared';
import { conversation } from '../../test/fixtures';
import { ManualClock } from '../../time/clock';
import { openReplicas } from '../test/pg-replicas';
import { NO_TEST_SERVER, testServerUrl } from '../test/pg-test-database';
import { PgEventRelay } from './pg-events';

const server = testServerUrl();
const clock = new ManualClock(Date.UTC(2026, 10, 20, 9));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const changed = (id: string, version: number): InboxEvent => ({
  type: 'conversation.changed',
  conversation: conversation({ id, version }),
  by: 'rita',
});

describe.skipIf(server == null)(
  `Live events between replicas on PostgreSQL${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    it('tells another replica every event in order, many in one notification when they come at once', async () => {
      const [a, b] = await replicas();
      // A conversation too large for a notification goes by its id, read from the store.
      const large = conversation({
        id: 'x:large',
        tags: Array.from({ length: 400 }, (_, i) => `a-rather-long-tag-number-${i}`),
      });
      await a.commit([], [{ kind: 'conversations.put', conversations: [large] }]);
      const heard: InboxEvent[] = [];
      b.events.subscribe((event) => heard.push(event));
      const own: InboxEvent[] = [];
      a.events.subscribe((event) => own.push(event));
      await Promise.all([a.events.ready(), b.events.ready()]);
      const notifications = await listen(a.pool);

      const told: InboxEvent[] = Array.from({ length: 60 }, (_, i) => changed(`x:${i}`, i + 1));
      told.splice(30, 0, { type: 'conversation.changed', conversation: large, by: 'sam' });
      for (const event of told) a.events.publish(event);

      await expect.poll(() => heard.length, { timeout: 5000 }).toBe(told.length);
      expect(heard).toEqual(told);
      // They went together, as many as fit in a notification.
      expect(notifications.length).toBeGreaterThan(1);
      expect(notifications.length).toBeLessThan(told.length / 4);
      for (const payload of notifications) expect(Buffer.byteLength(payload)).toBeLessThan(8000);
      // A replica does not hear its own events back.
      expect(own).toEqual([]);
    });

    it('gathers the events told within a moment into one notification', async () => {
      const [a, b] = await replicas();
      const heard: InboxEvent[] = [];
      b.events.subscribe((event) => heard.push(event));
      await b.events.ready();
      const notifications = await listen(b.pool);
      const relay = new PgEventRelay(a.pool, a.connection, () => Promise.resolve(null), {
        gatherMs: 400,
      });
      cleanups.unshift(() => relay.close());
      relay.publish(changed('x:1', 2));
      await new Promise((resolve) => setTimeout(resolve, 100));
      relay.publish(changed('x:2', 2));
      await expect.poll(() => heard.length).toBe(2);
      expect(heard.map((e) => e.type === 'conversation.changed' && e.conversation.id)).toEqual([
        'x:1',
        'x:2',
      ]);
      // Notifications come in the order they were committed: those sent before the marker first.
      await b.pool.query("SELECT pg_notify('inbox_events', 'marker')");
      await expect.poll(() => notifications.includes('marker')).toBe(true);
      expect(notifications.indexOf('marker')).toBe(1);
    });

    it('sends the full notifications of a burst at once, without waiting for more', async () => {
      const [a, b] = await replicas();
      const heard: InboxEvent[] = [];
      b.events.subscribe((event) => heard.push(event));
      await b.events.ready();
      // A notification not full yet would wait 2 s.
      const relay = new PgEventRelay(a.pool, a.connection, () => Promise.resolve(null), {
        gatherMs: 2000,
      });
      cleanups.unshift(() => relay.close());
      const told = Array.from({ length: 60 }, (_, i) => changed(`x:${i}`, 1));
      for (const event of told) relay.publish(event);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      // Those that filled notifications came before the moment was up.
      expect(heard.length).toBeGreaterThanOrEqual(40);
      await expect.poll(() => heard.length, { timeout: 5000 }).toBe(told.length);
      expect(heard).toEqual(told);
    });

    it('has sent the events told before it once it is closed', async () => {
      const [a, b] = await replicas();
      const notifications = await listen(b.pool);
      // Enough for many notifications, sent one after the other.
      const told = Array.from({ length: 200 }, (_, i) => changed(`x:${i}`, 1));
      for (const event of told) a.events.publish(event);
      await a.events.close();
      // Notifications come in the order they were committed: those sent before the marker first.
      await b.pool.query("SELECT pg_notify('inbox_events', 'marker')");
      await expect.poll(() => notifications.includes('marker')).toBe(true);
      const before = notifications.slice(0, notifications.indexOf('marker'));
      const sent = before.flatMap(
        (p) => (JSON.parse(p) as { items: { event: InboxEvent }[] }).items,
      );
      expect(sent.map((item) => item.event)).toEqual(told);
    });

    it('still hears a replica that sends one event a notification, as before events went together', async () => {
      const [a, b] = await replicas();
      const heard: InboxEvent[] = [];
      b.events.subscribe((event) => heard.push(event));
      await b.events.ready();
      const event = changed('x:1', 2);
      await a.pool.query('SELECT pg_notify($1, $2)', [
        'inbox_events',
        JSON.stringify({ from: 'an-older-replica', event }),
      ]);
      await expect.poll(() => heard).toEqual([event]);
    });
  },
);

/** Two replicas, closed after the test. */
function replicas() {
  return openReplicas(server!, clock, cleanups);
}

/** The payloads of the notifications on the events' channel from now on, as they come. */
async function listen(pool: pg.Pool): Promise<string[]> {
  const client = await pool.connect();
  const payloads: string[] = [];
  client.on('notification', (m) => {
    if (m.channel === 'inbox_events' && m.payload) payloads.push(m.payload);
  });
  await client.query('LISTEN inbox_events');
  cleanups.unshift(async () => {
    await client.query('UNLISTEN *').catch(() => undefined);
    client.release();
  });
  return payloads;
}
