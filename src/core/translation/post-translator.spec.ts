import { describe, expect, it } from 'vitest';
import type { Agent, CallContext } from '../../shared';
import type { InboxError } from '../../shared';
import type { ScenarioInput } from '../../emulator/scenario';
import { inboxOnEmulator, useCleanups } from '../test/inbox-harness';
import { smallScenario } from '../test/scenario';
import { MemorySecretStore } from '../secrets/secret-store';
import { StoreFaults } from '../test/store-faults';
import { TRANSLATION_KEY_REFS } from './translation-provider';
import { TRANSLATION_DEFAULTS } from './translation-settings';

const GIULIA = 'facebook:5001_9004';
const IT = 'Io compro il vostro caffè da anni e sono molto delusa da questa storia.';
const FR = 'J’achète votre café depuis des années et je suis très déçue par cette histoire.';
const EN = 'I have been buying your coffee for years and I am very disappointed by this story.';

function scenario(limit = 500_000): ScenarioInput {
  return {
    ...smallScenario(),
    translation: {
      deepl: { auth_keys: [{ key: 'deepl-test-key:fx', character_limit: limit }] },
      phrases: [
        {
          polarity: 'negative',
          texts: {
            it: IT,
            fr: FR,
            en: EN,
            de: 'Ich kaufe seit Jahren euren Kaffee und bin von dieser Geschichte sehr enttäuscht.',
            nl: 'Ik koop al jaren jullie koffie en ben erg teleurgesteld door dit verhaal.',
            es: 'Compro vuestro café desde hace años y estoy muy decepcionada con esta historia.',
          },
        },
      ],
    },
  };
}

const camille: Agent = {
  id: 'camille',
  name: 'Camille Laurent',
  role: 'agent',
  languages: ['fr', 'en'],
};
const as = (agent: Agent): CallContext => ({ agent, client: 'browser' });

/** An inbox whose translations go to the emulator's DeepL, with its key in the secret store. */
async function inbox(
  cleanup: ReturnType<typeof useCleanups>,
  options: { limit?: number; key?: boolean } = {},
) {
  const secrets = new MemorySecretStore();
  if (options.key ?? true) await secrets.set(TRANSLATION_KEY_REFS.deepl, 'deepl-test-key:fx');
  return inboxOnEmulator(cleanup, {
    scenario: scenario(options.limit),
    sync: ['facebook'],
    service: (emulator) => ({
      secrets,
      translation: {
        ...TRANSLATION_DEFAULTS,
        provider: 'deepl',
        deeplServerUrl: emulator.deeplBaseUrl,
        timeoutMs: 2000,
      },
    }),
  });
}

describe('a post translated on demand', () => {
  const cleanup = useCleanups();

  it('translates into the agent’s language, keeps it, and answers the next ask from the store', async () => {
    const { service, emulator } = await inbox(cleanup);
    const first = await service.translatePost({ postId: GIULIA }, as(camille));
    expect(first).toMatchObject({
      postId: GIULIA,
      target: 'fr',
      text: FR,
      source: 'it',
      provider: 'deepl',
    });
    const english = await service.translatePost({ postId: GIULIA, target: 'en' }, as(camille));
    expect(english.text).toBe(EN);
    const used = await usage(emulator.deeplBaseUrl);
    const again = await service.translatePost({ postId: GIULIA }, as(camille));
    expect(again).toEqual(first);
    expect(await usage(emulator.deeplBaseUrl)).toBe(used);
    expect(used).toBe(2 * [...IT].length);
  });

  it('records who had the post translated in the audit trail, in the commit that keeps it', async () => {
    const { service, store } = await inbox(cleanup);
    const post = (await store().posts.get(GIULIA))!;
    const trail = async () =>
      (await store().audit.ofConversation(post.conversationId)).filter(
        (e) => e.action === 'post.translated',
      );
    await service.translatePost({ postId: GIULIA }, as(camille));
    expect(await trail()).toMatchObject([
      {
        actor: 'camille',
        client: 'browser',
        details: { postId: GIULIA, source: 'it', target: 'fr', provider: 'deepl' },
      },
    ]);
    // Read from the store the next time: nothing kept, nothing recorded again.
    await service.translatePost({ postId: GIULIA }, as(camille));
    expect(await trail()).toHaveLength(1);
    // A store that refuses the write keeps neither the translation nor its entry.
    const faults = new StoreFaults(store);
    const head = await store().audit.headSeq();
    faults.readOnly();
    const refused = await service
      .translatePost({ postId: GIULIA, target: 'en' }, as(camille))
      .catch((e) => e);
    expect((refused as InboxError).code).toBe('storage_unavailable');
    faults.clear();
    expect(await store().translations.get(GIULIA, 'en')).toBeUndefined();
    expect(await store().audit.headSeq()).toBe(head);
    await service.translatePost({ postId: GIULIA, target: 'en' }, as(camille));
    expect((await trail()).map((e) => e.details.target)).toEqual(['fr', 'en']);
    expect((await store().translations.get(GIULIA, 'en'))?.text).toBe(EN);
  });

  it('answers a used-up quota with its typed error and keeps nothing, and an unknown post with not_found', async () => {
    const { service, store } = await inbox(cleanup, { limit: 10 });
    const quota = await service.translatePost({ postId: GIULIA }, as(camille)).catch((e) => e);
    expect((quota as InboxError).code).toBe('translation_quota_exceeded');
    expect(await store().translations.get(GIULIA, 'fr')).toBeUndefined();
    const missing = await service
      .translatePost({ postId: 'facebook:nope' }, as(camille))
      .catch((e) => e);
    expect((missing as InboxError).code).toBe('not_found');
  });

  it('says no key is set, and that no service is configured, without asking anyone', async () => {
    const { service } = await inbox(cleanup, { key: false });
    const noKey = await service.translatePost({ postId: GIULIA }, as(camille)).catch((e) => e);
    expect((noKey as InboxError).code).toBe('translation_key_refused');
    const { service: off } = await inboxOnEmulator(cleanup, {
      scenario: scenario(),
      sync: ['facebook'],
    });
    const none = await off.translatePost({ postId: GIULIA }, as(camille)).catch((e) => e);
    expect((none as InboxError).code).toBe('translation_unavailable');
  });
});

async function usage(base: string): Promise<number> {
  const res = await fetch(`${base}/v2/usage`, {
    headers: { authorization: 'DeepL-Auth-Key deepl-test-key:fx' },
  });
  return ((await res.json()) as { character_count: number }).character_count;
}
