import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adminAnswer } from './admin';
import { facebookDialog } from './facebook-dialog';
import { FaultPlan } from './faults';
import type { Fault } from './faults';
import { GraphOAuth } from './graph-oauth';
import { graphAdminAnswer } from './graph-admin';
import { createGraphApi } from './graph-routes';
import { GraphStore } from './graph-store';
import { DEFAULT_GRAPH_BUDGET, GraphUsage } from './graph-usage';
import type { GraphBudget } from './graph-usage';
import { GraphWebhooks } from './graph-webhooks';
import { BodyTooLargeError, listen, readBody, splitPath, writeResponse } from './http-kit';
import type { EmuRequest } from './http-kit';
import { WriteJournal } from './journal';
import type { JournalEntry } from './journal';
import { GrantBook } from './oauth-grants';
import type { GrantSummary, OAuthPlatform } from './oauth-grants';
import { WindowCounter } from './rate-limit';
import type { Scenario } from './scenario';
import { ScenarioIntegrityError, scenarioProblems } from './scenario-check';
import { failure, graphPlayOf, notAPage, rootAnswer } from './server-answers';
import { withSyntheticItems } from './synthetic';
import { shiftScenario, shiftToNowDelta } from './time-shift';
import {
  createTranslationApis,
  isTranslationService,
  translationFailure,
} from './translation-routes';
import { XOAuth } from './x-oauth';
import { createXApi, isXFaultKind } from './x-routes';
import type { PostingCaps } from './x-caps';
import { XStore } from './x-store';

export interface EmulatorOptions {
  scenario: Scenario;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Move every scenario date by (now - anchor), so the newest items look recent. */
  shiftToNow?: boolean;
  /**
   * Serve items dated after now only once their time comes, so a scenario can keep mentions and
   * comments arriving. Default: on with `shiftToNow`, off without.
   */
  liveRelease?: boolean;
  /** X calls per window, per endpoint and token, over `X_RATE_LIMITS`: `{'GET /2/users/:id/mentions': 3}`. */
  rateLimits?: Partial<Record<string, number>>;
  /** Length of X's rate-limit windows; 15 minutes by default. */
  rateLimitWindowMs?: number;
  /** X's 24-hour posting caps, over `DEFAULT_POSTING_CAPS`: `{user24h: 3}`. */
  postingCaps?: Partial<PostingCaps>;
  /** Graph calls that make 100 %: per hour of `X-App-Usage`, per day of `X-Business-Use-Case-Usage`. */
  graphBudget?: Partial<GraphBudget>;
  /** The clock (epoch ms); tests may move it. */
  now?: () => number;
  /**
   * How long each API call takes before its answer starts, as the network and the platform take
   * over the internet (a few hundred ms); none by default, as on loopback.
   */
  latencyMs?: number;
}

export interface Emulator {
  url: string;
  /** Stands for https://api.x.com. */
  xBaseUrl: string;
  /** Stands for https://graph.facebook.com. */
  graphBaseUrl: string;
  /** Stands for https://x.com: the OAuth consent page, `${xWebBaseUrl}/i/oauth2/authorize`. */
  xWebBaseUrl: string;
  /** Stands for https://www.facebook.com: the login dialog, `${facebookWebBaseUrl}/v26.0/dialog/oauth`. */
  facebookWebBaseUrl: string;
  /** The scenario as served: synthetic items added, dates shifted. */
  scenario: Scenario;
  close(): Promise<void>;
  /** Makes matching requests fail (5xx, no answer, connection reset), before or after handling them. */
  injectFault(fault: Fault): void;
  clearFaults(): void;
  /**
   * Makes one token invalid from now on (X account, Page, or one issued by OAuth), as when a user
   * revokes access; it then answers as an unknown token.
   */
  revokeToken(token: string): boolean;
  /**
   * Ends every OAuth grant a user gave (an X account id, a Facebook admin id), as when they remove
   * the app in the platform's settings: all the grants' tokens stop working. Returns how many ended.
   */
  revokeGrants(platform: OAuthPlatform, userId: string): number;
  /** Every OAuth grant made so far, oldest first, without token values. */
  grants(): GrantSummary[];
  /** Every write clients made (tweets, DMs, comments, private replies, hides), oldest first. */
  writes(): JournalEntry[];
  /** The app's Page webhooks: the callback, the Pages subscribed, the deliveries. */
  webhooks: GraphWebhooks;
  /** Stands for https://api.deepl.com (DeepL's API v2 below it). */
  deeplBaseUrl: string;
  /** Stands for a LibreTranslate server. */
  libreTranslateBaseUrl: string;
}

