import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditFact } from '../../../shared';
import { chainEntry } from '../../audit/audit-chain';
import type { AuditHead } from '../../audit/audit-chain';
import { verifyAudit } from '../../audit/audit-files';
import { useCleanups } from '../../test/inbox-harness';
import { tempDir } from '../../test/fixtures';
import { ManualClock, dateOf } from '../../time/clock';
import { openMigrated } from './import-files';
import type { ImportProgress } from './import-files';

const cleanup = useCleanups();
const clock = new ManualClock(Date.UTC(2026, 10, 20, 9));

const fact = (i: number): AuditFact => ({
  actor: 'agent:rita',
  client: 'browser',
  action: 'conversation.status',
  conversationId: `x:${i % 97}`,
  details: { from: 'new', to: i % 2 ? 'open' : 'done', note: 'é ✓ 🙂' },
});

/** A trail of `count` entries as the files kept it, one line each, written as it is made. */
async function writeTrail(dir: string, count: number): Promise<AuditHead | null> {
  const out = createWriteStream(join(dir, 'audit.jsonl'));
  let head: AuditHead | null = null;
  const start = Date.UTC(2026, 5, 1);
  let lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const entry = chainEntry(head, fact(i), new Date(start + i * 1000));
    head = { seq: entry.seq, hash: entry.hash };
    lines.push(JSON.stringify(entry) + '\n');
    if (lines.length === 1000) {
      if (!out.write(lines.join(''))) await new Promise<void>((r) => out.once('drain', () => r()));
      lines = [];
    }
  }
  out.end(lines.join(''));
  await new Promise<void>((r) => out.once('finish', () => r()));
  return head;
}

async function folder(): Promise<string> {
  const { dir, cleanup: remove } = await tempDir();
  cleanup(remove);
  return dir;
}

async function openedOn(dir: string, onProgress?: (p: ImportProgress) => void) {
  const opened = await openMigrated(dir, { clock, ...(onProgress ? { onProgress } : {}) });
  cleanup(() => opened.store.close());
  return opened;
}

const verdictOf = async (dir: string) => {
  const { checkedAt: _at, ...verdict } = await verifyAudit(dir, clock);
  return verdict;
};

/** The store takes the next entry after the imported trail, whatever state the trail was in. */
async function goesOn(store: Awaited<ReturnType<typeof openedOn>>['store'], after: AuditHead) {
  const [next] = (await store.commit([fact(0)], [])) as [AuditEntry];
  expect(next).toMatchObject({ seq: after.seq + 1, prev: after.hash });
}

