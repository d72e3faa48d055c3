import { describe, expect, it } from 'vitest';
import { linkKey, postKeys, textKeys } from './story-links';

describe('what ties a story together', () => {
  it('takes a link as one key whatever the form it was shared in', () => {
    const video = 'url:youtube.com/watch?v=oatgate123';
    expect(linkKey('https://www.youtube.com/watch?v=oatgate123&utm_source=x')).toBe(video);
    expect(linkKey('https://youtu.be/oatgate123?si=abc')).toBe(video);
    expect(linkKey('http://m.YouTube.com/watch?v=oatgate123')).toBe(video);
    expect(linkKey('https://news.example/oat/')).toBe('url:news.example/oat');
    expect(linkKey('https://x.com/lea_bsn/status/1859')).toBe('post:x:1859');
    expect(linkKey('https://twitter.com/lea_bsn/status/1859?s=20')).toBe('post:x:1859');
    expect(linkKey('not a link')).toBeNull();
  });

  it('finds the links and hashtags of a text, case and accents aside', () => {
    expect(
      textKeys('Regardez https://youtu.be/abc. #OatGate #Café #1 mail#tag https://ex.ample/a?b=1!'),
    ).toEqual(['url:youtube.com/watch?v=abc', 'url:ex.ample/a?b=1', 'tag:oatgate', 'tag:cafe']);
  });

  it('takes the post itself, the one it answers or quotes, and its media', () => {
    expect(
      postKeys({
        id: 'x:2',
        inReplyTo: 'x:1',
        quotes: 'x:0',
        media: ['https://cdn.example/v.mp4'],
      }),
    ).toEqual(['post:x:2', 'post:x:1', 'post:x:0', 'url:cdn.example/v.mp4']);
    expect(postKeys({ id: 'facebook:9', inReplyTo: null })).toEqual(['post:facebook:9']);
    // A Facebook comment answers the Page post it sits under.
    expect(postKeys({ id: 'facebook:9_1', inReplyTo: null, underPost: 'facebook:1_9' })).toEqual([
      'post:facebook:9_1',
      'post:facebook:1_9',
    ]);
  });
});
