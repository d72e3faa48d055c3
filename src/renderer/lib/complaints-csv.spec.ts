import { describe, expect, it } from 'vitest';
import type { Complaints } from '../../shared/report-tone';
import { COMPLAINT_COLUMNS, complaintsCsv, complaintsFileName } from './complaints-csv';

const example = (postId: string, excerpt: string) => ({
  postId,
  conversationId: postId,
  language: 'fr',
  createdAt: '2026-11-20T10:00:00.000Z',
  excerpt,
});

const complaints: Complaints = {
  from: '2026-11-16T00:00:00.000Z',
  to: '2026-11-23T00:00:00.000Z',
  negativePosts: 3,
  conversations: 2,
  stories: [
    {
      id: 'x:1',
      posts: 3,
      conversations: 2,
      conversationIds: ['x:2', 'x:1'],
      languages: ['en', 'fr'],
      shared: ['#commandefroide'],
      examples: [example('x:2', '=HYPERLINK("http://evil")'), example('x:1', 'froide, "encore"')],
    },
  ],
  keywords: [
    {
      language: 'fr',
      negativePosts: 3,
      words: [
        {
          word: 'froide',
          posts: 2,
          conversations: 2,
          conversationIds: ['x:2', 'x:1'],
          examples: [example('x:2', '+33 froide')],
        },
      ],
    },
  ],
};

describe('what customer service should hear, as CSV', () => {
  it('gives a row per story and per word, each cell a spreadsheet could run defused', () => {
    const lines = complaintsCsv(complaints).split('\r\n');
    expect(lines[0]).toBe(COMPLAINT_COLUMNS.join(','));
    expect(lines[1]).toBe(
      `story,,"'=HYPERLINK(""http://evil"")",3,2,en fr,#commandefroide,"'=HYPERLINK(""http://evil"")","froide, ""encore""",,2026-11-16T00:00:00.000Z,2026-11-23T00:00:00.000Z`,
    );
    expect(lines[2]).toBe(
      "word,fr,froide,2,2,fr,,'+33 froide,,,2026-11-16T00:00:00.000Z,2026-11-23T00:00:00.000Z",
    );
    expect(lines.slice(3)).toEqual(['']);
    expect(complaintsFileName(complaints)).toBe(
      'social-inbox-complaints-2026-11-16-to-2026-11-23.csv',
    );
  });
});
