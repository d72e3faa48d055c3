import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventStream, parseEventMessage } from './event-stream';
import type { WebSocketLike } from './event-stream';

/** A socket the test drives by hand. */
class FakeSocket implements WebSocketLike {
  static made: FakeSocket[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  close(): void {
    this.closed = true;
  }
  /** The server side drops the connection (or it never opened). */
  drop(): void {
    this.onerror?.({});
    this.onclose?.({});
  }
}

beforeEach(() => {
  FakeSocket.made = [];
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createEventStream', () => {
  it('waits 1 s, 2 s, 4 s, 8 s, then 10 s between attempts, and starts over after a success', () => {
    const stream = createEventStream('ws://hub/api/events', { WebSocket: FakeSocket });
    const stop = stream.subscribe(() => {});
    expect(FakeSocket.made).toHaveLength(1);

    const delays: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      FakeSocket.made.at(-1)!.drop();
      const before = FakeSocket.made.length;
      let waited = 0;
      while (FakeSocket.made.length === before) {
        vi.advanceTimersByTime(100);
        waited += 100;
      }
      delays.push(waited);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);

    FakeSocket.made.at(-1)!.onopen?.({});
    FakeSocket.made.at(-1)!.drop();
    vi.advanceTimersByTime(999);
    expect(FakeSocket.made).toHaveLength(7);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.made).toHaveLength(8);
    stop();
  });

  it('stops reconnecting once nobody listens', () => {
    const stream = createEventStream('ws://hub/api/events', { WebSocket: FakeSocket });
    const stop = stream.subscribe(() => {});
    FakeSocket.made[0]!.drop();
    stop();
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.made).toHaveLength(1);
  });

  it('retries when the constructor itself throws', () => {
    let fail = true;
    class Flaky extends FakeSocket {
      constructor(url: string) {
        if (fail) throw new Error('bad url');
        super(url);
      }
    }
    const stream = createEventStream('ws://hub/api/events', { WebSocket: Flaky });
    const stop = stream.subscribe(() => {});
    expect(FakeSocket.made).toHaveLength(0);
    fail = false;
    vi.advanceTimersByTime(1000);
    expect(FakeSocket.made).toHaveLength(1);
    stop();
  });

  it('keeps delivering to other listeners when one throws', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const stream = createEventStream('ws://hub/api/events', { WebSocket: FakeSocket });
    const got: string[] = [];
    stream.subscribe(() => {
      throw new Error('boom');
    });
    stream.subscribe((e) => got.push(e.type));
    FakeSocket.made[0]!.onmessage?.({
      data: JSON.stringify({ type: 'conversation.removed', id: 'a', into: 'b' }),
    });
    expect(got).toEqual(['conversation.removed']);
    expect(errors).toHaveBeenCalledOnce();
    errors.mockRestore();
  });

  it('resubscribing after everyone left opens a fresh socket', () => {
    const stream = createEventStream('ws://hub/api/events', { WebSocket: FakeSocket });
    stream.subscribe(() => {})();
    expect(FakeSocket.made[0]!.closed).toBe(true);
    const stop = stream.subscribe(() => {});
    expect(FakeSocket.made).toHaveLength(2);
    stop();
  });
});

describe('parseEventMessage', () => {
  it('reads text and binary frames and ignores anything else', () => {
    const text = JSON.stringify({ type: 'conversation.removed', id: 'a', into: 'b' });
    expect(parseEventMessage(text)).toEqual({ type: 'conversation.removed', id: 'a', into: 'b' });
    expect(parseEventMessage(new TextEncoder().encode(text))?.type).toBe('conversation.removed');
    expect(parseEventMessage('{')).toBeNull();
    expect(parseEventMessage(JSON.stringify({ type: 'presence' }))).toBeNull();
    expect(parseEventMessage(42)).toBeNull();
  });
});
