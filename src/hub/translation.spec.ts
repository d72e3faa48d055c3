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
    const server = await createHubServer({
      api: service,
      authenticate: (t) => service.authenticate(t),
    });
    await server.listen({ host: '127.0.0.1', port: 0 });
    cleanup(() => server.close());
    const address = server.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return async (body: unknown) => {
      const res = await fetch(`${base}/api/posts/translate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${jan.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
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
});
