import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../emulator/scenario';
import { MemorySecretStore } from '../core/secrets/secret-store';
import { inboxOnEmulator, useCleanups } from '../core/test/inbox-harness';
import { smallScenario } from '../core/test/scenario';
import { TRANSLATION_KEY_REFS } from '../core/translation/translation-provider';
import { TRANSLATION_DEFAULTS } from '../core/translation/translation-settings';
import { createHubServer } from './server';

const GIULIA = 'facebook:5001_9004';
const IT = 'Io compro il vostro caffè da anni e sono molto delusa da questa storia.';
const NL = 'Ik koop al jaren jullie koffie en ben erg teleurgesteld door dit verhaal.';

function scenario(limit: number): ScenarioInput {
  return {
    ...smallScenario(),
    translation: {
      deepl: { auth_keys: [{ key: 'deepl-hub-key:fx', character_limit: limit }] },
      phrases: [
        {
          texts: {
            it: IT,
            nl: NL,
            fr: 'J’achète votre café depuis des années et je suis très déçue par cette histoire.',
            en: 'I have been buying your coffee for years and I am very disappointed by this story.',
            de: 'Ich kaufe seit Jahren euren Kaffee und bin von dieser Geschichte sehr enttäuscht.',
            es: 'Compro vuestro café desde hace años y estoy muy decepcionada con esta historia.',
          },
        },
      ],
    },
  };
}

describe('translating a post through the hub', () => {
  const cleanup = useCleanups();

  async function hub(limit = 500_000) {
    const secrets = new MemorySecretStore();
    await secrets.set(TRANSLATION_KEY_REFS.deepl, 'deepl-hub-key:fx');
    const { service } = await inboxOnEmulator(cleanup, {
      scenario: scenario(limit),
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
    const jan = await service.createAgent({ name: 'Jan de Wit', languages: ['nl', 'en'] });
    const ines = await service.createAgent({
      name: 'Inès Moreau',
      role: 'manager',
      languages: ['fr'],
    });
    const server = await createHubServer({
      api: service,
      authenticate: (t) => service.authenticate(t),
    });
    await server.listen({ host: '127.0.0.1', port: 0 });
    cleanup(() => server.close());
    const address = server.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return async (
      body: unknown,
      path = '/api/posts/translate',
      as: 'agent' | 'manager' = 'agent',
    ) => {
      const token = as === 'agent' ? jan.token : ines.token;
      const res = await fetch(`${base}${path}`, {
        method: body === null ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === null ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === null ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
  }

  it('answers the post in the calling agent’s first language', async () => {
    const translate = await hub();
    const answer = await translate({ postId: GIULIA });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      ok: true,
      result: { postId: GIULIA, target: 'nl', text: NL, source: 'it', provider: 'deepl' },
    });
  });

  it('refuses bad input with 400, and a used-up quota with 429 translation_quota_exceeded', async () => {
    const translate = await hub(10);
    const bad = await translate({ postId: GIULIA, target: 'pt' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const quota = await translate({ postId: GIULIA });
    expect(quota.status).toBe(429);
    expect(quota.body).toMatchObject({ ok: false, error: { code: 'translation_quota_exceeded' } });
    expect(JSON.stringify(quota.body)).not.toContain('deepl-hub-key');
  });

  it('translates a reply drafted in the agent’s language into the conversation’s, validating it first', async () => {
    const call = await hub();
    const draft = await call({ conversationId: GIULIA, text: NL }, '/api/replies/translate');
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({
      ok: true,
      result: { text: IT, source: 'nl', target: 'it', provider: 'deepl' },
    });
    const empty = await call({ conversationId: GIULIA, text: ' ' }, '/api/replies/translate');
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const extra = await call(
      { conversationId: GIULIA, text: NL, provider: 'deepl' },
      '/api/replies/translate',
    );
    expect(extra.status).toBe(400);
  });

  it('shows managers whether a key is set, never the key, and keeps the settings from agents', async () => {
    const call = await hub();
    const seen = await call(null, '/api/translation/settings', 'manager');
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      ok: true,
      result: { provider: 'deepl', keys: { deepl: true, libretranslate: false } },
    });
    expect(JSON.stringify(seen.body)).not.toContain('deepl-hub-key');
    expect((await call(null, '/api/translation/settings')).status).toBe(403);
    const refused = await call(
      { key: { provider: 'deepl', value: 'stolen-key' } },
      '/api/translation/settings',
    );
    expect(refused.status).toBe(403);
    const bad = await call(
      { libreTranslateUrl: 'ftp://x' },
      '/api/translation/settings',
      'manager',
    );
    expect(bad.status).toBe(400);
    const removed = await call({ removeKey: 'deepl' }, '/api/translation/settings', 'manager');
    expect(removed.body).toMatchObject({ result: { keys: { deepl: false } } });
    const draft = await call({ conversationId: GIULIA, text: NL }, '/api/replies/translate');
    expect(draft.status).toBe(502);
    expect(draft.body).toMatchObject({ error: { code: 'translation_key_refused' } });
  });
});
