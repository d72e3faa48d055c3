import * as common from './common';
import * as notes from './notes';
import * as notifications from './notifications';
import * as presence from './presence';

/**
 * Every area of the UI has its own message file (English keys, French translation of each); the
 * keys are namespaced by area: `$_('common.action.close')`.
 */
export const messages = {
  en: {
    common: common.en,
    notes: notes.en,
    presence: presence.en,
    notifications: notifications.en,
  },
  fr: {
    common: common.fr,
    notes: notes.fr,
    presence: presence.fr,
    notifications: notifications.fr,
  },
};
