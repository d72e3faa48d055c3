import type { Translation } from './types';

/**
 * The reports read from the customers' tone and language: answers in their language, reassurance,
 * what customer service should hear, and the negative share on the crisis chart.
 */
export const en = {
  share: 'Share',
  languages: {
    title: 'Answers in the customer’s language',
    intro:
      'Of the conversations answered, those whose first brand reply is in the conversation’s language: the language the inbox translated it into, or else the one detected on the reply.',
    lead: '{share} of the answered conversations got their first answer in the customer’s language.',
    leadNone: 'No conversation of this range was answered.',
    caption: 'By the conversation’s language',
    answered: 'Answered',
    inLanguage: 'In their language',
    translated: 'of which translated',
    leadTranslated:
      'For {count, plural, one {one of them} other {# of them}}, the answer was drafted in the agent’s language and sent translated by the inbox.',
    translatedNote:
      'Of which translated: the agent wrote the first reply in their own language and the inbox sent it translated into the customer’s.',
    otherLanguage: 'In another language',
    notJudged: 'Not judged',
    notJudgedNote:
      'Not judged: no language was detected on the reply (too short) or on the conversation, or only a public statement answered it.',
  },
  reassurance: {
    title: 'Reassurance',
    intro:
      'Of the conversations whose first customer post read negative, those whose customer wrote again after the team’s first answer and whose latest post since then reads neutral or positive.',
    lead: '{reassured} of {count, plural, one {# conversation} other {# conversations}} that began negative ended reassured ({share}).',
    none: 'No conversation of this range began negative.',
    byAgent: 'By who answered first',
    agentNote:
      'An agent’s row counts the conversations that began negative and that they answered first.',
    beganNegative: 'Began negative',
    answered: 'Answered',
    wroteAgain: 'Wrote again',
    reassured: 'Reassured',
  },
  complaints: {
    title: 'What customer service should hear',
    intro:
      'The recurring complaints among the negative customer posts of the conversations that arrived in the range: the stories they tell and the words they repeat, in each language.',
    lead: '{posts, plural, one {# negative post} other {# negative posts}} in {conversations, plural, one {# conversation} other {# conversations}}.',
    none: 'No negative customer post in this range.',
    cut: 'The range is longer than {days} days: these are its last {days}.',
    export: 'Export the complaints (CSV)',
    stories: 'Stories',
    storiesNone: 'No story: no three conversations complain of the same thing.',
    story:
      '{posts, plural, one {# negative post} other {# negative posts}} in {conversations} conversations',
    storyLabel: 'Story: “{text}”',
    show: 'Show the conversations',
    words: 'Recurring words, by language',
    wordsHint: 'Stop words left out; a word counts once per post.',
    wordsCaption: '{language}: {count, plural, one {# negative post} other {# negative posts}}',
    wordsNone: 'No word recurs.',
    word: 'Word',
    posts: 'Posts',
    conversations: 'Conversations',
    example: 'Example',
    wordLabel: '“{word}” · {language}',
  },
  crisis: {
    negative: 'Negative posts (% of those with a tone)',
    arrivalsAxis: 'Arrivals per hour',
    negativeAxis: 'Negative share (%)',
    note: 'The line is the share of negative posts per hour among the customer posts with a tone (French, English, German, Dutch, Spanish, Italian), on the right-hand axis.',
    hour: 'Hour',
  },
} as const;

export const fr: Translation<typeof en> = {
  share: 'Part',
  languages: {
    title: 'Réponses dans la langue du client',
    intro:
      'Parmi les conversations qui ont eu une réponse, celles dont la première réponse de la marque est dans la langue de la conversation : la langue dans laquelle la boîte l’a traduite, sinon celle détectée sur la réponse.',
    lead: '{share} des conversations avec réponse ont eu leur première réponse dans la langue du client.',
    leadNone: 'Aucune conversation de cette période n’a eu de réponse.',
    caption: 'Par langue de la conversation',
    answered: 'Avec réponse',
    inLanguage: 'Dans sa langue',
    translated: 'dont traduites',
    leadTranslated:
      'Pour {count, plural, one {l’une d’elles} other {# d’entre elles}}, la réponse a été écrite dans la langue de l’agent et envoyée traduite par la boîte.',
    translatedNote:
      'Dont traduites : l’agent a écrit la première réponse dans sa propre langue et la boîte l’a envoyée traduite dans celle du client.',
    otherLanguage: 'Dans une autre langue',
    notJudged: 'Non jugées',
    notJudgedNote:
      'Non jugées : aucune langue détectée sur la réponse (trop courte) ou sur la conversation, ou seule une déclaration publique y a répondu.',
  },
  reassurance: {
    title: 'Réassurance',
    intro:
      'Parmi les conversations dont le premier message du client était négatif, celles où le client a réécrit après la première réponse de l’équipe et dont son dernier message depuis est neutre ou positif.',
    lead: '{reassured} sur {count, plural, one {# conversation commencée en négatif a fini rassurée} other {# conversations commencées en négatif ont fini rassurées}} ({share}).',
    none: 'Aucune conversation de cette période n’a commencé en négatif.',
    byAgent: 'Par auteur de la première réponse',
    agentNote:
      'La ligne d’un agent compte les conversations commencées en négatif auxquelles il a répondu le premier.',
    beganNegative: 'Commencées en négatif',
    answered: 'Avec réponse',
    wroteAgain: 'Le client a réécrit',
    reassured: 'Rassurées',
  },
  complaints: {
    title: 'Ce que le service client doit entendre',
    intro:
      'Les plaintes qui reviennent parmi les messages négatifs des clients dans les conversations arrivées sur la période : les sujets qu’ils évoquent et les mots qu’ils répètent, dans chaque langue.',
    lead: '{posts, plural, one {# message négatif} other {# messages négatifs}} dans {conversations, plural, one {# conversation} other {# conversations}}.',
    none: 'Aucun message négatif de client sur cette période.',
    cut: 'La période dépasse {days} jours : voici ses {days} derniers.',
    export: 'Exporter les plaintes (CSV)',
    stories: 'Sujets',
    storiesNone: 'Aucun sujet : pas trois conversations qui se plaignent de la même chose.',
    story:
      '{posts, plural, one {# message négatif} other {# messages négatifs}} dans {conversations} conversations',
    storyLabel: 'Sujet : « {text} »',
    show: 'Voir les conversations',
    words: 'Mots qui reviennent, par langue',
    wordsHint: 'Sans les mots vides ; un mot compte une fois par message.',
    wordsCaption:
      '{language} : {count, plural, one {# message négatif} other {# messages négatifs}}',
    wordsNone: 'Aucun mot ne revient.',
    word: 'Mot',
    posts: 'Messages',
    conversations: 'Conversations',
    example: 'Exemple',
    wordLabel: '« {word} » · {language}',
  },
  crisis: {
    negative: 'Messages négatifs (% de ceux qui ont un ton)',
    arrivalsAxis: 'Arrivées par heure',
    negativeAxis: 'Part négative (%)',
    note: 'La courbe donne la part de messages négatifs par heure parmi les messages de clients qui ont un ton (français, anglais, allemand, néerlandais, espagnol, italien), sur l’axe de droite.',
    hour: 'Heure',
  },
};
