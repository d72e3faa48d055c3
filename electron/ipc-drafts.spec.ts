import { describe, expect, it } from 'vitest';
import { InboxError, apiMethods } from '../src/shared';
import type { ApiInput, InboxClient } from '../src/shared';
import { resolveAppPage } from './app-page';
import { createIpcDispatcher, createSenderCheck } from './ipc';
import type { SenderInfo } from './ipc';

const page = resolveAppPage({ indexFile: '/opt/social-inbox/out/renderer/index.html' });
const trusted: SenderInfo = {
  appWindowMainFrame: true,
  url: 'file:///opt/social-inbox/out/renderer/index.html',
};

/** An inbox that translates drafts only, recording what it is given. */
function setup(answer: () => Promise<unknown>) {
  const calls: unknown[] = [];
  const api = Object.fromEntries(
    Object.keys(apiMethods).map((name) => [
      name,
      async (input: unknown) => {
        if (name !== 'translateDraft') throw new InboxError('internal', 'not in these tests');
        calls.push(input as ApiInput<'translateDraft'>);
        return answer();
      },
    ]),
  ) as unknown as InboxClient;
  const dispatch = createIpcDispatcher(
    { ...api, onEvent: () => () => undefined },
    createSenderCheck(page),
  );
  return { calls, dispatch };
}

describe('a draft translated over IPC', () => {
  it('passes a valid draft on, trimmed, and answers the translation', async () => {
    const { calls, dispatch } = setup(async () => ({
      text: 'Bedankt!',
      source: 'fr',
      target: 'nl',
      provider: 'deepl',
    }));
    const reply = await dispatch('replies:translate-draft', trusted, {
      conversationId: 'x:1',
      text: ' Merci ! ',
    });
    expect(reply).toEqual({
      ok: true,
      result: { text: 'Bedankt!', source: 'fr', target: 'nl', provider: 'deepl' },
    });
    expect(calls).toEqual([{ conversationId: 'x:1', text: 'Merci !' }]);
  });

  it('refuses an empty draft, an unknown language or a field too many without calling the inbox', async () => {
    const { calls, dispatch } = setup(async () => null);
    for (const input of [
      { conversationId: 'x:1', text: '  ' },
      { conversationId: 'x:1', text: 'Merci', target: 'pt' },
      { conversationId: 'x:1', text: 'Merci', key: 'deepl-key' },
    ]) {
      const reply = await dispatch('replies:translate-draft', trusted, input);
      expect(reply).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(calls).toEqual([]);
  });

  it('keeps the provider fault’s code for the composer to say', async () => {
    const { dispatch } = setup(async () => {
      throw new InboxError('translation_quota_exceeded', 'quota used up', { provider: 'deepl' });
    });
    const reply = await dispatch('replies:translate-draft', trusted, {
      conversationId: 'x:1',
      text: 'Merci',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'translation_quota_exceeded' } });
  });
});
