import type { Translation } from './types';

/** The queue's bulk selection, pickers and notices. */
export const en = {
  bulk: {
    label: 'Selected conversations',
    selected: '{count, plural, one {# selected} other {# selected}}',
    assign: 'Assign',
    tag: 'Tag',
    status: 'Status',
    priority: 'Priority',
    clear: 'Clear',
    done: '{count, plural, one {# conversation updated} other {# conversations updated}}',
    partial:
      '{applied} updated; {changed, plural, =0 {none had changed meanwhile} one {# had changed meanwhile: review it} other {# had changed meanwhile: review them}}{missing, plural, =0 {} one {; # no longer exists} other {; # no longer exist}}',
    review: 'Select them again',
    dismiss: 'Dismiss',
  },
  picker: {
    title: {
      assign:
        '{count, plural, one {Assign the conversation to…} other {Assign # conversations to…}}',
      tag: '{count, plural, one {Tag the conversation} other {Tag # conversations}}',
      status: '{count, plural, one {Set the status} other {Set the status of # conversations}}',
      priority:
        '{count, plural, one {Set the priority} other {Set the priority of # conversations}}',
    },
    placeholder: {
      assign: 'Type a name',
      tag: 'Type a tag, new or existing',
      status: 'Type a status',
      priority: 'Type a priority',
    },
    hint: '↑ ↓ to choose, Enter to apply, Esc to go back to the list',
    unassigned: 'Unassigned',
    speaks: 'speaks {languages}',
    speaksNone: 'no language declared',
    current: '(current)',
    none: 'Nothing matches',
  },
  status: {
    new: 'New',
    open: 'Open',
    pending: 'Pending',
    done: 'Done',
    spam: 'Spam',
  },
  keys: {
    nothingOpen: 'Open or select a conversation first',
    taken: '{count, plural, one {Taken: it is yours} other {# conversations taken}}',
  },
} as const;

export const fr: Translation<typeof en> = {
  bulk: {
    label: 'Conversations sélectionnées',
    selected: '{count, plural, one {# sélectionnée} other {# sélectionnées}}',
    assign: 'Attribuer',
    tag: 'Étiqueter',
    status: 'Statut',
    priority: 'Priorité',
    clear: 'Désélectionner',
    done: '{count, plural, one {# conversation mise à jour} other {# conversations mises à jour}}',
    partial:
      '{applied} mises à jour ; {changed, plural, =0 {aucune n’avait changé entre-temps} one {# avait changé entre-temps : vérifiez-la} other {# avaient changé entre-temps : vérifiez-les}}{missing, plural, =0 {} one { ; # n’existe plus} other { ; # n’existent plus}}',
    review: 'Les sélectionner à nouveau',
    dismiss: 'Fermer',
  },
  picker: {
    title: {
      assign:
        '{count, plural, one {Attribuer la conversation à…} other {Attribuer # conversations à…}}',
      tag: '{count, plural, one {Étiqueter la conversation} other {Étiqueter # conversations}}',
      status:
        '{count, plural, one {Changer le statut} other {Changer le statut de # conversations}}',
      priority:
        '{count, plural, one {Changer la priorité} other {Changer la priorité de # conversations}}',
    },
    placeholder: {
      assign: 'Tapez un nom',
      tag: 'Tapez une étiquette, nouvelle ou existante',
      status: 'Tapez un statut',
      priority: 'Tapez une priorité',
    },
    hint: '↑ ↓ pour choisir, Entrée pour appliquer, Échap pour revenir à la liste',
    unassigned: 'Non attribuée',
    speaks: 'parle {languages}',
    speaksNone: 'aucune langue déclarée',
    current: '(actuel)',
    none: 'Aucun résultat',
  },
  status: {
    new: 'Nouvelle',
    open: 'Ouverte',
    pending: 'En attente',
    done: 'Traitée',
    spam: 'Indésirable',
  },
  keys: {
    nothingOpen: 'Ouvrez ou sélectionnez d’abord une conversation',
    taken:
      '{count, plural, one {Prise en charge : elle est à vous} other {# conversations prises en charge}}',
  },
};
