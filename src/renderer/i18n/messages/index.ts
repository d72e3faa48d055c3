import * as accounts from './accounts';
import * as common from './common';
import * as composer from './composer';
import * as conversation from './conversation';
import * as filters from './filters';
import * as format from './format';
import * as hub from './hub';
import * as inbox from './inbox';
import * as keys from './keys';
import * as labels from './labels';
import * as list from './list';
import * as notes from './notes';
import * as notifications from './notifications';
import * as presence from './presence';
import * as queue from './queue';
import * as replies from './replies';
import * as reports from './reports';
import * as rules from './rules';
import * as signin from './signin';
import * as tags from './tags';
import * as team from './team';
import * as timeline from './timeline';
import * as tone from './tone';
import * as topbar from './topbar';
import * as translation from './translation';
import * as triage from './triage';
import * as views from './views';

/**
 * Every area of the UI has its own message file (English keys, French translation of each); the
 * keys are namespaced by area: `$_('common.action.close')`.
 */
const areas = {
  accounts,
  common,
  composer,
  conversation,
  filters,
  format,
  hub,
  inbox,
  keys,
  labels,
  list,
  notes,
  notifications,
  presence,
  queue,
  replies,
  reports,
  rules,
  signin,
  tags,
  team,
  timeline,
  tone,
  topbar,
  translation,
  triage,
  views,
};
type Areas = typeof areas;

function inLanguage<L extends 'en' | 'fr'>(language: L): { [K in keyof Areas]: Areas[K][L] } {
  return Object.fromEntries(
    Object.entries(areas).map(([name, area]) => [name, area[language]]),
  ) as { [K in keyof Areas]: Areas[K][L] };
}

export const messages = { en: inLanguage('en'), fr: inLanguage('fr') };