/**
 * What an app needs to sign in through this emulator: where its consent pages are, and the app
 * registration the scenario holds (the first X app, the Facebook app). Named as the inbox's options.
 */
export function signInSettings(emulator: Emulator) {
  const { x, facebook } = emulator.scenario;
  return {
    xWebBaseUrl: emulator.xWebBaseUrl,
    facebookWebBaseUrl: emulator.facebookWebBaseUrl,
    xClientId: x.apps[0]?.client_id ?? null,
    xClientSecret: x.apps[0]?.client_secret ?? null,
    facebookAppId: facebook.app_id ?? null,
    graphAppSecret: facebook.app_secret ?? null,
  };
}

/** Adds the synthetic items, shifts the dates and checks references; throws ScenarioIntegrityError. */
export function prepareScenario(
  scenario: Scenario,
  options: { shiftToNow: boolean; nowMs: number },
): Scenario {
  const full = withSyntheticItems(scenario);
  const problems = scenarioProblems(full);
  if (problems.length > 0) throw new ScenarioIntegrityError(problems);
  return options.shiftToNow ? shiftScenario(full, shiftToNowDelta(full, options.nowMs)) : full;
}

/**
 * Starts the X API v2 and Graph API emulator: `${url}/x/2/...` and `${url}/graph/v26.0/...`, with
 * the platforms' OAuth pages at `${url}/x-web/...` and `${url}/facebook-web/...`.
 */
