import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/**
 * A scenario is everything the emulated platforms hold: accounts with their access tokens, people,
 * tweets, Page posts and comments. The emulator derives each endpoint's answer from it. The format is
 * documented in README.md beside this file.
 */

/**
 * A date as either platform writes it: X's `2026-01-05T10:00:00.000Z`, Graph's
 * `2010-09-04T10:00:00+0000`, or any ISO 8601 instant with a zone (`Z`, `+01:00`, `+0100`), with or
 * without fractions of a second. Read as the instant it names, in UTC with milliseconds.
 */
const isoDate = z.string().transform((text, ctx) => {
  const ms = instantOf(text);
  if (ms == null) {
    ctx.addIssue({
      code: 'custom',
      message: `${text} is not a date such as 2026-01-05T10:00:00.000Z (X) or 2010-09-04T10:00:00+0000 (Graph)`,
    });
    return z.NEVER;
  }
  return new Date(ms).toISOString();
});

const DATE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|([+-])(\d{2}):?(\d{2}))$/;

/**
 * The instant a date names, as either platform writes it: X's `2026-01-05T10:00:00.000Z`, Graph's
 * `2010-09-04T10:00:00+0000`, or any ISO 8601 date and time with a zone (`Z`, `+01:00`, `+0100`),
 * with or without fractions of a second. Null when it is not one (no zone, or no such day).
 */
export function instantOf(text: string): number | null {
  const m = DATE.exec(text);
  if (m == null) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Number(((m[7] ?? '') + '000').slice(0, 3));
  const local = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const back = new Date(local);
  if (
    back.getUTCFullYear() !== y ||
    back.getUTCMonth() !== mo - 1 ||
    back.getUTCDate() !== d ||
    back.getUTCHours() !== h ||
    back.getUTCMinutes() !== mi ||
    back.getUTCSeconds() !== s
  )
    return null;
  if (m[8] == null) return local;
  const offset = (Number(m[9]) * 60 + Number(m[10])) * 60_000;
  if (Number(m[9]) > 23 || Number(m[10]) > 59) return null;
  return m[8] === '+' ? local - offset : local + offset;
}

const snowflake = z.string().regex(/^[0-9]{1,19}$/, 'X ids are 1-19 digit strings');

export const XUserSchema = z.object({
  id: snowflake,
  username: z.string().regex(/^[A-Za-z0-9_]{1,15}$/),
  name: z.string(),
  verified: z.boolean().default(false),
  followers_count: z.number().int().nonnegative().default(0),
  following_count: z.number().int().nonnegative().default(0),
  tweet_count: z.number().int().nonnegative().default(0),
  profile_image_url: z.string().optional(),
  created_at: isoDate.optional(),
  /** Profile bio; served as `""` when absent, as X does. */
  description: z.string().optional(),
  location: z.string().optional(),
  /** `false`: the user takes no direct messages from the accounts (a DM to them answers 403). */
  accepts_dms: z.boolean().optional(),
});
export type XUser = z.infer<typeof XUserSchema>;

export const XTweetSchema = z.object({
  id: snowflake,
  author_id: snowflake,
  text: z.string().min(1),
  created_at: isoDate,
  /** BCP47 code as X serves it (`fr`, `en`, `und`, ...). */
  lang: z.string().default('und'),
  /** Id of the tweet this one replies to; the emulator derives conversation_id and in_reply_to_user_id. */
  in_reply_to: snowflake.optional(),
  /** Id of a quoted tweet. */
  quotes: snowflake.optional(),
  /** The posting app. X stopped serving it in Dec 2022: leave it out unless a scenario needs it. */
  source: z.string().optional(),
  like_count: z.number().int().nonnegative().default(0),
  retweet_count: z.number().int().nonnegative().default(0),
  reply_count: z.number().int().nonnegative().default(0),
  quote_count: z.number().int().nonnegative().default(0),
});
export type XTweet = z.infer<typeof XTweetSchema>;

export const XAccountSchema = z.object({
  /** The brand account's user id; must also appear in `x.users`. */
  user_id: snowflake,
  /** OAuth 2.0 user-context bearer token the emulator accepts for this account. */
  access_token: z.string().min(8),
});

/**
 * An app registered on the X developer portal, for the OAuth 2.0 endpoints. A confidential client
 * (a "Web App") has a secret and must authenticate with Basic auth at the token endpoint; a public
 * client (a "Native App") has none and proves itself with PKCE alone.
 */
