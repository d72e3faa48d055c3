import { basename } from 'node:path';
import { isoOf } from '../time/clock';
import { writeAll, writeFileAtomic } from './durable-write';
import { isMissing } from './file-system';
import type { Storage } from './file-system';

/** What reading a JSON-lines file found. */
export interface JsonlContent {
  /** Its whole, readable, non-empty lines, in order. */
  lines: string[];
  /** The file's length once repaired (where the next append goes). */
  size: number;
  /** Set when a torn last line could not be cut off: cut the file to this length before appending. */
  cutTo: number | null;
}

export interface ReadOptions {
  /** `all`: every line must be JSON; `tail`: only a torn last line is set aside (the audit trail). */
  check: 'all' | 'tail';
  /** Set bad lines aside and repair the file (at open); false only skips them (a re-read). */
  repair: boolean;
}

interface BadLine {
  line: number;
  text: string;
  torn: boolean;
}

/**
 * Reads a JSON-lines file. A last line without its newline (a write cut short by a crash or a full
 * disk) and, with `check: 'all'`, any line that is not valid JSON, wherever it is, are moved to a side
 * file `<file>.corrupt-<time>` and the file is repaired (the torn end cut off, or the file rewritten
 * without the bad lines), with a console message naming the file and the lines. The rest opens.
 */
export async function readJsonl(
  storage: Storage,
  path: string,
  options: ReadOptions,
): Promise<JsonlContent> {
  let text: string;
  try {
    text = await storage.fs.readFile(path);
  } catch (err) {
    if (isMissing(err)) return { lines: [], size: 0, cutTo: null };
    throw err;
  }
  const parts = text.split('\n');
  const tail = parts.pop() ?? '';
  const lines: string[] = [];
  const bad: BadLine[] = [];
  parts.forEach((line, i) => {
    if (line.length === 0) return;
    if (options.check === 'all' && !isJson(line))
      bad.push({ line: i + 1, text: line, torn: false });
    else lines.push(line);
  });
  if (tail.length > 0) bad.push({ line: parts.length + 1, text: tail, torn: true });
  const whole = Buffer.byteLength(text) - Buffer.byteLength(tail);
  if (bad.length === 0) return { lines, size: whole, cutTo: null };
  if (!options.repair) return { lines, size: whole, cutTo: whole };
  return setAside(storage, path, { lines, whole, bad });
}

async function setAside(
  storage: Storage,
  path: string,
  found: { lines: string[]; whole: number; bad: BadLine[] },
): Promise<JsonlContent> {
  const { lines, whole, bad } = found;
  const side = `${path}.corrupt-${isoOf(storage.clock).replace(/[:.]/g, '-')}`;
  const which = bad
    .map((b) => `line ${b.line} (${b.torn ? 'cut short' : 'not valid JSON'})`)
    .join(', ');
  try {
    const out = await storage.fs.open(side, 'a');
    try {
      await writeAll(out, Buffer.from(bad.map((b) => b.text + '\n').join('')), side);
      await out.datasync();
    } finally {
      await out.close();
    }
    if (bad.every((b) => b.torn)) {
      await storage.fs.truncate(path, whole);
      console.warn(`${path}: ${which} set aside in ${basename(side)}; the rest is kept`);
      return { lines, size: whole, cutTo: null };
    }
    const kept = lines.map((l) => l + '\n').join('');
    await writeFileAtomic(storage, path, kept);
    console.warn(`${path}: ${which} set aside in ${basename(side)}; the rest is kept`);
    return { lines, size: Buffer.byteLength(kept), cutTo: null };
  } catch (err) {
    // A folder that cannot be written now: the readable lines open all the same; a torn end is
    // cut off before the next append, and the bad lines stay where they are until the next start.
    console.warn(
      `${path}: ${which} could not be set aside (${(err as Error).message}); they are skipped`,
    );
    return { lines, size: whole, cutTo: whole };
  }
}

function isJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}
