import { describe, expect, it } from 'vitest';
import type { Agent, CallContext, InboxError } from '../../shared';
import type { ScenarioInput } from '../../emulator/scenario';
import { inboxOnEmulator, useCleanups } from '../test/inbox-harness';
import { smallScenario } from '../test/scenario';
import { MemorySecretStore } from '../secrets/secret-store';
import { TRANSLATION_KEY_REFS } from './translation-provider';
import { TRANSLATION_DEFAULTS } from './translation-settings';

// The Dutch journalist's mention of the small scenario.
const DUTCH = `x:${smallScenario().x.tweets[4]!.id}`;
const FR = 'Bonjour, merci pour votre question. Notre café vient toujours de la même torréfaction.';
const NL = 'Hallo, bedankt voor je vraag. Onze koffie komt nog steeds van dezelfde branderij.';

function scenario(limit = 500_000): ScenarioInput {
  return {
    ...smallScenario(),
    translation: {
      deepl: { auth_keys: [{ key: 'deepl-test-key:fx', character_limit: limit }] },
      libretranslate: { api_keys: [], require_api_key: false, char_limit: 40 },
      phrases: [
        {
          texts: {
            fr: FR,
            nl: NL,
            en: 'Hello, thank you for your question. Our coffee still comes from the same roastery.',
            de: 'Hallo, danke für deine Frage. Unser Kaffee kommt weiterhin aus derselben Rösterei.',
            es: 'Hola, gracias por tu pregunta. Nuestro café sigue viniendo del mismo tostador.',
            it: 'Ciao, grazie per la domanda. Il nostro caffè viene sempre dalla stessa torrefazione.',
          },
        },
      ],
    },
  };
}

/** An agent who speaks French only. */
const amelie: Agent = { id: 'amelie', name: 'Amélie Roux', role: 'agent', languages: ['fr'] };
const as = (agent: Agent): CallContext => ({ agent, client: 'browser' });

async function inbox(
  cleanup: ReturnType<typeof useCleanups>,
  options: { limit?: number; key?: string | null; provider?: 'deepl' | 'libretranslate' } = {},
) {
  const secrets = new MemorySecretStore();
  const key = options.key === undefined ? 'deepl-test-key:fx' : options.key;
  if (key) await secrets.set(TRANSLATION_KEY_REFS.deepl, key);
  return inboxOnEmulator(cleanup, {
    scenario: scenario(options.limit),
    sync: ['x'],
    service: (emulator) => ({
      secrets,
      translation: {
        ...TRANSLATION_DEFAULTS,
        provider: options.provider ?? 'deepl',
        deeplServerUrl: emulator.deeplBaseUrl,
        libreTranslateUrl: emulator.libreTranslateBaseUrl,
        timeoutMs: 500,
      },
    }),
  });
}

const fault = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as InboxError,
  );

