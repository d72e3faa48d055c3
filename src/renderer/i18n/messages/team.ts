import type { Translation } from './types';

/** The team dialog: agents of the hub, adding one. */
export const en = {
  settings: {
    title: 'Answered elsewhere',
    answeredOutside: 'A conversation the brand answered with another app goes to',
    leave: 'Stays where it is',
    hint: 'Only when the brand had the last word, and only from New or Open. A customer who writes again reopens it.',
    failed: 'The setting could not be saved: {message}',
  },
  title: 'Team',
  loading: 'Loading the team…',
  unavailable: 'The team is unavailable: {message}',
  noLanguages: 'No languages set',
  you: 'you',
  tokenShown:
    '{name} signs in with this personal token. It is shown only now: copy it and hand it over privately.',
  copy: 'Copy',
  copied: 'Copied',
  add: 'Add an agent',
  name: 'Name',
  role: 'Role',
  languages: 'Languages spoken',
  submit: 'Add agent',
  managerOnly: 'Only a manager adds agents.',
  edit: 'Edit',
  editTitle: 'Edit {name}',
  save: 'Save',
  cancel: 'Cancel',
  renew: 'New token',
  renewConfirm: 'Give {name} a new token? The current one stops working at once.',
  renewed: '{name}’s new personal token. It is shown only now; the old one no longer works.',
  remove: 'Remove',
  removeConfirm:
    'Remove {name} from the team? Their token stops working and their open conversations go back to the queue. What they did stays in the history.',
  removed:
    '{name} was removed; {count, plural, =0 {no conversation went} one {# conversation went} other {# conversations went}} back to the queue.',
  removedLabel: 'Removed',
  confirm: 'Yes, go ahead',
} as const;

export const fr: Translation<typeof en> = {
  settings: {
    title: 'Répondues ailleurs',
    answeredOutside:
      'Une conversation à laquelle la marque a répondu avec une autre application passe en',
    leave: 'Reste où elle est',
    hint: 'Seulement quand la marque a eu le dernier mot, et seulement depuis Nouvelle ou Ouverte. Un client qui réécrit la rouvre.',
    failed: 'Le réglage n’a pas pu être enregistré : {message}',
  },
  title: 'Équipe',
  loading: 'Chargement de l’équipe…',
  unavailable: 'L’équipe est indisponible : {message}',
  noLanguages: 'Aucune langue indiquée',
  you: 'vous',
  tokenShown:
    '{name} se connecte avec ce jeton personnel. Il n’est affiché que maintenant : copiez-le et transmettez-le en privé.',
  copy: 'Copier',
  copied: 'Copié',
  add: 'Ajouter un agent',
  name: 'Nom',
  role: 'Rôle',
  languages: 'Langues parlées',
  submit: 'Ajouter l’agent',
  managerOnly: 'Seul un responsable ajoute des agents.',
  edit: 'Modifier',
  editTitle: 'Modifier {name}',
  save: 'Enregistrer',
  cancel: 'Annuler',
  renew: 'Nouveau jeton',
  renewConfirm: 'Donner un nouveau jeton à {name} ? L’actuel cessera aussitôt de fonctionner.',
  renewed:
    'Le nouveau jeton personnel de {name}. Il n’est affiché que maintenant ; l’ancien ne fonctionne plus.',
  remove: 'Retirer',
  removeConfirm:
    'Retirer {name} de l’équipe ? Son jeton cessera de fonctionner et ses conversations en cours retourneront dans la file. Ce qu’il ou elle a fait reste dans l’historique.',
  removed:
    '{name} a été retiré·e ; {count, plural, =0 {aucune conversation n’est retournée} one {# conversation est retournée} other {# conversations sont retournées}} dans la file.',
  removedLabel: 'Retiré·e',
  confirm: 'Oui, continuer',
};
