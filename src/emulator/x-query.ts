import { LIST_PARAMETERS, TWEET_EXPANSIONS, USER_EXPANSIONS } from './x-fields';
import type { ParameterError } from './x-problems';

/** What a tweet or user answer shows: the requested fields and expansions. */
export interface Projection {
  tweetFields: Set<string>;
  userFields: Set<string>;
  expansions: Set<string>;
}

/** A timeline request's validated parameters. */
export interface TimelineQuery extends Projection {
  maxResults: number;
  sinceId: string | null;
  untilId: string | null;
  startMs: number | null;
  endMs: number | null;
  page: PageToken | null;
  exclude: Set<string>;
}

/** Where a page starts: strictly older (`next`) or strictly newer (`previous`) than `id`. */
export interface PageToken {
  direction: 'next' | 'previous';
  id: string;
}

const ID_PATTERN = /^[0-9]{1,19}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const TOKEN_MASK = 0x5a17c0ffee5eedn;

function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return ((hash >>> 0) % 36 ** 4).toString(36).padStart(4, '0');
}

/** An opaque, lowercase base-36 pagination token for a position in a timeline. */
export function encodePageToken(token: PageToken): string {
  const body = (BigInt(token.id) ^ TOKEN_MASK).toString(36).padStart(13, '0');
  const direction = token.direction === 'next' ? '0' : '1';
  return `${body}${direction}${checksum(body + direction)}`;
}

export function decodePageToken(text: string): PageToken | null {
  const match = /^([0-9a-z]{13})([01])([0-9a-z]{4})$/.exec(text);
  if (!match || checksum(match[1]! + match[2]!) !== match[3]) return null;
  let value = 0n;
  for (const ch of match[1]!) value = value * 36n + BigInt(parseInt(ch, 36));
  const id = (value ^ TOKEN_MASK).toString();
  if (!ID_PATTERN.test(id)) return null;
  return { direction: match[2] === '0' ? 'next' : 'previous', id };
}

/** Collects parameter errors as X words them; each check returns the parsed value or null. */
export class Checker {
  readonly errors: ParameterError[] = [];

  constructor(private readonly query: URLSearchParams) {}

  fail(name: string, value: string, message: string): null {
    this.errors.push({ parameters: { [name]: [value] }, message });
    return null;
  }

  allowOnly(allowed: readonly string[]): void {
    for (const [name, value] of this.query) {
      if (!allowed.includes(name))
        this.fail(
          name,
          value,
          `The query parameter [${name}] is not one of [${allowed.join(',')}]`,
        );
    }
  }

  list(name: string, accepted: readonly string[]): Set<string> {
    const raw = this.query.get(name);
    if (raw === null) return new Set();
    const values = raw.split(',');
    for (const value of values) {
      if (!accepted.includes(value))
        this.fail(
          name,
          value,
          `The \`${name}\` query parameter value [${value}] is not one of [${accepted.join(',')}]`,
        );
    }
    return new Set(values);
  }

  id(name: string): string | null {
    const raw = this.query.get(name);
    if (raw === null) return null;
    if (!ID_PATTERN.test(raw))
      return this.fail(
        name,
        raw,
        `The \`${name}\` query parameter value [${raw}] does not match ^[0-9]{1,19}$`,
      );
    return raw;
  }

  integer(name: string, min: number, max: number, fallback: number): number {
    const raw = this.query.get(name);
    if (raw === null) return fallback;
    const value = /^-?[0-9]+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(value) || value < min || value > max) {
      this.fail(
        name,
        raw,
        `The \`${name}\` query parameter value [${raw}] is not between ${min} and ${max}`,
      );
      return fallback;
    }
    return value;
  }

  time(name: string): number | null {
    const raw = this.query.get(name);
    if (raw === null) return null;
    const ms = RFC3339.test(raw) ? Date.parse(raw) : NaN;
    if (Number.isNaN(ms))
      return this.fail(
        name,
        raw,
        `The \`${name}\` query parameter value [${raw}] is not a valid RFC 3339 date-time (YYYY-MM-DDTHH:mm:ssZ)`,
      );
    return ms;
  }

  pageToken(name: string): PageToken | null {
    const raw = this.query.get(name);
    if (raw === null) return null;
    return (
      decodePageToken(raw) ??
      this.fail(name, raw, `The \`${name}\` query parameter value [${raw}] is not valid`)
    );
  }
}

function projection(check: Checker, expansions: readonly string[]): Projection {
  const result = {
    tweetFields: check.list('tweet.fields', LIST_PARAMETERS['tweet.fields']!),
    userFields: check.list('user.fields', LIST_PARAMETERS['user.fields']!),
    expansions: check.list('expansions', expansions),
  };
  for (const name of ['media.fields', 'poll.fields', 'place.fields'])
    check.list(name, LIST_PARAMETERS[name]!);
  return result;
}

/** Validates a user lookup's query. */
export function parseUserQuery(
  query: URLSearchParams,
  allowed: readonly string[],
): Projection | ParameterError[] {
  const check = new Checker(query);
  check.allowOnly(allowed);
  const result = projection(check, USER_EXPANSIONS);
  return check.errors.length > 0 ? check.errors : result;
}

/** Validates a tweet timeline's query (`exclude` only where `allowed` lists it). */
export function parseTimelineQuery(
  query: URLSearchParams,
  allowed: readonly string[],
): TimelineQuery | ParameterError[] {
  const check = new Checker(query);
  check.allowOnly(allowed);
  const result: TimelineQuery = {
    ...projection(check, TWEET_EXPANSIONS),
    maxResults: check.integer('max_results', 5, 100, 10),
    sinceId: check.id('since_id'),
    untilId: check.id('until_id'),
    startMs: check.time('start_time'),
    endMs: check.time('end_time'),
    page: check.pageToken('pagination_token'),
    exclude: allowed.includes('exclude')
      ? check.list('exclude', ['replies', 'retweets'])
      : new Set(),
  };
  if (result.startMs !== null && result.endMs !== null && result.startMs >= result.endMs) {
    check.fail(
      'start_time',
      query.get('start_time')!,
      `The \`start_time\` query parameter value [${query.get('start_time')}] must be before the \`end_time\` value [${query.get('end_time')}]`,
    );
  }
  return check.errors.length > 0 ? check.errors : result;
}
