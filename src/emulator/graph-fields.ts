import { nonexistingField, syntaxError } from './graph-errors';

/**
 * One entry of a Graph `fields` parameter: `name`, optional modifiers (`.limit(5).summary(true)`)
 * and an optional sub-selection (`from{id,name}`).
 */
export interface FieldSpec {
  name: string;
  modifiers: Record<string, string>;
  sub: FieldSpec[] | null;
}

const NAME = /[A-Za-z0-9_]/;

/** Parses a `fields` value such as `id,message,from{name},comments.limit(3){message}`. */
export function parseFields(text: string): FieldSpec[] {
  let at = 0;
  const fail = (expected: string): never => {
    throw syntaxError(`Expected ${expected} instead of "${text[at] ?? 'end of string'}".`);
  };
  const name = (): string => {
    const start = at;
    while (at < text.length && NAME.test(text[at]!)) at++;
    if (at === start) fail('a field name');
    return text.slice(start, at);
  };
  const list = (closing: string | null): FieldSpec[] => {
    const specs: FieldSpec[] = [];
    for (;;) {
      while (text[at] === ' ') at++;
      if (closing !== null && text[at] === closing) break;
      if (closing === null && at >= text.length) break;
      const spec: FieldSpec = { name: name(), modifiers: {}, sub: null };
      while (text[at] === '.') {
        at++;
        const modifier = name();
        if (text[at] !== '(') fail('"("');
        const close = text.indexOf(')', at);
        if (close < 0) fail('")"');
        spec.modifiers[modifier] = text.slice(at + 1, close).trim();
        at = close + 1;
      }
      if (text[at] === '{') {
        at++;
        spec.sub = list('}');
        at++;
      }
      specs.push(spec);
      while (text[at] === ' ') at++;
      if (text[at] === ',') at++;
      else if (closing !== null ? text[at] !== closing : at < text.length)
        fail(closing ? `"," or "${closing}"` : '","');
    }
    return specs;
  };
  const specs = list(null);
  return specs;
}

/** The requested fields, or `defaults` when there is no `fields` parameter (or it is empty). */
export function requestedFields(raw: string | null, defaults: readonly string[]): FieldSpec[] {
  const specs = raw === null || raw.trim() === '' ? [] : parseFields(raw);
  return specs.length > 0 ? specs : defaults.map((name) => ({ name, modifiers: {}, sub: null }));
}

/** Throws Graph's error for the first field `allowed` does not list. */
export function checkFields(
  specs: FieldSpec[],
  allowed: readonly string[],
  nodeType: string,
): void {
  for (const spec of specs)
    if (!allowed.includes(spec.name)) throw nonexistingField(spec.name, nodeType);
}

/** Keeps `id` and the sub-selected keys of an embedded object (`from{name}` gives `{name, id}`). */
export function pick(
  value: Record<string, unknown>,
  sub: FieldSpec[] | null,
): Record<string, unknown> {
  if (sub === null) return value;
  const out: Record<string, unknown> = {};
  for (const spec of sub) if (spec.name in value) out[spec.name] = value[spec.name];
  if ('id' in value) out.id = value.id;
  return out;
}

export const PAGE_FIELDS = [
  'id',
  'name',
  'category',
  'fan_count',
  'followers_count',
  'link',
] as const;

export const POST_FIELDS = [
  'id',
  'message',
  'created_time',
  'updated_time',
  'permalink_url',
  'from',
  'application',
  'status_type',
  'is_hidden',
  'is_published',
  'can_reply_privately',
  'parent_id',
  'story',
  'message_tags',
  'attachments',
  'full_picture',
  'shares',
  'comments',
] as const;

export const COMMENT_FIELDS = [
  'id',
  'message',
  'from',
  'created_time',
  'parent',
  'permalink_url',
  'can_reply_privately',
  'is_hidden',
  'attachment',
  'application',
  'can_hide',
  'can_remove',
  'can_comment',
  'can_like',
  'comment_count',
  'like_count',
  'message_tags',
  'object',
  'is_private',
  'private_reply_conversation',
  'admin_creator',
  'user_likes',
  'comments',
] as const;

export const DEFAULT_PAGE_FIELDS = ['name', 'id'];
export const DEFAULT_POST_FIELDS = ['created_time', 'message', 'id'];
export const DEFAULT_COMMENT_FIELDS = ['created_time', 'from', 'message', 'id'];
