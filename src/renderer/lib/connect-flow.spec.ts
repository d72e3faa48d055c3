import { describe, expect, it } from 'vitest';
import { InboxError } from '../../shared/errors';
import type { ConnectResult } from '../../shared/api';
import { ConnectFlow } from './connect-flow';
import type { ConnectStep } from './connect-flow';
import { account } from '../../shared/test-fixtures';

const FLOW = '2f1c8a52-4c1e-4a53-9d55-1e0b1f7f8a10';

/** A stand-in for the inbox's connect calls; `finish` settles the browser step when the test says. */
function fakeApi(result: () => Promise<ConnectResult>, opened = false) {
  const calls: string[] = [];
  return {
    calls,
    api: {
      startConnect: async ({ platform }: { platform: 'x' | 'facebook' }) => {
        calls.push(`start ${platform}`);
        return { flowId: FLOW, platform, authorizeUrl: `https://example.test/${platform}`, opened };
      },
      finishConnect: async () => {
        calls.push('finish');
        return result();
      },
      connectPages: async ({ pageIds }: { pageIds: string[] }) => {
        calls.push(`pages ${pageIds.join(',')}`);
        return pageIds.map((id) => account({ id: `facebook:${id}`, platform: 'facebook' }));
      },
      cancelConnect: async () => {
        calls.push('cancel');
        return { done: true as const };
      },
    },
  };
}

function run(api: ReturnType<typeof fakeApi>['api']) {
  const steps: ConnectStep['step'][] = [];
  const opened: string[] = [];
  const flow = new ConnectFlow(
    api,
    (url) => opened.push(url),
    (s) => steps.push(s.step),
  );
  return { flow, steps, opened };
}

describe('the connect flow', () => {
  it('opens the sign-in page, waits, and ends connected', async () => {
    const { api, calls } = fakeApi(async () => ({ status: 'connected', accounts: [account()] }));
    const { flow, steps, opened } = run(api);
    await flow.start('x');
    expect(opened).toEqual(['https://example.test/x']);
    expect(calls).toEqual(['start x', 'finish']);
    expect(steps).toEqual(['idle', 'starting', 'browser', 'done']);
    expect(flow.state).toMatchObject({ step: 'done', accounts: [{ id: 'x:1' }] });
  });

  it('does not open the page twice when the host already did', async () => {
    const { api } = fakeApi(async () => ({ status: 'connected', accounts: [] }), true);
    const { flow, opened } = run(api);
    await flow.start('x');
    expect(opened).toEqual([]);
  });

  it('lets the user choose Pages on Facebook', async () => {
    const { api, calls } = fakeApi(async () => ({
      status: 'choose-pages',
      flowId: FLOW,
      pages: [
        { id: '11', name: 'A', connected: false },
        { id: '12', name: 'B', connected: true },
      ],
    }));
    const { flow } = run(api);
    await flow.start('facebook');
    expect(flow.state).toMatchObject({ step: 'choose-pages', pages: [{ id: '11' }, { id: '12' }] });
    await flow.choosePages(['11']);
    expect(calls).toEqual(['start facebook', 'finish', 'pages 11']);
    expect(flow.state).toMatchObject({ step: 'done', accounts: [{ id: 'facebook:11' }] });
  });

  it('shows the inbox error when the sign-in fails', async () => {
    const { api } = fakeApi(async () => {
      throw new InboxError('forbidden', 'X access was not granted: the account is not connected');
    });
    const { flow } = run(api);
    await flow.start('x');
    expect(flow.state).toEqual({
      step: 'failed',
      platform: 'x',
      message: 'X access was not granted: the account is not connected',
    });
  });

  it('cancels a sign-in in progress and ignores its late answer', async () => {
    let finish!: (r: ConnectResult) => void;
    const { api, calls } = fakeApi(() => new Promise((resolve) => (finish = resolve)));
    const { flow } = run(api);
    const started = flow.start('x');
    await new Promise((r) => setTimeout(r, 0));
    expect(flow.state.step).toBe('browser');
    await flow.cancel();
    finish({ status: 'connected', accounts: [account()] });
    await started;
    expect(flow.state).toEqual({ step: 'idle' });
    expect(calls).toEqual(['start x', 'finish', 'cancel']);
  });
});
