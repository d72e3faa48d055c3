import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPresenceReporter } from './presence-reporter';
import type { PresenceReport } from './presence-reporter';

describe('createPresenceReporter', () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-11-20T10:00:00.000Z') }));
  afterEach(() => vi.useRealTimers());

  function setUp() {
    const sent: PresenceReport[] = [];
    const reporter = createPresenceReporter(
      async (r) => {
        sent.push(r);
      },
      { minIntervalMs: 300, heartbeatMs: 20_000, typingIdleMs: 15_000 },
    );
    return { sent, reporter };
  }

  it('reports the first change at once and folds quick ones into the latest', () => {
    const { sent, reporter } = setUp();
    reporter.view('x:1');
    expect(sent).toEqual([{ conversationId: 'x:1', activity: 'viewing' }]);
    reporter.view('x:2');
    reporter.view('x:3');
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(300);
    expect(sent.at(-1)).toEqual({ conversationId: 'x:3', activity: 'viewing' });
    expect(sent).toHaveLength(2);
    reporter.view('x:3');
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(2);
    reporter.stop();
  });

  it('reports replying while typing, back to viewing after a quiet while or on leaving the box', () => {
    const { sent, reporter } = setUp();
    reporter.view('x:1');
    vi.advanceTimersByTime(500);
    reporter.typing();
    reporter.typing();
    expect(sent.at(-1)).toEqual({ conversationId: 'x:1', activity: 'replying' });
    vi.advanceTimersByTime(15_100);
    expect(sent.at(-1)).toEqual({ conversationId: 'x:1', activity: 'viewing' });
    reporter.typing();
    vi.advanceTimersByTime(300);
    reporter.stopTyping();
    vi.advanceTimersByTime(300);
    expect(sent.map((r) => r.activity)).toEqual([
      'viewing',
      'replying',
      'viewing',
      'replying',
      'viewing',
    ]);
    reporter.stop();
  });

  it('repeats the state as a heartbeat while on a conversation, and not once idle', () => {
    const { sent, reporter } = setUp();
    reporter.view('x:1');
    vi.advanceTimersByTime(20_000);
    expect(sent).toHaveLength(2);
    reporter.view(null);
    vi.advanceTimersByTime(300);
    expect(sent.at(-1)).toEqual({ conversationId: null, activity: 'idle' });
    const count = sent.length;
    vi.advanceTimersByTime(60_000);
    expect(sent).toHaveLength(count);
    reporter.stop();
  });
});