export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const now = options.now ?? Date.now;
  const shift = options.shiftToNow ?? false;
  const scenario = prepareScenario(options.scenario, { shiftToNow: shift, nowMs: now() });
  const liveRelease = options.liveRelease ?? shift;
  const journal = new WriteJournal(now);
  const xStore = new XStore(scenario, now, liveRelease);
  const graphStore = new GraphStore(scenario, now, liveRelease);
  const grantBook = new GrantBook(now);
  const xOAuth = new XOAuth({
    apps: scenario.x.apps,
    accounts: scenario.x.accounts.flatMap((a) => {
      const user = xStore.user(a.user_id);
      return user ? [{ id: user.id, username: user.username }] : [];
    }),
    grants: grantBook,
    now,
  });
  const graphOAuth = new GraphOAuth(scenario.facebook, grantBook, graphStore, now);
  const webhooks = new GraphWebhooks(
    {
      id: scenario.facebook.app_id ?? null,
      name: scenario.facebook.app_name ?? 'App',
      secret: scenario.facebook.app_secret ?? null,
    },
    graphStore,
    now,
  );
  const xApi = createXApi({
    store: xStore,
    limiter: new WindowCounter(options.rateLimitWindowMs ?? 15 * 60_000, now),
    now,
    ...(options.rateLimitWindowMs ? { windowMs: options.rateLimitWindowMs } : {}),
    ...(options.postingCaps ? { postingCaps: options.postingCaps } : {}),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    journal,
    oauthUser: (token) => xOAuth.userIdForToken(token),
  });
  const graphApi = createGraphApi({
    store: graphStore,
    ...(scenario.facebook.app_secret ? { appSecret: scenario.facebook.app_secret } : {}),
    requireProof: scenario.facebook.require_appsecret_proof,
    usage: new GraphUsage(
      new WindowCounter(60 * 60_000, now),
      { ...DEFAULT_GRAPH_BUDGET, ...options.graphBudget },
      now,
    ),
    journal,
    now,
    oauth: graphOAuth,
    webhooks,
  });
  const translation = createTranslationApis(scenario.translation);
  const faults = new FaultPlan();
  const revokeToken = (token: string) =>
    xStore.revokeToken(token) || graphStore.revokeToken(token) || grantBook.forget(token);
  const revokeGrants = (platform: OAuthPlatform, userId: string) =>
    grantBook.endAll(platform, userId);
  const grants = () => grantBook.list();
  const host = options.host ?? '127.0.0.1';
  const latencyMs = options.latencyMs ?? 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const segments = splitPath(url.pathname);
    const platform = segments?.[0] === 'x' ? 'x' : segments?.[0] === 'graph' ? 'graph' : null;
    /** The request as the routes see it: `segments` below the prefix, the body read unless a GET. */
    const requestOf = async (from: number): Promise<EmuRequest> => ({
      method: req.method ?? 'GET',
      url,
      segments: segments!.slice(from),
      headers: req.headers,
      query: url.searchParams,
      body: req.method === 'GET' || req.method === 'HEAD' ? '' : await readBody(req),
    });
    if (
      segments?.[0] === '__emulator' &&
      (segments[1] === 'facebook' || segments[1] === 'webhooks')
    ) {
      writeResponse(
        res,
        await graphAdminAnswer(await requestOf(0), { store: graphStore, webhooks }),
      );
      return;
    }
    if (segments?.[0] === '__emulator') {
      const request = await requestOf(0);
      writeResponse(
        res,
        adminAnswer(request, {
          faults,
          journal,
          revokeToken,
          revokeGrants,
          grants,
          arriveOnX: ({ text, author, lang }) => {
            const user = xStore.addUser({
              username: author.username,
              name: author.name,
              followers_count: author.followers,
            });
            const tweet = xStore.addTweet({
              author_id: user.id,
              text,
              lang,
              like_count: 0,
              retweet_count: 0,
              reply_count: 0,
              quote_count: 0,
            });
            return { id: tweet.id, author_id: user.id };
          },
        }),
      );
      return;
    }
    if (segments?.[0] === 'x-web' || segments?.[0] === 'facebook-web') {
      // Browser pages: no faults (they stand for the platforms' web sites, not their APIs).
      const request = await requestOf(1);
      const answer =
        segments[0] === 'x-web' ? xOAuth.web(request) : facebookDialog(request, graphOAuth);
      writeResponse(res, answer ?? notAPage(segments[0], url));
      return;
    }
    if (segments && isTranslationService(segments[0])) {
      const service = segments[0];
      const fault = faults.take(service, url.pathname.slice(service.length + 1));
      if (fault?.kind === 'timeout') return;
      if (fault?.kind === 'reset') return void req.socket.destroy();
      if (fault) return writeResponse(res, translationFailure(service, fault.status ?? 500));
      writeResponse(res, translation.answer(service, await requestOf(1)));
      return;
    }
    if (!segments || !platform) {
      writeResponse(res, rootAnswer(url, segments));
      return;
    }
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    let fault = faults.take(platform, url.pathname.slice(platform.length + 1));
    // A slow platform: the request is held, then handled as usual.
    if (fault?.kind === 'slow') {
      await new Promise((resolve) => setTimeout(resolve, fault?.delayMs ?? 1000));
      fault = null;
    }
    /** The fault instead of the answer: no answer until the client gives up or close(), a reset, a 5xx. */
    const play = (played: Fault): void => {
      if (played.kind === 'timeout') return;
      if (played.kind === 'reset') req.socket.destroy();
      else if (isXFaultKind(played.kind) && platform === 'x')
        writeResponse(res, xApi.faultAnswer(played.kind, req.method ?? 'GET', segments.slice(1)));
      else if (played.kind === 'error' && platform === 'x' && played.status === 429)
        writeResponse(
          res,
          xApi.faultAnswer('rate-limited', req.method ?? 'GET', segments.slice(1)),
        );
      else
        writeResponse(
          res,
          failure(platform, played.kind === 'throttle' ? 429 : (played.status ?? 500)),
        );
    };
    // Graph plays its own throttles and empty pages, once it has read the token.
    const graphPlay = platform === 'graph' && fault !== null ? graphPlayOf(fault) : null;
    if (fault && fault.when !== 'after' && !graphPlay) return play(fault);
    const request = await requestOf(1);
    const answer =
      platform === 'x'
        ? (xOAuth.api(request) ?? (await xApi(request)))
        : await graphApi(request, graphPlay);
    if (graphPlay) return writeResponse(res, answer);
    // The platform did what was asked; only its answer is lost.
    if (fault) return play(fault);
    writeResponse(res, answer);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return;
      if (err instanceof BodyTooLargeError) {
        writeResponse(res, { status: 413, headers: {}, body: { error: err.message } });
        return;
      }
      console.error('emulator: request failed:', err);
      const platform = req.url?.startsWith('/graph') ? 'graph' : 'x';
      writeResponse(res, failure(platform, 500));
    });
  });
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    xBaseUrl: `${url}/x`,
    graphBaseUrl: `${url}/graph`,
    xWebBaseUrl: `${url}/x-web`,
    facebookWebBaseUrl: `${url}/facebook-web`,
    deeplBaseUrl: `${url}/deepl`,
    libreTranslateBaseUrl: `${url}/libretranslate`,
    scenario,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    revokeToken,
    revokeGrants,
    grants,
    writes: () => journal.list(),
    webhooks,
  };
}
