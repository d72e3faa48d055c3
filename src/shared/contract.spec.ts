import { describe, expect, it } from 'vitest';
import {
  apiMethods,
  httpRoutes,
  InboxError,
  InboxEventSchema,
  ListConversationsInputSchema,
  toErrorBody,
} from './index';

describe('the API table', () => {
  it('names every channel domain:verb and gives every call an HTTP route', () => {
    for (const [name, method] of Object.entries(apiMethods)) {
      expect(method.channel).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
      expect(httpRoutes[name as keyof typeof apiMethods].path).toMatch(/^\/api\//);
    }
    const channels = Object.values(apiMethods).map((m) => m.channel);
    expect(new Set(channels).size).toBe(channels.length);
  });
});

describe('ListConversationsInputSchema', () => {
  it('accepts query-string values and fills defaults', () => {
    expect(ListConversationsInputSchema.parse({ limit: '20', platform: 'x' })).toEqual({
      limit: 20,
      platform: 'x',
      sort: 'newest',
    });
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '501' }, 'limit'],
    [{ platform: 'myspace' }, 'platform'],
    [{ language: 'French' }, 'language'],
    [{ status: ['new', 'open'] }, 'status'],
    [{ unknown: 1 }, '(root)'],
  ])('rejects %j naming the field', (input, field) => {
    const result = ListConversationsInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    const body = toErrorBody(result.error);
    expect(body.code).toBe('bad_request');
    expect((body.details as { path: string }[]).map((d) => d.path)).toContain(field);
  });
});

describe('errors', () => {
  it('keeps the code of known errors and hides everything about unknown ones', () => {
    expect(toErrorBody(new InboxError('not_found', 'No conversation x:1'))).toEqual({
      code: 'not_found',
      message: 'No conversation x:1',
    });
    const leaky = toErrorBody(new Error('token=EAAsecret at /home/user/app.js:12'));
    expect(leaky).toEqual({ code: 'internal', message: 'Internal error' });
    expect(InboxError.fromBody({ code: 'conflict', message: 'stale' })).toMatchObject({
      code: 'conflict',
    });
  });

  it('validates events by their type', () => {
    expect(
      InboxEventSchema.safeParse({
        type: 'presence',
        agentId: 'a',
        conversationId: null,
        activity: 'viewing',
      }).success,
    ).toBe(true);
    expect(InboxEventSchema.safeParse({ type: 'conversation.changed' }).success).toBe(false);
  });
});
