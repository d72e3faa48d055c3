import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario } from './scenario';
import { startEmulator } from './server';
import type { Emulator } from './server';
import { BRAND, JAN, MARIE, OTHER, bearer, call, testScenario } from './test-scenario';

let emulator: Emulator;
afterEach(() => emulator.close());

const send = (to: string, text: string, token = BRAND.token) =>
  call(`${emulator.xBaseUrl}/2/dm_conversations/with/${to}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
const events = (withId: string, query = '', token = BRAND.token) =>
  call(`${emulator.xBaseUrl}/2/dm_conversations/with/${withId}/dm_events${query}`, bearer(token));

describe('X direct message lookup', () => {
  it('lists a one-to-one conversation newest first, fields on request, page by page', async () => {
    let clock = Date.parse('2026-03-10T12:00:00Z');
    emulator = await startEmulator({ scenario: parseScenario(testScenario()), now: () => clock });
    const sent: string[] = [];
    for (const text of ['Bonjour Marie.', 'Votre code: 1234.', 'Bonne journée !']) {
      sent.push((await send(MARIE.id, text)).body.data.dm_event_id);
      clock += 60_000;
    }
    await send(JAN.id, 'Hallo Jan.');

    const all = await events(MARIE.id);
    expect(all.status).toBe(200);
    expect(all.body).toEqual({
      data: [
        { id: sent[2], event_type: 'MessageCreate', text: 'Bonne journée !' },
        { id: sent[1], event_type: 'MessageCreate', text: 'Votre code: 1234.' },
        { id: sent[0], event_type: 'MessageCreate', text: 'Bonjour Marie.' },
      ],
      meta: { result_count: 3 },
    });
    expect(all.headers.get('x-rate-limit-limit')).toBe('300');

    const first = await events(
      MARIE.id,
      '?max_results=2&dm_event.fields=created_at,sender_id,dm_conversation_id',
    );
    expect(first.body.data).toEqual([
      expect.objectContaining({
        id: sent[2],
        sender_id: BRAND.id,
        dm_conversation_id: `${BRAND.id}-${MARIE.id}`,
        created_at: '2026-03-10T12:02:00.000Z',
      }),
      expect.objectContaining({ id: sent[1] }),
    ]);
    const next = first.body.meta.next_token as string;
    expect(next).toMatch(/^[0-9a-z]+$/);
    const second = await events(MARIE.id, `?max_results=2&pagination_token=${next}`);
    expect(second.body).toEqual({
      data: [expect.objectContaining({ id: sent[0] })],
      meta: { result_count: 1 },
    });
    // Another account has no conversation with Marie.
    expect((await events(MARIE.id, '', OTHER.token)).body).toEqual({ meta: { result_count: 0 } });
  });

  it('refuses unknown fields, bad page sizes and a participant it cannot message', async () => {
    emulator = await startEmulator({ scenario: parseScenario(testScenario()) });
    const bad = await events(MARIE.id, '?dm_event.fields=mood&max_results=500');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { message: string }) => e.message)).toEqual([
      expect.stringContaining('[mood] is not one of'),
      expect.stringContaining('[500] is not between 1 and 100'),
    ]);
    expect((await events(BRAND.id)).status).toBe(400);
    expect((await events('12ab')).status).toBe(400);
    expect((await events(MARIE.id, '', 'not-a-token')).status).toBe(401);
  });
});
