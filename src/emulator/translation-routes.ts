import { createDeepLApi } from './deepl-api';
import type { EmuRequest, EmuResponse } from './http-kit';
import { createLibreTranslateApi } from './libretranslate-api';
import type { TranslationScenario } from './scenario';
import { TranslationBook } from './translation-book';

/** The emulated translation services, under `/deepl` (DeepL's API) and `/libretranslate`. */
export type TranslationService = 'deepl' | 'libretranslate';

export function isTranslationService(segment: string | undefined): segment is TranslationService {
  return segment === 'deepl' || segment === 'libretranslate';
}

export function createTranslationApis(scenario: TranslationScenario | undefined) {
  const book = new TranslationBook(scenario?.phrases ?? []);
  const deepl = createDeepLApi(scenario, book);
  const libre = createLibreTranslateApi(scenario, book);
  return {
    book,
    answer: (service: TranslationService, request: EmuRequest): EmuResponse =>
      service === 'deepl' ? deepl(request) : libre(request),
  };
}

/** A server error in each service's words. */
export function translationFailure(service: TranslationService, status: number): EmuResponse {
  const text = status === 429 ? 'Too many requests' : 'Internal Server Error';
  return {
    status,
    headers: {},
    body: service === 'deepl' ? { message: text } : { error: text },
  };
}
