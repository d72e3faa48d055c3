import type { EmuRequest, EmuResponse } from './http-kit';
import type { TranslationScenario } from './scenario';
import type { TranslationBook } from './translation-book';

/**
 * A LibreTranslate server as its API answers (LibreTranslate's `app.py`): `POST /translate`
 * (JSON or form; `q` a text or a list), `GET /languages`, the key as `api_key`, every refusal as
 * `{"error": "…"}` with 400 or 403 and the server's own wording.
 */

const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'French' },
  { code: 'de', name: 'German' },
  { code: 'nl', name: 'Dutch' },
  { code: 'es', name: 'Spanish' },
  { code: 'it', name: 'Italian' },
];
const CODES = new Set(LANGUAGES.map((l) => l.code));

export function createLibreTranslateApi(
  scenario: TranslationScenario | undefined,
  book: TranslationBook,
) {
  const settings = scenario?.libretranslate ?? {
    api_keys: [],
    require_api_key: false,
    char_limit: -1,
  };
  const keys = new Set(settings.api_keys);

  return (request: EmuRequest): EmuResponse => {
    const path = request.segments.join('/');
    if (path === 'languages' && request.method === 'GET')
      return ok(
        LANGUAGES.map((l) => ({
          ...l,
          targets: LANGUAGES.map((t) => t.code).filter((c) => c !== l.code),
        })),
      );
    if (path !== 'translate') return error(404, 'Not Found');
    if (request.method !== 'POST') return error(405, 'Method Not Allowed');
    const input = readInput(request);
    if (!input) return error(400, 'Invalid JSON format');
    // access_check: a key the server does not know is refused; none, where one is required.
    if (input.api_key && keys.size > 0 && !keys.has(input.api_key))
      return error(403, 'Invalid API key');
    if (!input.api_key && settings.require_api_key)
      return error(400, 'Please contact the server operator to get an API key');
    const { q, source, target } = input;
    if (q === undefined || q === '' || (Array.isArray(q) && q.length === 0))
      return error(400, 'Invalid request: missing q parameter');
    if (!source) return error(400, 'Invalid request: missing source parameter');
    if (!target) return error(400, 'Invalid request: missing target parameter');
    const texts = Array.isArray(q) ? q : [q];
    const chars = texts.reduce((n, t) => n + t.length, 0);
    if (settings.char_limit !== -1 && chars > settings.char_limit)
      return error(
        400,
        `Invalid request: request (${chars}) exceeds text limit (${settings.char_limit})`,
      );
    if (source !== 'auto' && !CODES.has(source)) return error(400, `${source} is not supported`);
    if (!CODES.has(target)) return error(400, `${target} is not supported`);
    const results = texts.map((text) =>
      book.translate(text, target, source === 'auto' ? null : source),
    );
    const translated = results.map((r) => r.text);
    const detected = results.map((r) => ({
      confidence: r.detected ? 90.0 : 0,
      language: r.detected ?? 'en',
    }));
    if (source !== 'auto')
      return ok({ translatedText: Array.isArray(q) ? translated : translated[0] });
    return ok(
      Array.isArray(q)
        ? { translatedText: translated, detectedLanguage: detected }
        : { translatedText: translated[0], detectedLanguage: detected[0] },
    );
  };
}

interface Input {
  q?: string | string[];
  source?: string;
  target?: string;
  api_key?: string;
}

function readInput(request: EmuRequest): Input | null {
  const type = String(request.headers['content-type'] ?? '');
  if (type.startsWith('application/json')) {
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      return null;
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
    const b = body as Record<string, unknown>;
    return {
      ...(typeof b.q === 'string' || Array.isArray(b.q)
        ? { q: typeof b.q === 'string' ? b.q : b.q.map(String) }
        : {}),
      ...(typeof b.source === 'string' ? { source: b.source } : {}),
      ...(typeof b.target === 'string' ? { target: b.target } : {}),
      ...(typeof b.api_key === 'string' ? { api_key: b.api_key } : {}),
    };
  }
  const form = new URLSearchParams(request.body);
  const q = form.get('q');
  return {
    ...(q !== null ? { q: q.split(/\r\n|\r|\n/).join('\n') } : {}),
    ...(form.get('source') ? { source: form.get('source')! } : {}),
    ...(form.get('target') ? { target: form.get('target')! } : {}),
    ...(form.get('api_key') ? { api_key: form.get('api_key')! } : {}),
  };
}

function ok(body: unknown): EmuResponse {
  return { status: 200, headers: {}, body };
}

function error(status: number, message: string): EmuResponse {
  return { status, headers: {}, body: { error: message } };
}
