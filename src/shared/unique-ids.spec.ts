import { describe, expect, it } from 'vitest';
import { ConnectPagesInputSchema, UpdateConversationsInputSchema } from './api';
import { toErrorBody } from './errors';
import { PostStatementInputSchema, ReportDrillInputSchema } from './report';
import { SaveRuleInputSchema } from './rules';
import { duplicatesOf } from './unique-ids';

const FLOW = '5f0c6f7e-8c1a-4f6e-9a39-1d2b3c4d5e6f';

function refusal(result: { success: boolean; error?: unknown }) {
  expect(result.success).toBe(false);
  return toErrorBody(result.error) as {
    code: string;
    details: { path: string; message: string }[];
  };
}

describe('lists of ids in one call', () => {
  it('names each repeated id once', () => {
    expect(duplicatesOf(['a', 'b', 'a', 'c', 'b', 'a'])).toEqual(['a', 'b']);
    expect(duplicatesOf(['a', 'b'])).toEqual([]);
  });

  it('refuses a bulk update changing the same conversation twice, naming it', () => {
    const body = refusal(
      UpdateConversationsInputSchema.safeParse({
        changes: [
          { id: 'x:1', version: 1, status: 'open' },
          { id: 'x:2', version: 1, status: 'open' },
          { id: 'x:1', version: 1, status: 'done' },
        ],
      }),
    );
    expect(body.code).toBe('bad_request');
    expect(body.details).toEqual([
      {
        path: 'changes',
        message: 'the same conversation appears more than once in one call: x:1',
      },
    ]);
  });

  it('accepts a bulk update of distinct conversations', () => {
    const parsed = UpdateConversationsInputSchema.parse({
      changes: [
        { id: 'x:1', version: 1, status: 'open' },
        { id: 'x:2', version: 3, assignee: null },
      ],
    });
    expect(parsed.changes.map((c) => c.id)).toEqual(['x:1', 'x:2']);
  });

  it('names at most ten repeated ids', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `x:${i}`);
    const body = refusal(
      UpdateConversationsInputSchema.safeParse({
        changes: [...ids, ...ids].map((id) => ({ id, version: 1, status: 'open' })),
      }),
    );
    expect(body.details[0]?.message).toMatch(/x:0, x:1, .*x:9 and 2 more$/);
  });

  it('refuses repeated ids in every other list of ids', () => {
    const cases = [
      ConnectPagesInputSchema.safeParse({ flowId: FLOW, pageIds: ['1', '2', '1'] }),
      PostStatementInputSchema.safeParse({
        accountId: 'acc',
        text: 'We are on it',
        conversationIds: ['x:1', 'x:1'],
      }),
      ReportDrillInputSchema.safeParse({
        from: '2025-01-01T00:00:00Z',
        to: '2025-01-02T00:00:00Z',
        drill: { conversationIds: ['x:1', 'x:1'], set: 'conversations' },
      }),
      SaveRuleInputSchema.safeParse({
        name: 'Brand',
        conditions: { accountIds: ['acc', 'acc'] },
        actions: { priority: 'high' },
      }),
    ];
    for (const result of cases) {
      const body = refusal(result);
      expect(body.code).toBe('bad_request');
      expect(body.details.map((d) => d.message).join(' ')).toMatch(/more than once in one call/);
    }
  });
});
