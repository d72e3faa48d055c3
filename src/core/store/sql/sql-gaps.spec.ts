import { afterEach, describe, expect, it } from 'vitest';
import type { SyncGap } from '../../../shared';
import { conversation, tempDir } from '../../test/fixtures';
import { ManualClock } from '../../time/clock';
import { SqliteStore } from './sqlite-store';

const clock = new ManualClock(Date.UTC(2026, 10, 20, 9));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function gap(accountId: string, since: string, until: string, missing = 10): SyncGap {
  return {
    id: `${accountId}:mentions:${since}`,
    accountId,
    stream: 'mentions',
    since,
    until,
    missing,
    reason: 'beyond-search',
    recordedAt: '2026-11-20T09:00:00.000Z',
  };
}

describe('the gaps of the SQLite store', () => {
  it('keeps gaps with the commit that records them, and reads them by account and by range', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const store = SqliteStore.open(dir, { clock });
    const first = gap('acc-x', '2026-11-01T00:00:00.000Z', '2026-11-03T00:00:00.000Z');
    const second = gap('acc-x', '2026-11-10T00:00:00.000Z', '2026-11-11T00:00:00.000Z');
    const other = gap('acc-y', '2026-11-02T00:00:00.000Z', '2026-11-02T06:00:00.000Z');
    await store.commit(
      [],
      [
        { kind: 'conversations.put', conversations: [conversation({ id: 'x:1' })] },
        { kind: 'cursors.set', accountId: 'acc-x', cursors: { mentions: '9' } },
        { kind: 'gaps.put', gaps: [first, second, other] },
      ],
    );
    // A commit that fails keeps none of its gaps.
    await expect(
      store.commit(() => {
        throw new Error('no');
      }, [{ kind: 'gaps.put', gaps: [gap('acc-z', first.since, first.until)] }]),
    ).rejects.toThrow();
    expect(await store.gaps.ofAccount('acc-z', 5)).toEqual([]);
    expect(await store.gaps.ofAccount('acc-x', 5)).toEqual([second, first]);
    expect(await store.gaps.ofAccount('acc-x', 1)).toEqual([second]);
    expect(
      await store.gaps.overlapping('2026-11-02T12:00:00.000Z', '2026-11-10T00:00:00.000Z'),
    ).toEqual([first]);
    expect(
      await store.gaps.overlapping('2026-11-02T00:00:00.000Z', '2026-11-12T00:00:00.000Z'),
    ).toEqual([first, other, second]);
    // Recorded again (same stretch, now known better): replaced.
    const better = { ...first, missing: 12 };
    await store.commit([], [{ kind: 'gaps.put', gaps: [better] }]);
    await store.close();

    const again = SqliteStore.open(dir, { clock });
    cleanups.push(() => again.close());
    expect(await again.gaps.ofAccount('acc-x', 5)).toEqual([second, better]);
    await again.commit([], [{ kind: 'gaps.forget-account', accountId: 'acc-x' }]);
    expect(await again.gaps.ofAccount('acc-x', 5)).toEqual([]);
    expect(await again.gaps.ofAccount('acc-y', 5)).toEqual([other]);
  });
});
