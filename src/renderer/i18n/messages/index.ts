import * as common from './common';
import * as keys from './keys';
import * as queue from './queue';
import * as tags from './tags';
import * as views from './views';

/**
 * Every area of the UI has its own message file (English keys, French translation of each); the
 * keys are namespaced by area: `$_('common.action.close')`.
 */
export const messages = {
  en: { common: common.en, queue: queue.en, tags: tags.en, views: views.en, keys: keys.en },
  fr: { common: common.fr, queue: queue.fr, tags: tags.fr, views: views.fr, keys: keys.fr },
};
