import * as deepl from 'deepl-node';
import type { SecretStore } from '../secrets/secret-store';
import { translationFault } from './translation-faults';
import { TRANSLATION_KEY_REFS } from './translation-provider';
import type { Translation, TranslationProvider } from './translation-provider';

export interface DeepLOptions {
  /**
   * The API's address; null lets deepl-node choose from the key (`api-free.deepl.com` for a key
   * ending in `:fx`, `api.deepl.com` otherwise), as DeepL documents.
   */
  serverUrl: string | null;
  /** How long one request may take (default 10 s). */
  timeoutMs: number;
  /** Retries deepl-node makes after a 429, a 5xx or a lost connection (default none: the agent asks again). */
  maxRetries: number;
}

export const DEEPL_DEFAULTS: DeepLOptions = { serverUrl: null, timeoutMs: 10_000, maxRetries: 0 };

/** DeepL names British or American English as a target; the inbox writes to European customers. */
function deeplTarget(target: string): deepl.TargetLanguageCode {
  const code = target.toLowerCase();
  if (code === 'en') return 'en-GB';
  if (code === 'pt') return 'pt-PT';
  return code as deepl.TargetLanguageCode;
}

/** Translation through DeepL's official client, `deepl-node`, with the key from the secret store. */
export class DeepLProvider implements TranslationProvider {
  readonly name = 'deepl' as const;
  private client: { key: string; translator: deepl.Translator } | null = null;

  constructor(
    private readonly secrets: SecretStore,
    private readonly options: DeepLOptions = DEEPL_DEFAULTS,
  ) {}

  async translate(texts: string[], target: string, source?: string): Promise<Translation[]> {
    if (texts.length === 0) return [];
    const translator = await this.translator();
    try {
      const results = await translator.translateText(
        texts,
        (source?.toLowerCase() ?? null) as deepl.SourceLanguageCode | null,
        deeplTarget(target),
      );
      return results.map((r) => ({
        text: r.text,
        detectedSource: r.detectedSourceLang ? r.detectedSourceLang.toLowerCase() : null,
      }));
    } catch (err) {
      throw this.fault(err);
    }
  }

  private async translator(): Promise<deepl.Translator> {
    const key = await this.secrets.get(TRANSLATION_KEY_REFS.deepl);
    if (!key) throw translationFault.noKey('deepl');
    if (this.client?.key !== key) {
      const translator = new deepl.Translator(key, {
        ...(this.options.serverUrl ? { serverUrl: this.options.serverUrl } : {}),
        maxRetries: this.options.maxRetries,
        minTimeout: this.options.timeoutMs,
        sendPlatformInfo: false,
      });
      this.client = { key, translator };
    }
    return this.client.translator;
  }

  /** deepl-node's error as the inbox's typed one; its message (never the key) stays out of it. */
  private fault(err: unknown): Error {
    if (err instanceof deepl.QuotaExceededError) return translationFault.quota('deepl');
    if (err instanceof deepl.AuthorizationError) return translationFault.keyRefused('deepl');
    if (err instanceof deepl.TooManyRequestsError) return translationFault.busy('deepl');
    if (err instanceof deepl.ConnectionError) {
      const code = (err.error as { code?: string } | undefined)?.code;
      if (code === 'ECONNABORTED' || code === 'ETIMEDOUT')
        return translationFault.timeout('deepl', this.options.timeoutMs);
      return translationFault.unavailable('deepl', 'no connection');
    }
    if (err instanceof deepl.DeepLError) {
      // deepl-node has no class of its own for 413: it names the status in its message.
      if (/status code: 413\b/.test(err.message)) return translationFault.tooLong('deepl');
      if (/^Bad request/.test(err.message))
        return translationFault.unavailable('deepl', 'request refused');
      return translationFault.unavailable('deepl', 'service error');
    }
    return err instanceof Error ? err : new Error(String(err));
  }
}
