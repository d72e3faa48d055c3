/**
 * Measures the inbox's sentiment scoring on the demo's phrase book: each phrase is written in six
 * languages with the tone it was written in, so each language is scored on the same messages.
 * Prints, per language, the share scored right and the confusion (written → scored).
 *
 *   node --import tsx scripts/sentiment-accuracy.ts
 */
import { sentimentOf } from '../src/core/triage/sentiment';
import { phraseBook, type Polarity } from './demo-scenario/phrase-book';
import { LANGS } from './demo-scenario/types';

const TONES: Polarity[] = ['negative', 'neutral', 'positive'];

export async function measure() {
  const book = phraseBook();
  const rows = [];
  for (const lang of LANGS) {
    const confusion = new Map<string, number>();
    let right = 0;
    for (const phrase of book) {
      const scored = sentimentOf(phrase.texts[lang], lang);
      if (scored === phrase.polarity) right += 1;
      const key = `${phrase.polarity}→${scored}`;
      confusion.set(key, (confusion.get(key) ?? 0) + 1);
    }
    rows.push({ lang, right, total: book.length, confusion });
  }
  return rows;
}

const rows = await measure();
console.log('lang  right  accuracy  ' + TONES.map((t) => t.slice(0, 3).padStart(16)).join(''));
for (const { lang, right, total, confusion } of rows) {
  const cells = TONES.map((written) =>
    TONES.map((scored) => String(confusion.get(`${written}→${scored}`) ?? 0))
      .join('/')
      .padStart(16),
  ).join('');
  console.log(
    `${lang.padEnd(4)}  ${`${right}/${total}`.padStart(5)}  ${`${Math.round((100 * right) / total)} %`.padStart(8)}  ${cells}`,
  );
}
const right = rows.reduce((n, r) => n + r.right, 0);
const total = rows.reduce((n, r) => n + r.total, 0);
console.log(
  `all   ${`${right}/${total}`.padStart(5)}  ${`${Math.round((100 * right) / total)} %`.padStart(8)}`,
);
console.log('(each cell: a written tone scored as negative/neutral/positive)');
