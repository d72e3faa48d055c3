import type { Complaints } from '../../shared/report-tone';
import { csvRow } from './report-csv';

export const COMPLAINT_COLUMNS = [
  'kind',
  'language',
  'story_or_word',
  'posts',
  'conversations',
  'languages',
  'shared',
  'example_1',
  'example_2',
  'example_3',
  'from',
  'to',
] as const;

/**
 * What customer service should hear, as one CSV table (its cells defused as the report's are): a
 * row per story (its newest negative post as what it says), then a row per recurring word of each
 * language, each with up to three example posts.
 */
export function complaintsCsv(c: Complaints): string {
  const rows = [csvRow([...COMPLAINT_COLUMNS])];
  const examples = (list: { excerpt: string }[]) => [0, 1, 2].map((i) => list[i]?.excerpt ?? null);
  for (const s of c.stories)
    rows.push(
      csvRow([
        'story',
        null,
        s.examples[0]?.excerpt ?? '',
        s.posts,
        s.conversations,
        s.languages.join(' '),
        s.shared.join(' '),
        ...examples(s.examples),
        c.from,
        c.to,
      ]),
    );
  for (const l of c.keywords)
    for (const w of l.words)
      rows.push(
        csvRow([
          'word',
          l.language,
          w.word,
          w.posts,
          w.conversations,
          l.language,
          null,
          ...examples(w.examples),
          c.from,
          c.to,
        ]),
      );
  return rows.join('\r\n') + '\r\n';
}

/** `social-inbox-complaints-2026-03-01-to-2026-03-07.csv` */
export function complaintsFileName(c: Pick<Complaints, 'from' | 'to'>): string {
  const day = (iso: string) => iso.slice(0, 10);
  return `social-inbox-complaints-${day(c.from)}-to-${day(c.to)}.csv`;
}
