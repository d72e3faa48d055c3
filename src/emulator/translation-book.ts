import type { TranslationScenario } from './scenario';

/** How a text is compared with the book's: Unicode NFC, HTML entities of X undone, spaces folded. */
export function phraseKey(text: string): string {
  return text
    .normalize('NFC')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface BookTranslation {
  text: string;
  /** The language the text was found in; null when the book does not know the text. */
  detected: string | null;
}

/**
 * The scenario's phrases, each known in every language: a text the book holds translates to its
 * counterpart, as a real service would render it. A text it does not hold comes back unchanged
 * (with its language unknown): the emulator translates nothing it was not given.
 */
export class TranslationBook {
  private readonly byText = new Map<string, { phrase: number; lang: string }>();

  constructor(private readonly phrases: TranslationScenario['phrases']) {
    phrases.forEach((phrase, index) => {
      for (const [lang, text] of Object.entries(phrase.texts))
        this.byText.set(phraseKey(text), { phrase: index, lang });
    });
  }

  get size(): number {
    return this.phrases.length;
  }

  /** The text in `target`; `source`, when given, must be the language the text is written in. */
  translate(text: string, target: string, source?: string | null): BookTranslation {
    const found = this.byText.get(phraseKey(text));
    if (!found || (source && source !== found.lang)) return { text, detected: source ?? null };
    const texts: Partial<Record<string, string>> = this.phrases[found.phrase]!.texts;
    const translated = texts[target];
    return { text: translated ?? text, detected: found.lang };
  }
}
