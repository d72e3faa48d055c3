import { createHash } from 'node:crypto';
import { nonexistingField, unknownPath, unsupportedRequest } from './graph-errors';
import { checkFields, requestedFields } from './graph-fields';
import { parseListParams } from './graph-lists';
import type { GraphOAuth } from './graph-oauth';
import { listBody, pageList } from './graph-paging';
import type { GraphStore } from './graph-store';
import type { EmuRequest } from './http-kit';
import type { IssuedToken } from './oauth-grants';
import type { FacebookAdmin } from './scenario';

/**
 * What a user token (Facebook Login) reaches: the person (`/me`, `/{user-id}`), the Pages they
 * manage with a Page token for each (`/me/accounts`), and the app's permissions (`/me/permissions`,
 * whose DELETE removes the app). Anything else answers as Graph does for an object out of reach.
 */

export const USER_FIELDS = ['id', 'name', 'first_name', 'last_name', 'short_name'] as const;
const DEFAULT_USER_FIELDS = ['name', 'id'];
const ACCOUNT_FIELDS = [
  'access_token',
  'category',
  'category_list',
  'name',
  'id',
  'tasks',
  'fan_count',
  'followers_count',
  'link',
] as const;
const DEFAULT_ACCOUNT_FIELDS = ['access_token', 'category', 'category_list', 'name', 'id', 'tasks'];
/** A Page admin's tasks, as `/me/accounts` lists them for full control. */
export const ADMIN_TASKS = [
  'ADVERTISE',
  'ANALYZE',
  'CREATE_CONTENT',
  'MESSAGING',
  'MODERATE',
  'MANAGE',
];

export interface UserCall {
  req: EmuRequest;
  admin: FacebookAdmin;
  token: IssuedToken;
  param: (name: string) => string | null;
  oauth: GraphOAuth;
  store: GraphStore;
}

export function userRoute(call: UserCall): unknown {
  const { req, admin } = call;
  const rest = req.segments.slice(1);
  const method = req.method === 'POST' ? 'post' : req.method === 'DELETE' ? 'delete' : 'get';
  if (rest.length === 0 || rest.length > 2) throw unknownPath(`/${rest.slice(2).join('/')}`);
  const id = rest[0] === 'me' ? admin.id : rest[0]!;
  if (id !== admin.id) throw unsupportedRequest(method, id);
  const edge = rest[1];
  if (edge === undefined) {
    if (method !== 'get') throw unsupportedRequest(method, id);
    return renderUser(admin, call.param('fields'));
  }
  if (edge === 'accounts' && method === 'get') return accounts(call);
  if (edge === 'permissions' && method === 'get') return permissions(call.token);
  if (edge === 'permissions' && method === 'delete') {
    call.oauth.deauthorize(admin.id);
    return { success: true };
  }
  if (method !== 'get') throw unsupportedRequest(method, id);
  throw nonexistingField(edge, 'User');
}

function renderUser(admin: FacebookAdmin, raw: string | null): unknown {
  const specs = requestedFields(raw, DEFAULT_USER_FIELDS);
  checkFields(specs, USER_FIELDS, 'User');
  const words = admin.name.split(/\s+/);
  const values: Record<string, string> = {
    id: admin.id,
    name: admin.name,
    first_name: words[0] ?? admin.name,
    last_name: words.length > 1 ? words.slice(1).join(' ') : '',
    short_name: words[0] ?? admin.name,
  };
  const out: Record<string, string> = {};
  for (const spec of specs) out[spec.name] = values[spec.name]!;
  out.id = admin.id;
  return out;
}

/**
 * The Pages the person manages, in the scenario's order, paged with cursors like Graph's other
 * lists; every answer carries Page tokens valid for the Page routes.
 */
function accounts(call: UserCall): unknown {
  const { admin, store, param, oauth, token, req } = call;
  const specs = requestedFields(param('fields'), DEFAULT_ACCOUNT_FIELDS);
  checkFields(specs, ACCOUNT_FIELDS, 'Page');
  const items = admin.page_ids.flatMap((id, i) => {
    const page = store.page(id);
    return page ? [{ createdMs: i, id, page }] : [];
  });
  const params = parseListParams(param);
  const page = pageList(items, params.limit, params, false);
  const data = page.items.map(({ page: p }) => {
    const values: Record<string, unknown> = {
      access_token: oauth.pageToken(token, p.id),
      category: p.category,
      category_list: [{ id: categoryId(p.category), name: p.category }],
      name: p.name,
      id: p.id,
      tasks: [...ADMIN_TASKS],
      fan_count: p.fan_count,
      followers_count: p.fan_count,
      link: `https://www.facebook.com/${p.id}`,
    };
    const out: Record<string, unknown> = {};
    for (const spec of specs) out[spec.name] = values[spec.name];
    out.id = p.id;
    return out;
  });
  return listBody(page, data, req.url);
}

function permissions(token: IssuedToken): unknown {
  return {
    data: token.grant.scopes.map((permission) => ({ permission, status: 'granted' })),
  };
}

/** A stable numeric id for a category name (the scenario names categories, Graph numbers them). */
function categoryId(name: string): string {
  const digest = createHash('sha256').update(name.toLowerCase()).digest();
  return `1${(digest.readBigUInt64BE(0) % 10n ** 14n).toString().padStart(14, '0')}`;
}
