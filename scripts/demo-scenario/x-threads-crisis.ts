import { X_APOLOGY } from './canned';
import type { XThread } from './types';

/**
 * The handwritten X conversations where the crisis started: the video, the food writer who spread
 * it, a journalist who got the customers' apology, and the consumer group's refund campaign.
 */

const FR = X_APOLOGY.fr!;
const EN = X_APOLOGY.en!;

export const CRISIS_THREADS: XThread[] = [
  {
    key: 'lea',
    lang: 'fr',
    steps: [
      {
        by: 'lea_bsn',
        at: '17 18:42',
        to: null,
        text: 'Deux ans que je paie 0,60 € de plus pour du lait d’avoine au Café Aurore de Part-Dieu. Ce soir j’ai filmé ça derrière le comptoir. « T’inquiète, personne voit la différence. » Mon fils est allergique aux protéines de lait de vache. 🙃',
        likes: 41_236,
        retweets: 14_108,
        replyCount: 2_874,
        quoteCount: 3_152,
      },
      {
        by: 'lea_bsn',
        at: '17 19:05',
        text: 'Pour ceux qui demandent : oui, j’ai montré la vidéo au responsable. Il m’a dit que c’était « exceptionnel, on était en rupture ». Exceptionnel depuis combien de temps, @CafeAurore ?',
        likes: 6_480,
        retweets: 1_210,
      },
      {
        by: 'lea_bsn',
        at: '17 22:31',
        text: '@CafeAurore Mon fils a fait de l’urticaire deux fois cet automne après un chocolat chaud « à l’avoine » chez vous. On avait cherché partout ce qui pouvait le déclencher. Maintenant je sais.',
        likes: 9_915,
        retweets: 2_306,
      },
      { by: 'brand', at: '18 10:41', text: `@lea_bsn ${FR}`, source: 'Twitter for Mac', likes: 12 },
      {
        by: 'brand',
        at: '18 10:43',
        to: 2,
        text: `@lea_bsn ${FR}`,
        source: 'Hootsuite Inc.',
        likes: 4,
      },
      {
        by: 'lea_bsn',
        at: '18 10:58',
        to: 4,
        text: '@CafeAurore Seize heures pour un copier-coller. Je vous ai écrit en DM hier soir à 19h, personne n’a répondu. Et vous venez de me répondre la même chose deux fois, à deux minutes d’intervalle.',
        likes: 8_702,
        retweets: 1_954,
      },
      {
        by: 'brand',
        at: '18 11:20',
        text: '@lea_bsn Vous avez raison, et pardon pour ce doublon. Claire, notre responsable qualité, souhaite vous appeler aujourd’hui même. Nous vous avons répondu en DM avec son numéro direct.',
        likes: 210,
      },
      {
        by: 'lea_bsn',
        at: '18 12:02',
        text: '@CafeAurore Claire m’a appelée. Échange correct, humain même. Mais j’attends une réponse publique : depuis quand, dans combien de cafés, et qu’est-ce que vous faites pour les allergiques ?',
        likes: 5_330,
        retweets: 880,
      },
      {
        by: 'brand',
        at: '19 08:35',
        text: '@lea_bsn Notre réponse publique est ici, avec les résultats de l’enquête et ce qui change dès aujourd’hui dans nos 212 cafés : aurore.cafe/engagements. Merci de nous avoir alertés, et pardon à votre fils.',
        likes: 1_140,
        retweets: 260,
      },
      {
        by: 'lea_bsn',
        at: '19 09:12',
        text: '@CafeAurore Lu. Les briques scellées ouvertes devant le client, c’est le minimum. Je jugerai sur la durée. Et merci à Claire, sincèrement.',
        likes: 3_906,
        retweets: 412,
      },
    ],
  },
  {
    key: 'hannah',
    lang: 'en',
    steps: [
      {
        by: 'hannahcoleeats',
        at: '17 21:10',
        to: null,
        quotes: 'lea:0',
        text: 'A big European coffee chain caught pouring cow’s milk into the “oat” jug while charging extra for it. Parents of kids with dairy allergies trust you with their health, @CafeAurore. This is not a small thing. #OatGate',
        likes: 22_480,
        retweets: 6_412,
        replyCount: 1_310,
        quoteCount: 902,
      },
      {
        by: 'dairyfreedad',
        at: '17 21:34',
        to: 0,
        text: '@hannahcoleeats @CafeAurore My daughter has a severe milk allergy and we’ve been to their King’s Cross shop maybe twenty times. I feel sick reading this.',
        likes: 1_204,
      },
      {
        by: 'mjbrewer',
        at: '17 22:02',
        to: 0,
        text: '@hannahcoleeats @CafeAurore Honestly this happens at a lot of chains when the oat runs out, I worked at one for three years. Doesn’t make it ok though, especially with the surcharge.',
        likes: 388,
      },
      {
        by: 'brand',
        at: '18 10:52',
        to: 0,
        text: `@hannahcoleeats ${EN}`,
        source: 'Twitter for Mac',
      },
      {
        by: 'brand',
        at: '18 10:54',
        to: 0,
        text: `@hannahcoleeats ${EN}`,
        source: 'Hootsuite Inc.',
      },
      {
        by: 'hannahcoleeats',
        at: '18 11:07',
        text: '@CafeAurore You’ve now sent me the exact same apology twice, two minutes apart, from two different apps. Is anyone actually reading, or is it all scheduled?',
        likes: 9_051,
        retweets: 2_240,
      },
      {
        by: 'brand',
        at: '18 11:49',
        text: '@hannahcoleeats Fair point, and we’re sorry. Several of us were answering at once without talking to each other. A real person is reading: I’m Tom from the social team. We’ll share what we find publicly by tomorrow morning. ^TM',
        likes: 640,
      },
      {
        by: 'hannahcoleeats',
        at: '18 12:15',
        text: '@CafeAurore Thanks Tom. Tomorrow morning then. Please include how many stores, since when, and what you’ll do for the people who paid for oat milk and got dairy.',
        likes: 4_420,
      },
      {
        by: 'brand',
        at: '19 08:40',
        text: '@hannahcoleeats As promised: aurore.cafe/engagements. 9 stores concerned, sealed cartons opened in front of customers, the plant milk surcharge refunded and dropped until the end of the year. ^TM',
        likes: 1_880,
        retweets: 410,
      },
      {
        by: 'hannahcoleeats',
        at: '19 09:30',
        text: '@CafeAurore Appreciate the follow-through, Tom. Dropping the surcharge is the right call. I’d still like to know why it took a viral video.',
        likes: 6_115,
        retweets: 530,
      },
    ],
  },
  {
    key: 'journalist',
    lang: 'fr',
    steps: [
      {
        by: 'jmarchal_info',
        at: '18 08:15',
        to: null,
        text: '@CafeAurore Bonjour, je prépare un sujet pour le journal de 20h sur la vidéo tournée dans votre café de Lyon Part-Dieu. D’autres établissements sont-ils concernés ? Merci de me contacter en DM.',
        likes: 2_310,
        retweets: 540,
      },
      { by: 'brand', at: '18 10:47', text: `@jmarchal_info ${FR}`, source: 'Twitter Web App' },
      {
        by: 'jmarchal_info',
        at: '18 11:02',
        text: '@CafeAurore Je ne suis pas client, je suis journaliste, et je vous posais une question précise. Ce copier-coller, on l’a vu passer une centaine de fois ce matin.',
        likes: 7_880,
        retweets: 1_630,
      },
      {
        by: 'brand',
        at: '18 11:40',
        text: '@jmarchal_info Toutes nos excuses, c’était une erreur de notre part. Notre service presse vous contacte dans l’heure, vous pouvez aussi les joindre à presse@aurore.cafe.',
      },
      {
        by: 'jmarchal_info',
        at: '18 16:55',
        text: '@CafeAurore Toujours aucun appel de votre service presse, cinq heures plus tard. Le sujet passe à 20h, avec ou sans vous.',
        likes: 4_120,
        retweets: 890,
      },
      {
        by: 'brand',
        at: '18 17:20',
        text: '@jmarchal_info Notre directeur général, Antoine Ferrand, vous rappelle avant 18h. Encore désolés pour ce délai, il est inexcusable.',
      },
      {
        by: 'jmarchal_info',
        at: '18 21:05',
        text: '@CafeAurore Merci pour l’appel. Pour ceux qui nous suivent : la direction reconnaît « plusieurs cas » et promet les résultats de son enquête demain matin. On suivra ça de près.',
        likes: 3_560,
        retweets: 720,
      },
    ],
  },
  {
    key: 'campaign',
    lang: 'fr',
    steps: [
      {
        by: 'ConsoVigilance',
        at: '18 13:00',
        to: null,
        text: 'Vous avez payé un supplément « lait végétal » chez @CafeAurore ? Exigez le remboursement. Tweetez : « @CafeAurore Je veux être remboursé(e) de mes suppléments lait végétal. #OatGate »',
        likes: 5_204,
        retweets: 3_877,
      },
    ],
  },
];
