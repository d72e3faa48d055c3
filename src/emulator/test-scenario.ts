import { snowflakeAt } from './ids';
import type { ScenarioInput } from './scenario';

/** A small scenario for the emulator's own tests, whose right answers are known. */

export const ANCHOR = '2026-03-10T12:00:00.000Z';
const base = Date.parse('2026-03-10T09:00:00.000Z');
/** The instant `minute` minutes after 09:00 on the scenario's day. */
export const at = (minute: number) => new Date(base + minute * 60_000).toISOString();
export const tweetId = (minute: number, seq = 0) => snowflakeAt(base + minute * 60_000, seq);

export const BRAND = {
  id: '1000000000000000001',
  username: 'CafeAurore',
  token: 'x-token-brand-0001',
};
export const OTHER = {
  id: '1000000000000000002',
  username: 'AurorePro',
  token: 'x-token-other-0002',
};
export const MARIE = { id: '3000000000000000001', username: 'marie_l', name: 'Marie L.' };
export const JAN = { id: '3000000000000000002', username: 'jan_nieuws', name: 'Jan de Vries' };

export const PAGE = { id: '200000000000001', name: 'Café Aurore', token: 'page-token-aurore-0001' };
export const OTHER_PAGE = {
  id: '200000000000002',
  name: 'Other Page',
  token: 'page-token-other-0002',
};
export const KLAUS = { id: '4000000001', name: 'Klaus Becker' };
export const GIULIA = { id: '4000000002', name: 'Giulia Rossi' };
export const HOOTSUITE = { id: '183319479611', name: 'Hootsuite', link: 'https://hootsuite.com' };

export const T = {
  root: tweetId(0),
  brandReply: tweetId(5),
  followUp: tweetId(9),
  broadcast: tweetId(15),
  quote: tweetId(20),
  orphan: tweetId(25),
  emoji: tweetId(26),
  other: tweetId(27),
};

export const POST = `${PAGE.id}_5001`;
export const POST2 = `${PAGE.id}_5002`;

/** `extraMentions` more mentions of @CafeAurore (one a second from 10:00), `extraComments` on POST2. */
export function testScenario(
  options: { extraMentions?: number; extraComments?: number; extraPosts?: number } = {},
): ScenarioInput {
  const { extraMentions = 0, extraComments = 0, extraPosts = 0 } = options;
  const extraStart = base + 60 * 60_000;
  return {
    name: 'emulator-spec',
    anchor: ANCHOR,
    x: {
      accounts: [
        { user_id: BRAND.id, access_token: BRAND.token },
        { user_id: OTHER.id, access_token: OTHER.token },
      ],
      users: [
        {
          id: BRAND.id,
          username: BRAND.username,
          name: 'Café Aurore',
          verified: true,
          followers_count: 180_000,
        },
        { id: OTHER.id, username: OTHER.username, name: 'Aurore Pro' },
        { ...MARIE, followers_count: 240, created_at: '2015-06-01T10:00:00Z' },
        { ...JAN, verified: true, followers_count: 650_000, description: 'Journalist' },
      ],
      tweets: [
        {
          id: T.root,
          author_id: MARIE.id,
          text: '@CafeAurore Ma commande était froide.',
          created_at: at(0),
          lang: 'fr',
        },
        {
          id: T.brandReply,
          author_id: BRAND.id,
          text: '@marie_l Désolés, écrivez-nous en privé.',
          created_at: at(5),
          lang: 'fr',
          in_reply_to: T.root,
          source: 'Twitter Web App',
        },
        {
          id: T.followUp,
          author_id: MARIE.id,
          text: '@CafeAurore Merci, message envoyé #remboursement',
          created_at: at(9),
          lang: 'fr',
          in_reply_to: T.brandReply,
          like_count: 3,
        },
        {
          id: T.broadcast,
          author_id: BRAND.id,
          text: 'Our autumn menu is here!',
          created_at: at(15),
          lang: 'en',
        },
        {
          id: T.quote,
          author_id: JAN.id,
          text: '@CafeAurore @marie_l Klopt het?',
          created_at: at(20),
          lang: 'nl',
          quotes: T.broadcast,
        },
        {
          id: T.orphan,
          author_id: MARIE.id,
          text: '@CafeAurore see my deleted tweet',
          created_at: at(25),
          lang: 'en',
          in_reply_to: '999',
        },
        {
          id: T.emoji,
          author_id: JAN.id,
          text: '🎉 @CafeAurore bravo',
          created_at: at(26),
          lang: 'nl',
        },
        {
          id: T.other,
          author_id: MARIE.id,
          text: '@AurorePro hello',
          created_at: at(27),
          lang: 'en',
        },
        ...Array.from({ length: extraMentions }, (_, i) => ({
          id: snowflakeAt(extraStart + i * 1000),
          author_id: i % 2 === 0 ? MARIE.id : JAN.id,
          text: `@CafeAurore question ${i + 1}`,
          created_at: new Date(extraStart + i * 1000).toISOString(),
          lang: 'en',
        })),
      ],
    },
    facebook: {
      pages: [
        {
          id: PAGE.id,
          name: PAGE.name,
          category: 'Coffee Shop',
          fan_count: 1_200_000,
          access_token: PAGE.token,
        },
        { id: OTHER_PAGE.id, name: OTHER_PAGE.name, access_token: OTHER_PAGE.token },
      ],
      users: [KLAUS, GIULIA],
      applications: [HOOTSUITE],
      posts: [
        {
          id: POST,
          page_id: PAGE.id,
          message: 'Notre déclaration sur le rappel.',
          created_time: at(1),
        },
        {
          id: POST2,
          page_id: PAGE.id,
          message: 'Autumn menu',
          created_time: at(40),
          application: HOOTSUITE,
        },
        {
          id: `${OTHER_PAGE.id}_7001`,
          page_id: OTHER_PAGE.id,
          message: 'Elsewhere',
          created_time: at(3),
        },
        ...Array.from({ length: extraPosts }, (_, i) => ({
          id: `${PAGE.id}_${6001 + i}`,
          page_id: PAGE.id,
          message: `Post ${i + 1}`,
          created_time: at(41 + i),
        })),
      ],
      comments: [
        {
          id: '5001_9001',
          post_id: POST,
          from_id: KLAUS.id,
          message: 'Warum so spät?',
          created_time: at(2),
        },
        {
          id: '5001_9002',
          post_id: POST,
          parent_id: '5001_9001',
          from_id: PAGE.id,
          message: 'Es tut uns leid, Klaus.',
          created_time: at(8),
          application: HOOTSUITE,
        },
        {
          id: '5001_9003',
          post_id: POST,
          parent_id: '5001_9001',
          from_id: KLAUS.id,
          message: 'Ich möchte mein Geld zurück.',
          created_time: at(15),
        },
        {
          id: '5001_9004',
          post_id: POST,
          from_id: GIULIA.id,
          message: 'Molto delusa.',
          created_time: at(25),
          like_count: 4,
          attachment: {
            type: 'photo',
            url: 'https://example.com/p.jpg',
            image_src: 'https://example.com/p.jpg',
          },
        },
        {
          id: '5001_9005',
          post_id: POST,
          from_id: GIULIA.id,
          message: 'Ancora niente?',
          created_time: at(26),
        },
        ...Array.from({ length: extraComments }, (_, i) => ({
          id: `5002_${10_000 + i}`,
          post_id: POST2,
          from_id: i % 2 === 0 ? KLAUS.id : GIULIA.id,
          message: `Comment ${i + 1}`,
          created_time: at(42 + i),
        })),
      ],
    },
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  body: any;
}

/** One HTTP call over loopback, its JSON body parsed. */
export async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? null : JSON.parse(text),
  };
}

