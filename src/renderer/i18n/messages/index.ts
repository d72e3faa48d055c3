import * as accounts from './accounts';
import * as common from './common';
import * as composer from './composer';
import * as conversation from './conversation';
import * as filters from './filters';
import * as format from './format';
import * as hub from './hub';
import * as inbox from './inbox';
import * as labels from './labels';
import * as list from './list';
import * as signin from './signin';
import * as team from './team';
import * as topbar from './topbar';
import * as triage from './triage';

/**
 * Every area of the UI has its own message file (English keys, French translation of each); the
 * keys are namespaced by area: `$_('common.action.close')`.
 */
export const messages = {
  en: {
    common: common.en,
    accounts: accounts.en,
    composer: composer.en,
    conversation: conversation.en,
    filters: filters.en,
    format: format.en,
    hub: hub.en,
    inbox: inbox.en,
    labels: labels.en,
    list: list.en,
    signin: signin.en,
    team: team.en,
    topbar: topbar.en,
    triage: triage.en,
  },
  fr: {
    common: common.fr,
    accounts: accounts.fr,
    composer: composer.fr,
    conversation: conversation.fr,
    filters: filters.fr,
    format: format.fr,
    hub: hub.fr,
    inbox: inbox.fr,
    labels: labels.fr,
    list: list.fr,
    signin: signin.fr,
    team: team.fr,
    topbar: topbar.fr,
    triage: triage.fr,
  },
};
