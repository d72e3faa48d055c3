import { describe, expect, it } from 'vitest';
import { GraphStore } from './graph-store';
import { parseScenario } from './scenario';
import { BRAND, JAN, MARIE, PAGE, POST, T, at, testScenario } from './test-scenario';
import { XStore } from './x-store';

const scenario = parseScenario(testScenario());
const clock = (iso: string) => {
  let nowMs = Date.parse(iso);
  return { now: () => nowMs, set: (next: string) => (nowMs = Date.parse(next)) };
};
const ids = (list: Array<{ id: string }>) => list.map((item) => item.id);

describe('XStore indexes', () => {
  it('serves a posted tweet first in the mentions, the author tweets and the reference counts', () => {
    const time = clock(at(60));
    const store = new XStore(scenario, time.now, true);
    const before = ids(store.mentionsOf(BRAND.id));
    expect(before).toEqual([T.emoji, T.orphan, T.quote, T.followUp, T.root]);
    expect(store.countReferences(T.followUp)).toEqual({ replies: 0, quotes: 0 });

    const reply = store.addTweet({
      author_id: JAN.id,
      text: '@cafeaurore @CafeAurore same here',
      in_reply_to: T.followUp,
      quotes: T.broadcast,
      lang: 'en',
      like_count: 0,
      retweet_count: 0,
      reply_count: 0,
      quote_count: 0,
    });
    // Mentioned twice, listed once; the handle matches whatever its case.
    expect(ids(store.mentionsOf(BRAND.id))).toEqual([reply.id, ...before]);
    expect(ids(store.mentionsOf(BRAND.id, 2))).toEqual([reply.id, T.emoji]);
    expect(ids(store.tweetsBy(JAN.id))).toEqual([reply.id, T.emoji, T.quote]);
    expect(store.mostRecentTweetId(JAN.id)).toBe(reply.id);
    expect(store.countReferences(T.followUp)).toEqual({ replies: 1, quotes: 0 });
    expect(store.countReferences(T.broadcast)).toEqual({ replies: 0, quotes: 2 });
  });

  it('leaves out tweets not yet released, and counts them once they are', () => {
    const time = clock(at(19));
    const store = new XStore(scenario, time.now, true);
    expect(ids(store.mentionsOf(BRAND.id))).toEqual([T.followUp, T.root]);
    expect(ids(store.mentionsOf(BRAND.id, 1))).toEqual([T.followUp]);
    expect(store.mostRecentTweetId(JAN.id)).toBeNull();
    expect(store.countReferences(T.broadcast)).toEqual({ replies: 0, quotes: 0 });
    time.set(at(26));
    expect(ids(store.mentionsOf(BRAND.id, 2))).toEqual([T.emoji, T.orphan]);
    expect(store.mostRecentTweetId(JAN.id)).toBe(T.emoji);
    expect(store.countReferences(T.broadcast)).toEqual({ replies: 0, quotes: 1 });
    expect(ids(store.tweetsBy(MARIE.id))).toEqual([T.orphan, T.followUp, T.root]);
  });
});

describe('GraphStore indexes', () => {
  const range = (store: GraphStore, id: string, filter: 'toplevel' | 'stream') => {
    const { items, start, end } = store.commentsUnder(id, filter);
    return ids(items.slice(start, end));
  };

  it('cuts the threads at now, and places a new comment and reply in time order', () => {
    const time = clock(at(20));
    const store = new GraphStore(scenario, time.now, true);
    expect(range(store, POST, 'stream')).toEqual(['5001_9001', '5001_9002', '5001_9003']);
    expect(range(store, POST, 'toplevel')).toEqual(['5001_9001']);
    expect(range(store, '5001_9001', 'toplevel')).toEqual(['5001_9002', '5001_9003']);
    expect(store.lastActivityMs(postOf(store))).toBe(Date.parse(at(15)));

    time.set(at(30));
    const target = store.object('5001_9002');
    if (target?.kind !== 'comment') throw new Error('5001_9002 should be a visible comment');
    const reply = store.addComment({ target, fromId: PAGE.id, message: 'Wir melden uns.' });
    expect(reply.parent_id).toBe('5001_9001');
    expect(range(store, POST, 'stream')).toEqual([
      '5001_9001',
      '5001_9002',
      '5001_9003',
      '5001_9004',
      '5001_9005',
      reply.id,
    ]);
    expect(range(store, '5001_9001', 'toplevel')).toEqual(['5001_9002', '5001_9003', reply.id]);
    expect(store.lastActivityMs(postOf(store))).toBe(Date.parse(at(30)));
  });

  it('shows a reply dated before its parent only once the parent shows', () => {
    const base = testScenario();
    const early = {
      id: '5001_9010',
      post_id: POST,
      parent_id: '5001_9005',
      from_id: PAGE.id,
      message: 'Dated before the comment it answers.',
      created_time: at(3),
    };
    const withEarly = parseScenario({
      ...base,
      facebook: { ...base.facebook, comments: [...base.facebook.comments, early] },
    });
    const time = clock(at(20));
    const store = new GraphStore(withEarly, time.now, true);
    expect(range(store, POST, 'stream')).toEqual(['5001_9001', '5001_9002', '5001_9003']);
    time.set(at(26));
    expect(range(store, POST, 'stream')).toEqual([
      '5001_9001',
      '5001_9010',
      '5001_9002',
      '5001_9003',
      '5001_9004',
      '5001_9005',
    ]);
  });
});

function postOf(store: GraphStore) {
  const object = store.object(POST);
  if (object?.kind !== 'post') throw new Error(`${POST} should be a visible post`);
  return object.post;
}
