import type { EmuRequest, EmuResponse } from './http-kit';
import type { TranslationScenario } from './scenario';
import type { TranslationBook } from './translation-book';

/**
 * DeepL's API v2 as its clients see it (`deepl-node`, curl): `POST /v2/translate` and
 * `GET|POST /v2/usage`, the key in `Authorization: DeepL-Auth-Key <key>`, bodies as a form or
 * JSON, errors as DeepL answers them (403 for a key it does not know, 456 once the period's
 * characters are used up, 413 past its 128 KiB request size, 400 `{"message"}` for bad input).
 */

/** DeepL's request size limit (developers.deepl.com, usage limits: 128 KiB a request). */
export const DEEPL_MAX_REQUEST_BYTES = 128 * 1024;

const SOURCE_LANGS = new Set(['FR', 'EN', 'DE', 'NL', 'ES', 'IT', 'PT', 'PL', 'JA', 'ZH']);
const TARGET_LANGS = new Set([
  'FR',
  'EN-GB',
  'EN-US',
  'DE',
  'NL',
  'ES',
  'IT',
  'PT-PT',
  'PT-BR',
  'PL',
  'JA',
  'ZH',
]);

interface Account {
  limit: number;
  count: number;
}

export function createDeepLApi(scenario: TranslationScenario | undefined, book: TranslationBook) {
  const accounts = new Map<string, Account>(
    (scenario?.deepl.auth_keys ?? []).map((k) => [
      k.key,
      { limit: k.character_limit, count: k.character_count },
    ]),
  );

  return (request: EmuRequest): EmuResponse => {
    const path = request.segments.join('/');
    if (path !== 'v2/translate' && path !== 'v2/usage') return message(404, 'Not found');
    if (path === 'v2/translate' && request.method !== 'POST')
      return message(405, 'Method Not Allowed');
    const key = authKey(request);
    const account = key ? accounts.get(key) : undefined;
    if (!account) return { status: 403, headers: {}, body: { message: 'Forbidden' } };
    if (path === 'v2/usage')
      return json({ character_count: account.count, character_limit: account.limit });
    if (Buffer.byteLength(request.body) > DEEPL_MAX_REQUEST_BYTES)
      return message(413, 'Request Entity Too Large');
    const params = readParams(request);
    if (!params) return message(400, 'Invalid request body');
    const texts = params.text;
    if (texts.length === 0) return message(400, "Parameter 'text' not specified.");
    if (texts.length > 50) return message(413, 'Too many texts in one request (at most 50).');
    const target = params.target_lang[0]?.toUpperCase();
    if (!target) return message(400, "Parameter 'target_lang' not specified.");
    if (!TARGET_LANGS.has(target)) {
      if (target === 'EN' || target === 'PT')
        return message(400, `Value for 'target_lang' not supported. Use ${target}-…`);
      return message(400, "Value for 'target_lang' not supported.");
    }
    const source = params.source_lang[0]?.toUpperCase();
    if (source && !SOURCE_LANGS.has(source))
      return message(400, "Value for 'source_lang' not supported.");
    const characters = texts.reduce((n, t) => n + [...t].length, 0);
    if (account.count + characters > account.limit) return message(456, 'Quota Exceeded');
    account.count += characters;
    const billed =
      params.show_billed_characters[0] === '1' || params.show_billed_characters[0] === 'true';
    const bookTarget = target.slice(0, 2).toLowerCase();
    return json({
      translations: texts.map((text) => {
        const found = book.translate(text, bookTarget, source?.toLowerCase());
        return {
          detected_source_language: (found.detected ?? source ?? 'EN').toUpperCase(),
          text: found.text,
          ...(billed ? { billed_characters: [...text].length } : {}),
        };
      }),
    });
  };
}

function authKey(request: EmuRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^DeepL-Auth-Key\s+(\S+)\s*$/.exec(header);
  return match ? match[1]! : null;
}

type Params = Record<'text' | 'target_lang' | 'source_lang' | 'show_billed_characters', string[]>;

/** The form (`text=…&text=…`) or JSON (`{"text": […]}`) body, as DeepL reads both. */
function readParams(request: EmuRequest): Params | null {
  const params: Params = { text: [], target_lang: [], source_lang: [], show_billed_characters: [] };
  const type = String(request.headers['content-type'] ?? '');
  if (type.startsWith('application/json')) {
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      return null;
    }
    if (!body || typeof body !== 'object') return null;
    const record = body as Record<string, unknown>;
    for (const name of Object.keys(params) as (keyof Params)[]) {
      const value = record[name];
      if (Array.isArray(value)) params[name] = value.map(String);
      else if (value !== undefined && value !== null) params[name] = [String(value)];
    }
    return params;
  }
  const form = new URLSearchParams(request.body);
  for (const name of Object.keys(params) as (keyof Params)[]) params[name] = form.getAll(name);
  return params;
}

function json(body: unknown): EmuResponse {
  return { status: 200, headers: {}, body };
}

function message(status: number, text: string): EmuResponse {
  return { status, headers: {}, body: { message: text } };
}
