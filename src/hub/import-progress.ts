import type { ImportProgress } from '../core/store/sql/import-readers';

/**
 * Says on the console how far the one-time move of a data folder of files into the store (or the
 * store's upgrade after an update) is: each phase when it starts, then every tenth of it (a large
 * folder takes minutes).
 */
export function importProgressLine(write: (line: string) => void): (p: ImportProgress) => void {
  let phase = '';
  let tenth = -1;
  return (p) => {
    const share = p.total ? Math.floor((p.done / p.total) * 10) : -1;
    if (p.phase === phase && share <= tenth) return;
    phase = p.phase;
    tenth = share;
    const amount =
      p.total != null
        ? `${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} ${p.unit}`
        : `${p.done.toLocaleString('en')} ${p.unit}`;
    write(
      p.phase === 'upgrading'
        ? `Bringing inbox.db up to date: ${amount}`
        : `Moving the data folder into inbox.db: ${p.phase}, ${amount}`,
    );
  };
}
