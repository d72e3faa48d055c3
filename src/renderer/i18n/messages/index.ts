import * as common from './common';
import * as reports from './reports';
import * as timeline from './timeline';

/**
 * Every area of the UI has its own message file (English keys, French translation of each); the
 * keys are namespaced by area: `$_('common.action.close')`.
 */
export const messages = {
  en: { common: common.en, reports: reports.en, timeline: timeline.en },
  fr: { common: common.fr, reports: reports.fr, timeline: timeline.fr },
};
