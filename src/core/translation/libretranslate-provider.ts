import type { SecretStore } from '../secrets/secret-store';
import { translationFault } from './translation-faults';
import { TRANSLATION_KEY_REFS } from './translation-provider';
import type { Translation, TranslationProvider } from './translation-provider';

export interface LibreTranslateOptions {
  /** The server's address: a self-hosted one, or https://libretranslate.com (the default). */
  baseUrl: string;
  /** How long one request may take (default 10 s). */
  timeoutMs: number;
}

export const LIBRETRANSLATE_DEFAULT_URL = 'https://libretranslate.com';

export const LIBRETRANSLATE_DEFAULTS: LibreTranslateOptions = {
  baseUrl: LIBRETRANSLATE_DEFAULT_URL,
  timeoutMs: 10_000,
};

interface TranslateAnswer {
  translatedText?: string | string[];
  detectedLanguage?: { language?: string } | Array<{ language?: string }>;
  error?: string;
}

/**
 * Translation through a LibreTranslate server's `POST /translate` (JSON, `q` as a list). A server
 * that takes no key works without one; the key, when set, travels in the body as the API asks.
 */
export class LibreTranslateProvider implements TranslationProvider {
  readonly name = 'libretranslate' as const;

  constructor(
    private readonly secrets: SecretStore,
    private readonly options: LibreTranslateOptions = LIBRETRANSLATE_DEFAULTS,
  ) {}

  async translate(texts: string[], target: string, source?: string): Promise<Translation[]> {
    if (texts.length === 0) return [];
    const key = await this.secrets.get(TRANSLATION_KEY_REFS.libretranslate);
    const body = {
      q: texts,
      source: source?.toLowerCase() ?? 'auto',
      target: target.toLowerCase(),
      format: 'text',
      ...(key ? { api_key: key } : {}),
    };
    let response: Response;
    try {
      response = await fetch(new URL('translate', withSlash(this.options.baseUrl)), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (err) {
      if (err instanceof Error && err.name === 'TimeoutError')
        throw translationFault.timeout('libretranslate', this.options.timeoutMs);
      throw translationFault.unavailable('libretranslate', 'no connection');
    }
    const answer = await readAnswer(response, this.options.timeoutMs);
    if (!response.ok) throw refusal(response.status, answer.error ?? '', Boolean(key));
    const translated = answer.translatedText;
    if (!Array.isArray(translated) || translated.length !== texts.length)
      throw translationFault.unavailable('libretranslate', 'unexpected answer');
    const detected = Array.isArray(answer.detectedLanguage) ? answer.detectedLanguage : [];
    return translated.map((text, i) => ({
      text,
      detectedSource: detected[i]?.language ?? source?.toLowerCase() ?? null,
    }));
  }
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

async function readAnswer(response: Response, timeoutMs: number): Promise<TranslateAnswer> {
  try {
    const parsed: unknown = await response.json();
    return parsed && typeof parsed === 'object' ? (parsed as TranslateAnswer) : {};
  } catch (err) {
    if (err instanceof Error && err.name === 'TimeoutError')
      throw translationFault.timeout('libretranslate', timeoutMs);
    return {};
  }
}

/** LibreTranslate's refusals (`{"error": "…"}`), read by status and by its fixed wording. */
function refusal(status: number, message: string, keyGiven: boolean): Error {
  const tooLong = /exceeds text limit \((\d+)\)/.exec(message);
  if (status === 400 && tooLong)
    return translationFault.tooLong('libretranslate', Number(tooLong[1]));
  if (status === 403 && /Invalid API key/i.test(message))
    return translationFault.keyRefused('libretranslate');
  if (status === 400 && /API key/i.test(message))
    return keyGiven
      ? translationFault.keyRefused('libretranslate')
      : translationFault.noKey('libretranslate');
  if (status === 429) return translationFault.busy('libretranslate');
  if (status === 403) return translationFault.unavailable('libretranslate', 'refused');
  if (status === 400) return translationFault.unavailable('libretranslate', 'request refused');
  return translationFault.unavailable('libretranslate', `HTTP ${status}`);
}
