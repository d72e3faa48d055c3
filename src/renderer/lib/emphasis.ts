import type { MessageValues, Translate } from '../i18n/translate';

const MARK = '\u0000';

/**
 * A message cut around one of its placeholders, so a component can set that value apart (bold)
 * without rendering HTML: `[before, after]`, the value itself going between them. Every language
 * puts the placeholder where its grammar wants it.
 */
export function around(
  t: Translate,
  key: string,
  placeholder: string,
  values: MessageValues = {},
): [string, string] {
  const text = t(key, { values: { ...values, [placeholder]: MARK } });
  const at = text.indexOf(MARK);
  if (at < 0) return [text, ''];
  return [text.slice(0, at), text.slice(at + MARK.length)];
}
