import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiMethods, httpStatusOf } from './api';
import type { ApiMethodName } from './api';
import {
  CallOptionsSchema,
  idempotencyKeyOf,
  newIdempotencyKey,
  takesIdempotencyKey,
} from './idempotency';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Idempotency-Key in the contract', () => {
  it('is taken by every write call and by no GET call', () => {
    const writes = (Object.keys(apiMethods) as ApiMethodName[]).filter(takesIdempotencyKey);
    expect(writes).toContain('updateConversations');
    expect(writes).toContain('sendReply');
    expect(writes).toContain('createAgent');
    expect(writes).not.toContain('listConversations');
    expect(writes).not.toContain('getConversation');
  });

  it('reads the header: none, one valid key, or a bad request', () => {
    expect(idempotencyKeyOf({})).toEqual({ key: null });
    const key = '8f14e45f-ceea-467a-9575-2e0f2a1b6c01';
    expect(idempotencyKeyOf({ 'idempotency-key': key })).toEqual({ key });
    for (const bad of ['short', 'with space in it', 'é'.repeat(10), 'k'.repeat(201), [key, key]]) {
      expect(idempotencyKeyOf({ 'idempotency-key': bad })).toMatchObject({
        error: { code: 'bad_request' },
      });
    }
    expect(httpStatusOf.idempotency_mismatch).toBe(422);
  });

  it('validates the options of an IPC call strictly', () => {
    expect(CallOptionsSchema.parse({ idempotencyKey: 'abcdefgh-1' })).toEqual({
      idempotencyKey: 'abcdefgh-1',
    });
    expect(CallOptionsSchema.parse({})).toEqual({});
    expect(CallOptionsSchema.safeParse({ idempotencyKey: 'x' }).success).toBe(false);
    expect(CallOptionsSchema.safeParse({ agent: 'manager' }).success).toBe(false);
  });

  it('makes a new UUID v4 per action, also where randomUUID is missing (plain http)', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(UUID_V4);
    expect(newIdempotencyKey()).not.toBe(a);
    const { getRandomValues } = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: getRandomValues.bind(globalThis.crypto) });
    const fallback = newIdempotencyKey();
    expect(fallback).toMatch(UUID_V4);
    expect(newIdempotencyKey()).not.toBe(fallback);
  });
});
