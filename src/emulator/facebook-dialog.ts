import { consentPage, errorPage } from './consent-page';
import type { GraphOAuth } from './graph-oauth';
import type { EmuRequest, EmuResponse } from './http-kit';
import { formParams, isAcceptedRedirect, redirectTo, withQuery } from './oauth-kit';

/**
 * The Facebook Login dialog of www.facebook.com (`/facebook-web/:version/dialog/oauth`, the
 * version optional as on Facebook): the person picks who logs in, continues or cancels, and the
 * browser goes back to the app with a code or an error. Facebook ends these redirects with `#_=_`.
 */

const SITE = 'Facebook (emulated www.facebook.com)';
const VERSION = /^v\d+\.\d+$/;
const FRAGMENT = '#_=_';

interface DialogRequest {
  redirectUri: string;
  state: string | null;
  scope: string;
}

type Checked = { ok: true; value: DialogRequest } | { ok: false; title: string; reason: string };

export function facebookDialog(req: EmuRequest, oauth: GraphOAuth): EmuResponse | null {
  const [first, ...rest] = req.segments;
  const versioned = first !== undefined && VERSION.test(first);
  const path = (versioned ? rest : req.segments).join('/');
  if (path !== 'dialog/oauth') return null;
  const action = `/facebook-web/${versioned ? `${first}/` : ''}dialog/oauth`;
  if (req.method === 'GET') return showDialog(oauth, req.query, action);
  if (req.method === 'POST')
    return decide(oauth, formParams({ ...req, query: new URLSearchParams() }));
  return refusal('Sorry, something went wrong.', `${req.method} is not served here.`, 405);
}

function checkRequest(oauth: GraphOAuth, params: URLSearchParams): Checked {
  const clientId = params.get('client_id');
  if (oauth.appId === null || clientId !== oauth.appId)
    return {
      ok: false,
      title: 'Invalid App ID',
      reason: `The provided app ID "${clientId ?? ''}" does not look like a valid app ID.`,
    };
  const redirectUri = params.get('redirect_uri');
  if (redirectUri === null || !isAcceptedRedirect(redirectUri, oauth.redirectUris))
    return {
      ok: false,
      title: 'URL blocked',
      reason:
        'This redirect failed because the redirect URI is not allowlisted in the app’s Client OAuth Settings. ' +
        `(redirect_uri: "${redirectUri ?? ''}"; a Valid OAuth Redirect URI or a loopback URI is needed.)`,
    };
  const responseType = params.get('response_type') ?? 'code';
  if (responseType !== 'code')
    return {
      ok: false,
      title: 'Sorry, something went wrong.',
      reason: `response_type "${responseType}" is not served: the emulator plays the code flow.`,
    };
  return {
    ok: true,
    value: { redirectUri, state: params.get('state'), scope: params.get('scope') ?? '' },
  };
}

function showDialog(oauth: GraphOAuth, query: URLSearchParams, action: string): EmuResponse {
  const checked = checkRequest(oauth, query);
  if (!checked.ok) return refusal(checked.title, checked.reason);
  const request = checked.value;
  if (oauth.admins.length === 0)
    return refusal('Sorry, something went wrong.', 'The scenario has no Facebook admin.');
  const scopes = splitScopes(request.scope);
  return consentPage({
    site: SITE,
    title: 'Log in with Facebook',
    heading: `${oauth.appName} is requesting access to your Facebook account.`,
    action,
    hidden: [
      ['client_id', oauth.appId!],
      ['redirect_uri', request.redirectUri],
      ['scope', request.scope],
      ...(request.state !== null ? [['state', request.state] as [string, string]] : []),
      ['response_type', 'code'],
    ],
    choice: {
      name: 'admin',
      legend: 'Continue as',
      options: oauth.admins.map((a) => ({ value: a.id, label: a.name })),
    },
    listTitle: `${oauth.appName} will receive:`,
    items: [...new Set([...scopes, 'public_profile'])],
    buttons: [
      { name: 'decision', value: 'continue', label: 'Continue', primary: true },
      { name: 'decision', value: 'cancel', label: 'Cancel' },
    ],
  });
}

function decide(oauth: GraphOAuth, form: URLSearchParams): EmuResponse {
  const checked = checkRequest(oauth, form);
  if (!checked.ok) return refusal(checked.title, checked.reason);
  const request = checked.value;
  const decision = form.get('decision');
  if (decision === 'cancel')
    return redirectTo(
      withQuery(
        request.redirectUri,
        [
          ['error', 'access_denied'],
          ['error_code', '200'],
          ['error_description', 'Permissions error'],
          ['error_reason', 'user_denied'],
          ['state', request.state],
        ],
        FRAGMENT,
      ),
    );
  if (decision !== 'continue')
    return refusal('Sorry, something went wrong.', 'The form was sent without a decision.');
  const admin = oauth.admin(form.get('admin') ?? '');
  if (!admin)
    return refusal('Sorry, something went wrong.', 'The form names no admin of the scenario.');
  const code = oauth.issueCode(admin.id, splitScopes(request.scope), request.redirectUri);
  return redirectTo(
    withQuery(
      request.redirectUri,
      [
        ['code', code],
        ['state', request.state],
      ],
      FRAGMENT,
    ),
  );
}

function refusal(title: string, reason: string, status = 400): EmuResponse {
  return errorPage(
    status,
    SITE,
    title,
    'The app cannot use Facebook Login with this request.',
    reason,
  );
}

/** Facebook reads `scope` as a comma-separated list (spaces tolerated). */
function splitScopes(scope: string): string[] {
  return [...new Set(scope.split(/[\s,]+/).filter((s) => s !== ''))];
}
