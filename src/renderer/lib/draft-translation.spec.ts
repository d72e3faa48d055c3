import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InboxError } from '../../shared/errors';
import type { DraftTranslation } from '../../shared/translation';
import { DraftTranslationRun } from './draft-translation';
import type { DraftTranslationState } from './draft-translation';

/** A translation service that answers when told to, in the order it is told. */
function service() {
  const pending: {
    text: string;
    resolve: (t: DraftTranslation) => void;
    reject: (e: unknown) => void;
  }[] = [];
  return {
    pending,
    translate: (text: string) =>
      new Promise<DraftTranslation>((resolve, reject) => pending.push({ text, resolve, reject })),
    answer(index: number, text: string) {
      pending[index]!.resolve({ text, source: 'fr', target: 'nl', provider: 'deepl' });
    },
  };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('a draft translated as the agent writes', () => {
  let states: DraftTranslationState[];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    states = [];
  });
  afterEach(() => vi.useRealTimers());

  it('waits for the draft to rest, then asks once for its latest text', async () => {
    const svc = service();
    const run = new DraftTranslationRun({
      translate: svc.translate,
      onChange: (s) => states.push(s),
      restMs: 500,
    });
    run.changed('Bon');
    vi.advanceTimersByTime(300);
    run.changed('Bonjour');
    vi.advanceTimersByTime(499);
    expect(svc.pending).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(svc.pending.map((p) => p.text)).toEqual(['Bonjour']);
    expect(run.current).toEqual({ phase: 'translating', for: 'Bonjour' });
    svc.answer(0, 'Hallo');
    await settle();
    expect(run.current).toMatchObject({ phase: 'done', for: 'Bonjour', result: { text: 'Hallo' } });
  });

  it('drops an older answer that arrives after a newer request', async () => {
    const svc = service();
    const run = new DraftTranslationRun({ translate: svc.translate, onChange: () => undefined });
    void run.now('Bonjour');
    void run.now('Bonjour à tous');
    svc.answer(1, 'Hallo allemaal');
    await settle();
    svc.answer(0, 'Hallo');
    await settle();
    expect(run.current).toMatchObject({ phase: 'done', result: { text: 'Hallo allemaal' } });
  });

  it('cancels: the answer on its way is dropped, and a pending one is not asked', async () => {
    const svc = service();
    const run = new DraftTranslationRun({ translate: svc.translate, onChange: () => undefined });
    void run.now('Bonjour');
    run.cancel();
    expect(run.current).toEqual({ phase: 'cancelled', for: 'Bonjour' });
    svc.answer(0, 'Hallo');
    await settle();
    expect(run.current.phase).toBe('cancelled');
    run.changed('Merci');
    run.cancel();
    vi.advanceTimersByTime(5000);
    expect(svc.pending).toHaveLength(1);
  });

  it('keeps the fault for the composer to say, and asks nothing for an empty draft', async () => {
    const svc = service();
    const run = new DraftTranslationRun({ translate: svc.translate, onChange: () => undefined });
    run.changed('   ');
    await run.now('');
    vi.advanceTimersByTime(5000);
    expect(svc.pending).toHaveLength(0);
    void run.now('Bonjour');
    const quota = new InboxError('translation_quota_exceeded', 'used up', { provider: 'deepl' });
    svc.pending[0]!.reject(quota);
    await settle();
    expect(run.current).toEqual({ phase: 'failed', for: 'Bonjour', error: quota });
  });
});
