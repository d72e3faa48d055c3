import { describe, expect, it } from 'vitest';
import { createSerialChanges } from './serial-changes';

interface Conv {
  id: string;
  version: number;
}

/** A write the test finishes by hand, so it can see what waits for what. */
function deferredWrites() {
  const calls: { id: string; version: number; finish: (v: number) => void; fail: () => void }[] =
    [];
  const write = (id: string, version: number) =>
    new Promise<Conv>((resolve, reject) => {
      calls.push({
        id,
        version,
        finish: (v) => resolve({ id, version: v }),
        fail: () => reject(new Error('conflict')),
      });
    });
  return { calls, write };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** Two changes made at once on version 3 of the conversation shown. */
async function twoChangesAtOnce() {
  const changes = createSerialChanges<Conv>();
  const { calls, write } = deferredWrites();
  const shown = { id: 'c1', version: 3 };
  const first = changes.send(shown, () => shown, write);
  const second = changes.send(shown, () => shown, write);
  await tick();
  return { calls, first, second };
}

describe('createSerialChanges', () => {
  it('sends a change made during another one after it, on the version that one left', async () => {
    const { calls, first, second } = await twoChangesAtOnce();
    expect(calls.map((c) => c.version)).toEqual([3]);
    calls[0]!.finish(4);
    await expect(first).resolves.toEqual({ id: 'c1', version: 4 });
    await tick();
    // The screen still shows version 3: the second change goes on 4 all the same.
    expect(calls.map((c) => c.version)).toEqual([3, 4]);
    calls[1]!.finish(5);
    await expect(second).resolves.toEqual({ id: 'c1', version: 5 });
  });

  it('goes on what is shown when someone else changed the conversation since', async () => {
    const changes = createSerialChanges<Conv>();
    const { calls, write } = deferredWrites();
    let shown = { id: 'c1', version: 3 };
    const acted = shown;
    void changes.send(acted, () => shown, write);
    await tick();
    calls[0]!.finish(4);
    await tick();
    shown = { id: 'c1', version: 9 };
    void changes.send(acted, () => shown, write);
    await tick();
    expect(calls[1]!.version).toBe(9);
  });

  it('sends a change to the conversation the user acted on, even when another is shown by then', async () => {
    const changes = createSerialChanges<Conv>();
    const { calls, write } = deferredWrites();
    let shown = { id: 'c1', version: 3 };
    void changes.send(shown, () => shown, write);
    const acted = { id: 'c1', version: 3 };
    void changes.send(acted, () => shown, write);
    shown = { id: 'c2', version: 40 };
    await tick();
    calls[0]!.finish(4);
    await tick();
    expect(calls[1]).toMatchObject({ id: 'c1', version: 4 });
  });

  it('a failed change does not hold back the next', async () => {
    const { calls, first, second } = await twoChangesAtOnce();
    calls[0]!.fail();
    await expect(first).rejects.toThrow('conflict');
    await tick();
    expect(calls[1]!.version).toBe(3);
    calls[1]!.finish(4);
    await expect(second).resolves.toEqual({ id: 'c1', version: 4 });
  });
});