describe('the import of the audit trail', () => {
  it('streams a long trail into the store, with the same head and the same verdict', async () => {
    const dir = await folder();
    const head = (await writeTrail(dir, 50_000))!;
    await writeFile(join(dir, 'audit-head.json'), JSON.stringify(head));
    const files = await verdictOf(dir);
    expect(files).toEqual({ intact: true, entries: 50_000, brokenAt: null, reason: null });

    const progress: ImportProgress[] = [];
    const { store, imported } = await openedOn(dir, (p) => progress.push(p));
    expect(imported).toMatchObject({ counts: { audit: 50_000 }, head, audit: files });
    expect(store.audit.head()).toEqual(head);
    expect(await store.audit.verify(dateOf(clock))).toMatchObject(files);
    expect(await store.audit.ofConversation('x:5')).toHaveLength(Math.ceil((50_000 - 5) / 97));
    // Read a chunk at a time: the bytes read so far are told as they grow.
    const audit = progress.filter((p) => p.phase === 'audit');
    expect(audit.length).toBeGreaterThan(5);
    expect(audit.at(-1)).toMatchObject({ done: audit.at(-1)!.total, unit: 'bytes' });
    await goesOn(store, head);
    expect(await store.audit.verify(dateOf(clock))).toMatchObject({ intact: true });
  }, 120_000);

  it('goes on from the last entry when the head file was written before it (a crash between them)', async () => {
    const dir = await folder();
    const head = (await writeTrail(dir, 10))!;
    const { lines } = await trailLines(dir);
    const eighth = JSON.parse(lines[7]!) as AuditEntry;
    await writeFile(
      join(dir, 'audit-head.json'),
      JSON.stringify({ seq: eighth.seq, hash: eighth.hash }),
    );
    expect(await verdictOf(dir)).toMatchObject({ intact: true, entries: 10 });
    const { store, imported } = await openedOn(dir);
    expect(imported).toMatchObject({ head, audit: { intact: true, entries: 10 } });
    await goesOn(store, head);
    expect(await store.audit.verify(dateOf(clock))).toMatchObject({ intact: true, entries: 11 });
  });

  it('leaves out a last line a crash cut short, as the files do', async () => {
    const dir = await folder();
    const head = (await writeTrail(dir, 5))!;
    await writeFile(join(dir, 'audit.jsonl'), '{"seq":6,"at":"2026-', { flag: 'a' });
    const { store, imported } = await openedOn(dir);
    expect(imported).toMatchObject({ head, audit: { intact: true, entries: 5 } });
    await goesOn(store, head);
  });

  const edits: [string, (lines: string[]) => string[], AuditHeadFile?][] = [
    ['an entry changed after it was written', (l) => l.map((x, i) => (i === 3 ? changed(x) : x))],
    ['a line that is not JSON', (l) => l.map((x, i) => (i === 4 ? x.slice(0, 30) : x))],
    ['a line removed from the middle', (l) => l.filter((_, i) => i !== 2)],
    ['a line written twice', (l) => [...l.slice(0, 5), l[4]!, ...l.slice(5)]],
    ['a blank line in the middle', (l) => [...l.slice(0, 5), '', ...l.slice(5)]],
    ['two blank lines at the end', (l) => [...l, '', '']],
    ['a last line that is not an entry', (l) => [...l.slice(0, -1), '{"seq":"ten"}']],
    ['entries removed from the end', (l) => l.slice(0, 6), 'kept'],
    ['a whole trail removed', () => [], 'kept'],
  ];
  type AuditHeadFile = 'kept';

  it.each(edits)(
    'imports a trail with %s as it is, and says it is broken as the files say it',
    async (_what, edit, headFile) => {
      const dir = await folder();
      const head = (await writeTrail(dir, 10))!;
      if (headFile === 'kept') await writeFile(join(dir, 'audit-head.json'), JSON.stringify(head));
      const { lines } = await trailLines(dir);
      const edited = edit(lines);
      await writeFile(join(dir, 'audit.jsonl'), edited.map((l) => l + '\n').join(''));
      const files = await verdictOf(dir);
      expect(files.intact).toBe(false);

      const { store, imported } = await openedOn(dir);
      expect(imported!.audit).toEqual(files);
      expect(imported!.counts.audit).toBe(edited.length);
      expect(await store.audit.verify(dateOf(clock))).toMatchObject(files);
      // The inbox keeps working on a trail someone edited, as it did on the files.
      await goesOn(store, store.audit.head()!);
      expect(store.audit.head()!.seq).toBeGreaterThanOrEqual(edited.length);
    },
  );

  it('keeps a blank last line out of the store, as the files allow it', async () => {
    const dir = await folder();
    const head = (await writeTrail(dir, 4))!;
    await writeFile(join(dir, 'audit.jsonl'), '\n', { flag: 'a' });
    expect(await verdictOf(dir)).toMatchObject({ intact: true, entries: 4 });
    const { store, imported } = await openedOn(dir);
    expect(imported).toMatchObject({ head, counts: { audit: 4 }, audit: { intact: true } });
    await goesOn(store, head);
    expect(await store.audit.verify(dateOf(clock))).toMatchObject({ intact: true, entries: 5 });
  });
});

async function trailLines(dir: string): Promise<{ lines: string[] }> {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(join(dir, 'audit.jsonl'), 'utf8');
  return { lines: text.split('\n').filter(Boolean) };
}

/** The line with its details changed, its hash left as it was. */
function changed(line: string): string {
  const entry = JSON.parse(line) as AuditEntry;
  return JSON.stringify({ ...entry, details: { ...entry.details, to: 'spam' } });
}
