import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario } from './scenario';
import { startEmulator } from './server';
import type { Emulator, EmulatorOptions } from './server';
import { KLAUS, PAGE, POST, at, bearer, call, testScenario } from './test-scenario';

let emulator: Emulator;
afterEach(() => emulator.close());

const start = async (options: Partial<EmulatorOptions> = {}) => {
  emulator = await startEmulator({ scenario: parseScenario(testScenario()), ...options });
};
const v = () => `${emulator.graphBaseUrl}/v21.0`;
const post = (path: string, body: Record<string, unknown>, json = false) =>
  call(`${v()}/${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${PAGE.token}`,
      'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded',
    },
    body: json
      ? JSON.stringify(body)
      : new URLSearchParams(
          Object.entries(body).map(([k, val]): [string, string] => [k, String(val)]),
        ).toString(),
  });

describe('Graph writes', () => {
  it('replies to a comment as the Page; the reply joins the thread', async () => {
    await start();
    const created = await post('5001_9001/comments', { message: 'Wir melden uns per Nachricht.' });
    expect(created.status).toBe(200);
    expect(created.body.id).toMatch(/^5001_\d+$/);
    const thread = await call(
      `${v()}/5001_9001/comments?fields=id,from,parent{id}`,
      bearer(PAGE.token),
    );
    expect(thread.body.data.at(-1)).toEqual({
      id: created.body.id,
      from: { name: PAGE.name, id: PAGE.id },
      parent: { id: '5001_9001' },
    });
    expect(emulator.writes()).toEqual([
      expect.objectContaining({
        platform: 'facebook',
        action: 'comment',
        targetId: '5001_9001',
        actorId: PAGE.id,
      }),
    ]);
  });

  it('hides a comment', async () => {
    await start();
    expect((await post('5001_9004', { is_hidden: true })).body).toEqual({ success: true });
    const hidden = await call(`${v()}/5001_9004?fields=is_hidden`, bearer(PAGE.token));
    expect(hidden.body).toEqual({ is_hidden: true, id: '5001_9004' });
  });

  it('sends one private reply per comment, within seven days', async () => {
    await start({ now: () => Date.parse(at(60)) });
    const body = { recipient: { comment_id: '5001_9003' }, message: { text: 'Hallo Klaus' } };
    const sent = await post(`${PAGE.id}/messages`, body, true);
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({
      recipient_id: expect.any(String),
      message_id: expect.stringMatching(/^m_/),
    });
    const again = await post(`${PAGE.id}/messages`, body, true);
    expect(again.body.error.code).toBe(10900);
    const field = await call(`${v()}/5001_9003?fields=can_reply_privately`, bearer(PAGE.token));
    expect(field.body.can_reply_privately).toBe(false);
    const fresh = await call(
      `${v()}/5001_9001?fields=can_reply_privately,from`,
      bearer(PAGE.token),
    );
    expect(fresh.body).toMatchObject({ can_reply_privately: true, from: { id: KLAUS.id } });
    const brand = await post(
      `${PAGE.id}/messages`,
      { ...body, recipient: { comment_id: '5001_9002' } },
      true,
    );
    expect(brand.body.error.code).toBe(10903);
  });

  it('refuses a private reply after seven days', async () => {
    await start({ now: () => Date.parse(at(8 * 24 * 60)) });
    const late = await post(`${PAGE.id}/messages`, {
      recipient: JSON.stringify({ comment_id: '5001_9003' }),
      message: JSON.stringify({ text: 'Hallo' }),
    });
    expect(late.body.error.code).toBe(10903);
  });

  it('refuses an empty comment and writes on unknown objects', async () => {
    await start();
    expect((await post(`${POST}/comments`, { message: ' ' })).body.error.code).toBe(100);
    expect((await post('404_404/comments', { message: 'hi' })).body.error.error_subcode).toBe(33);
  });
});
