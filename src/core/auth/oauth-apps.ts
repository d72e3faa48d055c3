import type { Clock } from '../time/clock';
import { FacebookOAuth } from './facebook-oauth';
import { XOAuth } from './x-oauth';

/** The platform apps the inbox is registered as, where each one's sign-in lives. */
export interface OAuthAppsConfig {
  xClientId: string | null;
  xClientSecret: string | null;
  xBaseUrl: string;
  xWebBaseUrl: string;
  facebookAppId: string | null;
  graphAppSecret: string | null;
  graphBaseUrl: string;
  graphVersion: string;
  facebookWebBaseUrl: string;
  clock: Clock;
}

/** The OAuth sign-ins the inbox can offer: none for a platform whose app is not configured. */
export interface OAuthApps {
  x: XOAuth | null;
  facebook: FacebookOAuth | null;
}

export function oauthApps(options: OAuthAppsConfig): OAuthApps {
  const x = options.xClientId
    ? new XOAuth({
        clientId: options.xClientId,
        clientSecret: options.xClientSecret,
        apiBaseUrl: options.xBaseUrl,
        webBaseUrl: options.xWebBaseUrl,
        clock: options.clock,
      })
    : null;
  const facebook =
    options.facebookAppId && options.graphAppSecret
      ? new FacebookOAuth({
          appId: options.facebookAppId,
          appSecret: options.graphAppSecret,
          graphBaseUrl: options.graphBaseUrl,
          graphVersion: options.graphVersion,
          webBaseUrl: options.facebookWebBaseUrl,
          clock: options.clock,
        })
      : null;
  return { x, facebook };
}