export const XAppSchema = z.object({
  client_id: z.string().min(1),
  client_secret: z.string().min(8).optional(),
  name: z.string().min(1),
  /** The app's callback URIs; loopback URIs (127.0.0.1, [::1], localhost) are accepted besides. */
  redirect_uris: z.array(z.url()).default([]),
});
export type XApp = z.infer<typeof XAppSchema>;

export const GraphUserSchema = z.object({ id: z.string().regex(/^[0-9]+$/), name: z.string() });

/** A person who manages Pages: the one who logs in with Facebook and hands the app Page tokens. */
export const FacebookAdminSchema = z.object({
  id: z.string().regex(/^[0-9]+$/),
  name: z.string().min(1),
  page_ids: z.array(z.string()),
});
export type FacebookAdmin = z.infer<typeof FacebookAdminSchema>;

/** Who logs in when a scenario names no admin: one person managing every Page. */
export const DEFAULT_FACEBOOK_ADMIN = { id: '100000000000001', name: 'Page Admin' } as const;
/**
 * The default admin's id: DEFAULT_FACEBOOK_ADMIN's, or the next number free when the scenario's own
 * ids (Pages, people, apps, the app itself) already use it. Graph ids are one namespace: a person
 * whose id is a Page's would make `/{id}` answer for two objects.
 */
function defaultAdminId(facebook: {
  app_id?: string | undefined;
  pages: { id: string }[];
  users: { id: string }[];
  applications: { id: string }[];
}): string {
  const taken = new Set([
    ...facebook.pages.map((p) => p.id),
    ...facebook.users.map((u) => u.id),
    ...facebook.applications.map((a) => a.id),
    ...(facebook.app_id != null ? [facebook.app_id] : []),
  ]);
  let id = BigInt(DEFAULT_FACEBOOK_ADMIN.id);
  while (taken.has(id.toString())) id += 1n;
  return id.toString();
}

/** Facebook's long-lived user tokens last 60 days. */
export const LONG_LIVED_TOKEN_SECONDS = 5_184_000;

export const GraphApplicationSchema = z.object({
  id: z.string().regex(/^[0-9]+$/),
  name: z.string(),
  category: z.string().optional(),
  link: z.string().optional(),
  namespace: z.string().optional(),
});

export const GraphAttachmentSchema = z.object({
  type: z.string(),
  url: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  /** Image address, served as `media.image.src`. */
  image_src: z.string().optional(),
});

export const GraphPageSchema = z.object({
  id: z.string().regex(/^[0-9]+$/),
  name: z.string(),
  category: z.string().default('Brand'),
  fan_count: z.number().int().nonnegative().default(0),
  /** Page access token the emulator accepts for this Page. */
  access_token: z.string().min(8),
  /** The permissions that token carries; by default all the inbox uses (`SCENARIO_PAGE_SCOPES`). */
  scopes: z.array(z.string()).optional(),
});

export const GraphPostSchema = z.object({
  /** `{page-id}_{post-id}` as the Graph API forms it. */
  id: z.string().regex(/^[0-9]+_[0-9]+$/),
  page_id: z.string(),
  message: z.string(),
  created_time: isoDate,
  application: GraphApplicationSchema.optional(),
});

export const GraphCommentSchema = z.object({
  /** `{post-id}_{comment-id}` as the Graph API forms it. */
  id: z.string().regex(/^[0-9]+_[0-9]+$/),
  post_id: z.string(),
  /** Parent comment id for a reply inside a thread. */
  parent_id: z.string().optional(),
  /** Author: a person from `facebook.users`, or the Page itself (a brand reply). */
  from_id: z.string(),
  message: z.string(),
  created_time: isoDate,
  /** App the comment was made with (Graph `application`), e.g. a brand reply from a social media tool. */
  application: GraphApplicationSchema.optional(),
  like_count: z.number().int().nonnegative().default(0),
  is_hidden: z.boolean().default(false),
  /** A photo, sticker or link shown with the comment (Graph `attachment`). */
  attachment: GraphAttachmentSchema.optional(),
  /**
   * Out of the Page's sight (its author deactivated the account or restricts who sees it): Graph
   * counts it when it cuts a list into pages, then leaves it out, so a page may come back short or
   * empty and still have `next`.
   */
  unavailable: z.boolean().optional(),
});

const TRANSLATION_LANGS = ['fr', 'en', 'de', 'nl', 'es', 'it'] as const;

/**
 * The emulated translation services (DeepL's API, a LibreTranslate server): their keys, limits,
 * and the phrases they know, each in every language.
 */
