import type { AppKey, Lang, PageKey } from './types';

/** The brand, its Pages, the apps its team posts with, and the people of the X threads. */

export const BRAND_X = {
  id: '131402758',
  username: 'CafeAurore',
  name: 'Café Aurore',
  verified: true,
  followers_count: 182_417,
  following_count: 1_204,
  tweet_count: 48_311,
  created_at: '2010-04-12T09:31:07.000Z',
  description:
    'Torréfacteur et cafés depuis 1987 · 212 cafés en Europe · Service client 7j/7, 8h–20h 🇫🇷🇬🇧🇩🇪',
  location: 'Paris, France',
} as const;

export const PAGES: Record<
  PageKey,
  { id: string; name: string; category: string; fan_count: number }
> = {
  main: {
    id: '104857362910384',
    name: 'Café Aurore',
    category: 'Coffee Shop',
    fan_count: 1_214_382,
  },
  nl: {
    id: '108234761029457',
    name: 'Café Aurore Nederland',
    category: 'Coffee Shop',
    fan_count: 86_412,
  },
};

/**
 * The demo's own apps, for the "connect an account" flows: a public X client (a desktop app keeps
 * no secret, PKCE stands in for it) and a Facebook app, with the person who manages both Pages.
 */
export const X_APP = { client_id: 'c29jaWFsLWluYm94LWRlbW86MTpuYQ', name: 'Social Inbox' } as const;
/** Its secret is the demo's, known to anyone: a real app's lives in the keychain or the hub's environment. */
export const FACEBOOK_APP = {
  app_id: '1468023750213462',
  app_name: 'Social Inbox',
  app_secret: 'demo-app-secret-7c41e09b',
} as const;
export const PAGE_ADMIN = { id: '100004827361952', name: 'Camille Laurent' } as const;

export const APPS: Record<
  AppKey,
  { id: string; name: string; category?: string; link?: string; namespace?: string }
> = {
  hootsuite: {
    id: '183319479611',
    name: 'Hootsuite',
    category: 'Business',
    link: 'https://hootsuite.com/',
    namespace: 'hootsuite',
  },
  'business-suite': {
    id: '121876164619130',
    name: 'Meta Business Suite',
    category: 'Business',
    link: 'https://business.facebook.com/',
  },
  sprout: {
    id: '142981269200814',
    name: 'Sprout Social',
    category: 'Business',
    link: 'https://sproutsocial.com/',
    namespace: 'sproutsocial',
  },
  iphone: {
    id: '6628568379',
    name: 'Facebook for iPhone',
    link: 'https://www.facebook.com/mobile/',
    namespace: 'fbiphone',
  },
};

export interface CastMember {
  username: string;
  name: string;
  lang: Lang;
  followers: number;
  following: number;
  tweets: number;
  /** `YYYY-MM-DD`: the account's creation, which also shapes its id. */
  created: string;
  verified?: boolean;
  description?: string;
  location?: string;
}