describe('a reply drafted in the agent’s language', () => {
  const cleanup = useCleanups();

  it('is translated into the conversation’s language, sent in it, and kept with its draft', async () => {
    const { service, emulator, store } = await inbox(cleanup);
    const draft = await service.translateDraft(
      { conversationId: DUTCH, text: `  ${FR}\n` },
      as(amelie),
    );
    expect(draft).toEqual({ text: NL, source: 'fr', target: 'nl', provider: 'deepl' });

    await service.sendReply(
      {
        conversationId: DUTCH,
        replyTo: DUTCH,
        text: draft.text,
        translation: { draft: FR, draftLanguage: 'fr', language: 'nl', provider: 'deepl' },
      },
      as(amelie),
    );
    await service.replies().idle();
    // What reached the platform is the Dutch text, once.
    const tweets = emulator.writes().filter((w) => w.action === 'tweet');
    expect(tweets).toHaveLength(1);
    expect(tweets[0]!.text).toContain(NL);

    const [item] = service.replies().list();
    expect(item).toMatchObject({
      state: 'sent',
      text: NL,
      translation: {
        draft: FR,
        draftLanguage: 'fr',
        language: 'nl',
        provider: 'deepl',
        edited: false,
      },
    });
    const { actions } = await service.getConversation({ id: DUTCH });
    const replies = actions.filter((a) => a.action.startsWith('reply.'));
    expect(replies.map((a) => a.action)).toEqual(['reply.queued', 'reply.sent']);
    for (const entry of replies)
      expect(entry.details).toMatchObject({
        text: NL,
        language: 'nl',
        draft: FR,
        draftLanguage: 'fr',
        provider: 'deepl',
        translated: true,
      });
    const marked = await store().outbox.translated(
      '2000-01-01T00:00:00.000Z',
      '2100-01-01T00:00:00.000Z',
    );
    expect(marked.map((r) => r.key)).toEqual([item!.key]);
  });

  it('keeps what the agent changed in the translation, and a reply written in the customer’s language unmarked', async () => {
    const { service, store } = await inbox(cleanup);
    const edited = `${NL} Fijne dag!`;
    await service.sendReply(
      {
        conversationId: DUTCH,
        replyTo: DUTCH,
        text: edited,
        translation: {
          draft: FR,
          draftLanguage: 'fr',
          language: 'nl',
          provider: 'deepl',
          edited: true,
        },
      },
      as(amelie),
    );
    await service.sendReply(
      { conversationId: DUTCH, replyTo: DUTCH, text: 'Dank je wel!' },
      as(amelie),
    );
    const items = service.replies().list();
    expect(items[0]).toMatchObject({ text: edited, translation: { edited: true } });
    expect(items[1]!.translation).toBeUndefined();
    const marked = await store().outbox.translated(
      '2000-01-01T00:00:00.000Z',
      '2100-01-01T00:00:00.000Z',
    );
    expect(marked.map((r) => r.text)).toEqual([edited]);
  });

  it('answers each provider fault with its typed error, and an unknown conversation with not_found', async () => {
    const { service, emulator } = await inbox(cleanup, { limit: 10 });
    const ask = () => service.translateDraft({ conversationId: DUTCH, text: FR }, as(amelie));
    expect((await fault(ask()))?.code).toBe('translation_quota_exceeded');
    emulator.injectFault({ platform: 'deepl', kind: 'timeout' });
    expect((await fault(ask()))?.code).toBe('translation_timeout');
    emulator.injectFault({ platform: 'deepl', kind: 'error', status: 403 });
    expect((await fault(ask()))?.code).toBe('translation_key_refused');
    const missing = await fault(
      service.translateDraft({ conversationId: 'x:404', text: FR }, as(amelie)),
    );
    expect(missing?.code).toBe('not_found');
    // Nothing was queued by any of them.
    expect(service.replies().list()).toEqual([]);
  });

  it('says a bad key, and a text past the service’s limit, through LibreTranslate too', async () => {
    const { service: wrongKey } = await inbox(cleanup, { key: 'not-a-key' });
    const refused = await fault(
      wrongKey.translateDraft({ conversationId: DUTCH, text: FR }, as(amelie)),
    );
    expect(refused?.code).toBe('translation_key_refused');
    expect(JSON.stringify(refused?.toBody())).not.toContain('not-a-key');
    const { service: libre } = await inbox(cleanup, { provider: 'libretranslate' });
    const long = await fault(libre.translateDraft({ conversationId: DUTCH, text: FR }, as(amelie)));
    expect(long?.code).toBe('translation_too_long');
  });

  it('refuses bad input before asking anyone', async () => {
    const { service } = await inbox(cleanup);
    await expect(
      service.translateDraft({ conversationId: DUTCH, text: '   ' }, as(amelie)),
    ).rejects.toThrow(/write the reply first/);
    await expect(
      service.translateDraft({ conversationId: DUTCH, text: FR, target: 'xx' as 'nl' }, as(amelie)),
    ).rejects.toThrow();
  });
});
