import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isMissing } from '../file-system';

/**
 * The whole lines of a file (each ended by a newline), read in chunks: memory holds a chunk and
 * the line being read, however large the file. A last line without its newline is a write a crash
 * cut short and is left out, as the stores that wrote the file leave it out. A missing file has no
 * lines. `onRead` is told how many bytes were read so far, once per chunk.
 */
export async function* linesOf(
  path: string,
  onRead?: (bytes: number) => void,
): AsyncGenerator<string> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  let rest = '';
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      yield* lines;
      onRead?.(stream.bytesRead);
    }
  } catch (err) {
    if (!isMissing(err)) throw err;
  } finally {
    stream.destroy();
  }
}

/** A file's size in bytes (0 when it is missing). */
export async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (err) {
    if (isMissing(err)) return 0;
    throw err;
  }
}

/** The value of a line of JSON, or undefined when the line is not JSON. */
export function parsedLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

/** The conversations of a data folder of files: a snapshot, and the journal of changes since. */
export const SNAPSHOT_FILE = 'conversations.json';
export const JOURNAL_FILE = 'conversations.jsonl';
