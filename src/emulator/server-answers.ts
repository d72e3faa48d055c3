import { errorPage } from './consent-page';
import type { Fault } from './faults';
import { unexpectedError } from './graph-errors';
import type { GraphPlay } from './graph-routes';
import { LATEST_GRAPH_VERSION } from './graph-versions';
import type { EmuResponse } from './http-kit';
import { randomToken } from './ids';
import { serverError } from './x-problems';

// The emulator's answers outside the platforms' routes: faults played as each platform plays them,
// the web sites' missing pages, and its own root.

/** The throttle or empty page Graph plays for a fault of those kinds. */
export function graphPlayOf(fault: Fault): GraphPlay | null {
  if (fault.kind === 'throttle')
    return {
      kind: 'throttle',
      code: fault.code ?? 80001,
      regainMinutes: fault.regainMinutes ?? 60,
    };
  if (fault.kind === 'empty-page') return { kind: 'empty-page' };
  return null;
}

/** A server error in the platform's words. */
export function failure(platform: 'x' | 'graph', status: number): EmuResponse {
  if (platform === 'x') return serverError(status);
  const traceId = randomToken(11);
  return {
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8', 'x-fb-trace-id': traceId },
    body: unexpectedError(status).body(traceId),
  };
}

/** A web path the emulated site does not serve. */
export function notAPage(site: string, url: URL): EmuResponse {
  const name = site === 'x-web' ? 'X (emulated x.com)' : 'Facebook (emulated www.facebook.com)';
  return errorPage(404, name, 'This page doesn’t exist', 'Nothing is served here.', url.pathname);
}

/** `/` describes the emulator; any other path outside the platforms' prefixes is a 404. */
export function rootAnswer(url: URL, segments: string[] | null): EmuResponse {
  if (segments && segments.length === 0) {
    return {
      status: 200,
      headers: {},
      body: {
        name: 'Social Inbox platform emulator',
        x: `${url.origin}/x/2/users/me`,
        graph: `${url.origin}/graph/${LATEST_GRAPH_VERSION}/me`,
        x_web: `${url.origin}/x-web/i/oauth2/authorize`,
        facebook_web: `${url.origin}/facebook-web/${LATEST_GRAPH_VERSION}/dialog/oauth`,
      },
    };
  }
  return { status: 404, headers: {}, body: { error: `Nothing is served at ${url.pathname}` } };
}
