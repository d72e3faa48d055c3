import type { Lang } from './types';

/**
 * The apology the social team pasted everywhere on the first day, in the only three languages it
 * answered in. On X each copy starts with the person's @handle; the rest is word for word the same.
 */
export const X_APOLOGY: Partial<Record<Lang, string>> = {
  fr: 'Nous sommes sincèrement désolés. Ce que montre cette vidéo ne correspond en rien à nos standards. Une enquête interne est en cours. Pouvez-vous nous écrire en message privé ?',
  en: 'We’re truly sorry. What this video shows does not reflect our standards in any way. An internal investigation is under way. Could you send us a DM?',
  de: 'Es tut uns aufrichtig leid. Was dieses Video zeigt, entspricht in keiner Weise unseren Standards. Eine interne Untersuchung läuft. Kannst du uns eine DM schicken?',
};

/** The same apology as posted under Facebook comments. */
export const FB_APOLOGY: Partial<Record<Lang, string>> = {
  fr: 'Nous sommes sincèrement désolés. Ce que montre cette vidéo ne correspond pas à nos standards et une enquête est en cours. Écrivez-nous en message privé pour que nous puissions en parler.',
  en: 'We are truly sorry. What this video shows does not reflect our standards and an investigation is under way. Please send us a private message so we can talk about it.',
  de: 'Es tut uns aufrichtig leid. Was dieses Video zeigt, entspricht nicht unseren Standards, und wir gehen der Sache nach. Schreib uns bitte eine private Nachricht.',
};

/** The apology in `lang`, or in English for the languages the team did not answer in. */
export function apology(
  table: Partial<Record<Lang, string>>,
  lang: Lang,
): { text: string; lang: Lang } {
  const text = table[lang];
  return text !== undefined ? { text, lang } : { text: table.en!, lang: 'en' };
}