/** People who appear by name in the handwritten X threads. */
export const CAST: CastMember[] = [
  {
    username: 'lea_bsn',
    name: 'Léa Besson',
    lang: 'fr',
    followers: 48_217,
    following: 612,
    tweets: 9_874,
    created: '2014-09-03',
    description: 'Lyonnaise, maman de Noé. Je filme ce qui m’étonne 🎥',
    location: 'Lyon',
  },
  {
    username: 'hannahcoleeats',
    name: 'Hannah Cole',
    lang: 'en',
    followers: 874_096,
    following: 1_530,
    tweets: 31_207,
    created: '2011-02-18',
    verified: true,
    description: 'Food writer and cook. Weekly column, three cookbooks, honest reviews.',
    location: 'London',
  },
  {
    username: 'jmarchal_info',
    name: 'Julien Marchal',
    lang: 'fr',
    followers: 612_440,
    following: 2_981,
    tweets: 58_113,
    created: '2009-11-05',
    verified: true,
    description: 'Journaliste consommation. Enquêtes, arnaques et bonnes nouvelles. DM ouverts.',
    location: 'Paris',
  },
  {
    username: 'katrinvogt',
    name: 'Katrin Vogt',
    lang: 'de',
    followers: 95_388,
    following: 840,
    tweets: 22_450,
    created: '2012-05-22',
    verified: true,
    description: 'Verbraucherjournalistin. Lebensmittel, Handel, Preise. Hinweise gern per DM.',
    location: 'Hamburg',
  },
  {
    username: 'ConsoVigilance',
    name: 'Conso Vigilance',
    lang: 'fr',
    followers: 74_302,
    following: 390,
    tweets: 12_664,
    created: '2013-01-15',
    verified: true,
    description: 'Association de consommateurs. On lit les étiquettes pour vous.',
    location: 'France',
  },
  {
    username: 'giuliaferri_',
    name: 'Giulia Ferri',
    lang: 'it',
    followers: 531_870,
    following: 710,
    tweets: 14_032,
    created: '2015-03-30',
    verified: true,
    description: 'Cucina, viaggi e caffè. Milano ☕ Collaborazioni via email',
    location: 'Milano',
  },
  {
    username: 'nerea_mad',
    name: 'Nerea Ortega',
    lang: 'es',
    followers: 2_314,
    following: 488,
    tweets: 6_021,
    created: '2017-06-11',
    description: 'Madrid. Estudiante de enfermería y ex barista.',
  },
  {
    username: 'lucia_vlc',
    name: 'Lucía Navarro',
    lang: 'es',
    followers: 643,
    following: 301,
    tweets: 3_380,
    created: '2016-04-02',
    description: 'Valencia 🍊 Intolerante a la lactosa y a las excusas',
    location: 'Valencia',
  },
  {
    username: 'mama_van_twee',
    name: 'Ellen Mulder',
    lang: 'nl',
    followers: 887,
    following: 520,
    tweets: 4_115,
    created: '2019-08-20',
    description: 'Moeder van twee, werkt in de zorg.',
    location: 'Utrecht',
  },
  {
    username: 'marcotorino',
    name: 'Marco Bellini',
    lang: 'it',
    followers: 412,
    following: 377,
    tweets: 2_210,
    created: '2018-10-09',
    location: 'Torino',
  },
  {
    username: 'dairyfreedad',
    name: 'Chris Walsh',
    lang: 'en',
    followers: 1_873,
    following: 655,
    tweets: 7_902,
    created: '2016-01-27',
    description: 'Dad of two. One of them can’t have milk. Professional label reader.',
    location: 'Manchester',
  },
  {
    username: 'mjbrewer',
    name: 'Matt Brewer',
    lang: 'en',
    followers: 534,
    following: 612,
    tweets: 5_640,
    created: '2020-07-14',
  },
  {
    username: 'sam_in_madrid',
    name: 'Sam Porter',
    lang: 'en',
    followers: 1_122,
    following: 890,
    tweets: 8_301,
    created: '2015-10-19',
    description: 'Brit in Madrid. English teacher, bad at Spanish verbs.',
    location: 'Madrid',
  },
  {
    username: 'priya_builds',
    name: 'Priya Shah',
    lang: 'en',
    followers: 2_306,
    following: 1_044,
    tweets: 11_520,
    created: '2013-11-30',
    description: 'Frontend dev. Coffee, climbing, and too many side projects.',
    location: 'London',
  },
  {
    username: 'camille_vdm',
    name: 'Camille Vandamme',
    lang: 'fr',
    followers: 318,
    following: 402,
    tweets: 1_906,
    created: '2021-02-08',
    description: 'Étudiante en archi, toujours entre deux trains',
    location: 'Lille',
  },
  {
    username: 'tobi_schmitt',
    name: 'Tobias Schmitt',
    lang: 'de',
    followers: 781,
    following: 560,
    tweets: 4_488,
    created: '2014-03-17',
    location: 'Berlin',
  },
  {
    username: 'marco_rinaldi93',
    name: 'Marco Rinaldi',
    lang: 'it',
    followers: 156,
    following: 240,
    tweets: 870,
    created: '2022-01-11',
    location: 'Milano',
  },
  {
    username: 'joost_pendelt',
    name: 'Joost Hendriks',
    lang: 'nl',
    followers: 1_043,
    following: 733,
    tweets: 9_112,
    created: '2012-09-04',
    description: 'Forens Amsterdam–Groningen. Treinen, koffie en soms een mening.',
  },
  {
    username: 'aurelie_b',
    name: 'Aurélie Bonnet',
    lang: 'fr',
    followers: 524,
    following: 318,
    tweets: 2_760,
    created: '2017-12-01',
    location: 'Grenoble',
  },
  {
    username: 'jordi_bcn',
    name: 'Jordi Puig',
    lang: 'es',
    followers: 894,
    following: 610,
    tweets: 5_233,
    created: '2015-05-25',
    location: 'Barcelona',
  },
];