export const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

/** A public X client (PKCE alone) with a name that needs escaping. */
export const X_PUBLIC_APP = {
  client_id: 'aW5ib3gtdGVzdDoxOm5h',
  name: 'Inbox <Test> & Co',
  redirect_uri: 'https://inbox.example/callback',
};
/** A confidential X client: the token endpoint wants its secret in a Basic header. */
export const X_CONFIDENTIAL_APP = {
  client_id: 'd2ViLXRlc3Q6MTpjaQ',
  client_secret: 'confidential-secret-0001',
  name: 'Web Inbox',
  redirect_uri: 'https://web.example/x/callback',
};
export const FB_APP = {
  id: '900000000000001',
  name: 'Social Inbox Test',
  secret: 'fb-app-secret-0001',
  redirect_uri: 'https://inbox.example/facebook/callback',
};
export const CAMILLE = { id: '100000000000010', name: 'Camille Laurent' };
export const SECOND_ADMIN = { id: '100000000000011', name: 'Sam Second' };

/** `testScenario` with OAuth apps on both platforms and two Facebook admins. */
export function oauthScenario(
  options: { longLivedTokenSeconds?: number; admins?: boolean } = {},
): ScenarioInput {
  const base = testScenario();
  return {
    ...base,
    x: {
      ...base.x,
      apps: [
        {
          client_id: X_PUBLIC_APP.client_id,
          name: X_PUBLIC_APP.name,
          redirect_uris: [X_PUBLIC_APP.redirect_uri],
        },
        {
          client_id: X_CONFIDENTIAL_APP.client_id,
          client_secret: X_CONFIDENTIAL_APP.client_secret,
          name: X_CONFIDENTIAL_APP.name,
          redirect_uris: [X_CONFIDENTIAL_APP.redirect_uri],
        },
      ],
    },
    facebook: {
      ...base.facebook,
      app_id: FB_APP.id,
      app_name: FB_APP.name,
      app_secret: FB_APP.secret,
      redirect_uris: [FB_APP.redirect_uri],
      ...(options.admins === false
        ? {}
        : {
            admins: [
              { ...CAMILLE, page_ids: [PAGE.id, OTHER_PAGE.id] },
              { ...SECOND_ADMIN, page_ids: [OTHER_PAGE.id] },
            ],
          }),
      ...(options.longLivedTokenSeconds !== undefined
        ? { long_lived_token_seconds: options.longLivedTokenSeconds }
        : {}),
    },
  };
}
