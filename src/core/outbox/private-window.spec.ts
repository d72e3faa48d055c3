import { describe, expect, it } from 'vitest';
import { post } from '../../shared/test-fixtures';
import { PRIVATE_REPLY_WINDOW_MS, privateReplyWindow } from './private-window';

const at = Date.parse('2026-03-01T10:00:00.000Z');
const comment = post({
  id: 'facebook:1_2',
  platform: 'facebook',
  createdAt: '2026-03-01T10:00:00.000Z',
});

describe('private-reply window', () => {
  it('is open on Facebook for 7 days after the comment, to the millisecond', () => {
    expect(privateReplyWindow(comment, new Set(), at + PRIVATE_REPLY_WINDOW_MS - 1)).toEqual({
      postId: 'facebook:1_2',
      allowed: true,
      until: '2026-03-08T10:00:00.000Z',
      reason: null,
    });
    expect(privateReplyWindow(comment, new Set(), at + PRIVATE_REPLY_WINDOW_MS)).toMatchObject({
      allowed: false,
      reason: 'expired',
    });
  });

  it('closes once a private reply was sent to the comment', () => {
    expect(privateReplyWindow(comment, new Set(['facebook:1_2']), at)).toMatchObject({
      allowed: false,
      reason: 'already-sent',
    });
  });

  it('has no window for an X direct message', () => {
    expect(
      privateReplyWindow(post({ platform: 'x' }), new Set(), at + 30 * 86_400_000),
    ).toMatchObject({
      allowed: true,
      until: null,
    });
  });
});
