import { GraphError } from './graph-errors';

/**
 * What a Page token of the scenario (not obtained by login) may do: everything the inbox uses,
 * publishing on the Page and webhooks included. A scenario Page may list fewer (`scopes`).
 */
export const SCENARIO_PAGE_SCOPES = [
  'pages_show_list',
  'pages_read_engagement',
  'pages_read_user_content',
  'pages_manage_engagement',
  'pages_manage_posts',
  'pages_manage_metadata',
  'pages_messaging',
  'public_profile',
];

const REVIEW_LINKS =
  'Refer to https://developers.facebook.com/docs/apps/review/login-permissions#manage-pages and https://developers.facebook.com/docs/apps/review/feature#reference-PAGES_ACCESS for details.';

/** A read the token's permissions do not cover: code 10, naming the permission. */
const readRefused = (permission: string) =>
  new GraphError(
    400,
    `(#10) This endpoint requires the '${permission}' permission or the 'Page Public Content Access' feature. ${REVIEW_LINKS}`,
    'OAuthException',
    10,
  );

/** A write the token's permissions do not cover: a code of the 200 range. */
const writeRefused = (code: number, message: string) =>
  new GraphError(403, `(#${code}) ${message}`, 'OAuthException', code);

export type GraphAction =
  | { method: 'get'; edge: string | null }
  | { method: 'post'; target: 'page' | 'post' | 'comment'; edge: string | null };

/**
 * Checks a Page token's permissions (the scopes granted at login) for a call, as the Pages API
 * documents them (developers.facebook.com/docs/pages-api/getting-started, /docs/pages-api/posts,
 * /docs/pages-api/comments-mentions, /docs/messenger-platform/discovery/private-replies): reading
 * needs `pages_read_engagement` (and `pages_read_user_content` for comments), replying and hiding
 * `pages_manage_engagement`, publishing `pages_manage_posts`, a private reply `pages_messaging`,
 * the webhooks' `subscribed_apps` `pages_manage_metadata`.
 */
export function checkPermissions(scopes: readonly string[], action: GraphAction): void {
  const has = (scope: string) => scopes.includes(scope);
  // The Page's subscription to the app's webhooks, read or changed.
  if (action.edge === 'subscribed_apps' && !has('pages_manage_metadata'))
    throw writeRefused(200, 'Requires pages_manage_metadata permission to manage the object');
  if (action.method === 'get') {
    if (!has('pages_read_engagement')) throw readRefused('pages_read_engagement');
    if (action.edge === 'comments' && !has('pages_read_user_content'))
      throw readRefused('pages_read_user_content');
    return;
  }
  const { target, edge } = action;
  if (target === 'page' && edge === 'feed') {
    if (!has('pages_manage_posts') || !has('pages_read_engagement'))
      throw writeRefused(
        200,
        'If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin with sufficient administrative permission',
      );
    return;
  }
  if (target === 'page' && edge === 'messages') {
    if (!has('pages_messaging'))
      throw writeRefused(230, 'Requires pages_messaging permission to manage the object');
    return;
  }
  if (!has('pages_manage_engagement'))
    throw writeRefused(200, 'Requires pages_manage_engagement permission to manage the object');
}