export const TranslationScenarioSchema = z.object({
  deepl: z
    .object({
      auth_keys: z
        .array(
          z.object({
            key: z.string().min(1),
            /** Characters a billing period allows (500,000 on DeepL API Free). */
            character_limit: z.number().int().positive().default(500_000),
            /** Characters already translated in this period. */
            character_count: z.number().int().nonnegative().default(0),
          }),
        )
        .default([]),
    })
    .default({ auth_keys: [] }),
  libretranslate: z
    .object({
      /** The server's API keys; none: it is run without `--api-keys` and takes any request. */
      api_keys: z.array(z.string().min(1)).default([]),
      /** Refuse a request without a key (`--require-api-key-origin` and the like). */
      require_api_key: z.boolean().default(false),
      /** Characters a request may hold (`--char-limit`); -1: no limit. */
      char_limit: z.number().int().min(-1).default(-1),
    })
    .default({ api_keys: [], require_api_key: false, char_limit: -1 }),
  phrases: z
    .array(
      z.object({
        /** The tone the phrase is written in, the same in every language. */
        polarity: z.enum(['negative', 'neutral', 'positive']).optional(),
        texts: z.record(z.enum(TRANSLATION_LANGS), z.string().min(1)),
      }),
    )
    .default([]),
});
export type TranslationScenario = z.infer<typeof TranslationScenarioSchema>;

export const ScenarioSchema = z.object({
  name: z.string(),
  description: z.string().default(''),
  /**
   * The instant the scenario's dates are written against. With `shiftToNow`, the emulator moves
   * every date by (start time - anchor) so the newest items look recent.
   */
  anchor: isoDate,
  x: z.object({
    /** Apps that may use the OAuth 2.0 endpoints; none: the authorize page refuses every client. */
    apps: z.array(XAppSchema).default([]),
    accounts: z.array(XAccountSchema),
    users: z.array(XUserSchema),
    tweets: z.array(XTweetSchema),
  }),
  facebook: z
    .object({
      /** The app's id, the `client_id` of Facebook Login; none: the login dialog refuses every app. */
      app_id: z
        .string()
        .regex(/^[0-9]+$/)
        .optional(),
      /** The app's name, shown by the login dialog and `debug_token`. */
      app_name: z.string().min(1).optional(),
      /**
       * The app's secret: checks `appsecret_proof` on calls that carry one, and `client_secret` when
       * exchanging codes and tokens (without it, any client_secret is accepted).
       */
      app_secret: z.string().min(8).optional(),
      /** With `app_secret`: refuse calls without `appsecret_proof` (the app's "Require App Secret"). */
      require_appsecret_proof: z.boolean().default(false),
      /** The app's "Valid OAuth Redirect URIs"; loopback URIs are accepted besides. */
      redirect_uris: z.array(z.url()).default([]),
      /** Who can log in with Facebook; absent: `DEFAULT_FACEBOOK_ADMIN`, managing every Page. */
      admins: z.array(FacebookAdminSchema).optional(),
      /** Lifetime of long-lived user tokens (`fb_exchange_token`); tests shorten it. */
      long_lived_token_seconds: z.number().int().positive().default(LONG_LIVED_TOKEN_SECONDS),
      pages: z.array(GraphPageSchema),
      users: z.array(GraphUserSchema),
      applications: z.array(GraphApplicationSchema).default([]),
      posts: z.array(GraphPostSchema),
      comments: z.array(GraphCommentSchema),
    })
    .transform(({ admins, ...facebook }) => ({
      ...facebook,
      admins: admins ?? [
        {
          ...DEFAULT_FACEBOOK_ADMIN,
          id: defaultAdminId(facebook),
          page_ids: facebook.pages.map((page) => page.id),
        },
      ],
    })),
  /** The translation services the emulator plays; absent: they know no key and no phrase. */
  translation: TranslationScenarioSchema.optional(),
  /** Deterministic extra items for load tests and the demo, added when the emulator starts. */
  synthetic: z
    .object({
      /** Extra mentions of the first X account, by generated people, one a minute before the anchor. */
      x_mentions: z.number().int().nonnegative().default(0),
      /** Extra comments spread over the Page posts, one a minute before the anchor. */
      facebook_comments: z.number().int().nonnegative().default(0),
      seed: z.number().int().default(1),
    })
    .optional(),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;

export function parseScenario(json: unknown): Scenario {
  return ScenarioSchema.parse(json);
}

export async function loadScenario(path: string): Promise<Scenario> {
  return parseScenario(JSON.parse(await readFile(path, 'utf8')));
}
