import type { Translate } from '../i18n/translate';

/**
 * Where an action or a reply was made, in words: "in a browser", "in the desktop app (jan-laptop)";
 * empty for what the inbox did on its own (sync).
 */
export function clientLabel(client: string | null, t: Translate): string {
  if (client == null || client === '' || client === 'sync') return '';
  if (client === 'browser') return t('timeline.client.browser');
  if (client.startsWith('desktop:'))
    return t('timeline.client.desktop', { values: { host: client.slice('desktop:'.length) } });
  return t('timeline.client.other', { values: { client } });
}
