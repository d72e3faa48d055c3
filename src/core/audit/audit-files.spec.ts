import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditFact } from '../../shared';
import { chainEntry } from './audit-chain';
import type { AuditHead } from './audit-chain';
import { AUDIT_FILE, AUDIT_HEAD_FILE, verifyAudit } from './audit-files';

const run = promisify(execFile);

const fact = (n: number, overrides: Partial<AuditFact> = {}): AuditFact => ({
  action: 'conversation.status',
  actor: 'agent-1',
  client: 'browser',
  conversationId: `x:${n}`,
  details: { from: 'new', to: 'open', note: `change ${n}` },
  ...overrides,
});

describe('the audit trail of a data folder of files (audit.jsonl)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A trail of n entries as the inbox of files wrote it: the lines, and the head beside them. */
  async function written(n: number): Promise<string[]> {
    let head: AuditHead | null = null;
    const lines: string[] = [];
    for (let i = 1; i <= n; i++) {
      const entry = chainEntry(head, fact(i), new Date(Date.UTC(2026, 10, 20, 9, i)));
      lines.push(JSON.stringify(entry));
      head = { seq: entry.seq, hash: entry.hash };
    }
    await rewrite(lines);
    await writeFile(join(dir, AUDIT_HEAD_FILE), JSON.stringify(head));
    return lines;
  }

  async function rewrite(lines: string[]): Promise<void> {
    await writeFile(join(dir, AUDIT_FILE), lines.map((l) => l + '\n').join(''));
  }

  it('chains each entry to the one before it and checks out intact', async () => {
    const lines = await written(5);
    const entries = lines.map((l) => JSON.parse(l) as { seq: number; prev: string; hash: string });
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]?.prev).toBe('0'.repeat(64));
    for (let i = 1; i < entries.length; i++) expect(entries[i]?.prev).toBe(entries[i - 1]?.hash);
    const check = await verifyAudit(dir);
    expect(check).toMatchObject({ intact: true, entries: 5, brokenAt: null, reason: null });
  });

  it('names the first entry whose text was changed', async () => {
    const lines = await written(5);
    lines[2] = lines[2]!.replace('change 3', 'change 9');
    await rewrite(lines);
    const check = await verifyAudit(dir);
    expect(check).toMatchObject({ intact: false, brokenAt: 3, entries: 2 });
    expect(check.reason).toMatch(/changed after it was written/);
  });

  it('detects a line removed from the middle, swapped lines, and a rehashed forgery', async () => {
    const lines = await written(4);
    await rewrite([lines[0]!, lines[2]!, lines[3]!]);
    expect(await verifyAudit(dir)).toMatchObject({ intact: false, brokenAt: 2 });

    await rewrite([lines[0]!, lines[2]!, lines[1]!, lines[3]!]);
    expect(await verifyAudit(dir)).toMatchObject({ intact: false, brokenAt: 2 });

    // A forger who recomputes the changed entry's own hash still breaks the next one's `prev`.
    const { hashOf } = await import('./audit-chain');
    const forged = JSON.parse(lines[1]!) as Record<string, unknown>;
    forged.actor = 'someone-else';
    delete forged.hash;
    forged.hash = hashOf(forged as never);
    await rewrite([lines[0]!, JSON.stringify(forged), lines[2]!, lines[3]!]);
    expect(await verifyAudit(dir)).toMatchObject({ intact: false, brokenAt: 3 });
  });

  it('detects entries removed from the end, which the chain alone cannot show', async () => {
    const lines = await written(4);
    await rewrite(lines.slice(0, 2));
    const check = await verifyAudit(dir);
    expect(check.intact).toBe(false);
    expect(check.reason).toMatch(/ends at entry 2 but reached entry 4/);
    expect(JSON.parse(await readFile(join(dir, AUDIT_HEAD_FILE), 'utf8'))).toMatchObject({
      seq: 4,
    });
  });

  it('takes a final line torn by a crash for an unfinished write, not tampering', async () => {
    await written(3);
    await appendFile(join(dir, AUDIT_FILE), '{"seq":4,"at":"2026-');
    expect(await verifyAudit(dir)).toMatchObject({ intact: true, entries: 3 });
  });

  describe('npm run verify', () => {
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'scripts/verify.ts', ...args], {
        cwd: join(import.meta.dirname, '../../..'),
      }).then(
        ({ stdout }) => ({ code: 0, out: stdout }),
        (err: { code: number; stdout: string; stderr: string }) => ({
          code: err.code,
          out: err.stdout + err.stderr,
        }),
      );

    it('exits 0 on an intact trail, 1 naming the first broken entry, 2 without one', async () => {
      const lines = await written(3);
      expect(await cli('--data', dir)).toMatchObject({
        code: 0,
        out: expect.stringMatching(/intact: 3 entries/),
      });

      lines[1] = lines[1]!.replace('"agent-1"', '"agent-2"');
      await rewrite(lines);
      const broken = await cli('--data', dir);
      expect(broken.code).toBe(1);
      expect(broken.out).toMatch(/BROKEN at entry 2/);

      expect((await cli('--data', join(dir, 'nowhere'))).code).toBe(2);
      expect((await cli()).code).toBe(2);
    });
  });
});
