import type {
  Agent,
  Conversation,
  Figures,
  Platform,
  Post,
  Report,
  ReportDrill,
} from '../../shared';
import { nearestRank } from './percentile';

/** The responder of the brand's replies made with another app than the inbox. */
export const OUTSIDE = 'outside';
const UNKNOWN_LANGUAGE = 'unknown';

export interface ReportRange {
  from: string;
  to: string;
  targetMinutes: number;
}

/** What the report knows of one conversation that arrived in the range. */
interface Case {
  conversation: Conversation;
  platform: Platform;
  language: string;
  /** Milliseconds from the first customer post to the first brand reply; null if unanswered. */
  firstResponseMs: number | null;
  /** Who made the first brand reply: an agent id, `outside`, or null (unanswered). */
  firstResponder: string | null;
  /** The inbox's replies, by agent. */
  replies: { agent: string; kind: 'public' | 'private' }[];
  outside: Post[];
}

function caseOf(conversation: Conversation, posts: readonly Post[]): Case {
  const ordered = [...posts].sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
  );
  const opener = ordered.find((p) => p.direction === 'inbound');
  const first =
    opener == null
      ? undefined
      : ordered.find((p) => p.direction === 'outbound' && p.createdAt >= opener.createdAt);
  const outbound = ordered.filter((p) => p.direction === 'outbound');
  return {
    conversation,
    platform: conversation.platform,
    language: conversation.language ?? UNKNOWN_LANGUAGE,
    firstResponseMs:
      first == null || opener == null
        ? null
        : Date.parse(first.createdAt) - Date.parse(opener.createdAt),
    firstResponder: first == null ? null : first.outside ? OUTSIDE : (first.sentBy ?? OUTSIDE),
    replies: outbound
      .filter((p) => !p.outside && p.sentBy != null)
      .map((p) => ({ agent: p.sentBy as string, kind: p.private ? 'private' : 'public' })),
    outside: outbound.filter((p) => p.outside),
  };
}

/** Whether a case belongs to a responder: an agent replied in it, or someone replied outside. */
function involves(c: Case, responder: string): boolean {
  return responder === OUTSIDE
    ? c.outside.length > 0
    : c.replies.some((r) => r.agent === responder);
}

/**
 * Figures of a set of cases. For a responder, first-response times count the conversations they
 * answered first, and replies count theirs only.
 */
function figures(cases: readonly Case[], targetMs: number, responder?: string): Figures {
  const firsts = cases.filter((c) =>
    responder == null ? c.firstResponseMs != null : c.firstResponder === responder,
  );
  const times = firsts.map((c) => c.firstResponseMs as number).sort((a, b) => a - b);
  const within = times.filter((t) => t <= targetMs).length;
  let repliesPublic = 0;
  let repliesPrivate = 0;
  for (const c of cases) {
    if (responder === OUTSIDE) {
      for (const p of c.outside)
        if (p.private) repliesPrivate++;
        else repliesPublic++;
      continue;
    }
    for (const r of c.replies) {
      if (responder != null && r.agent !== responder) continue;
      if (r.kind === 'public') repliesPublic++;
      else repliesPrivate++;
    }
    // A group's replies are all the brand's, from the inbox or not; an agent's are theirs.
    if (responder == null)
      for (const p of c.outside)
        if (p.private) repliesPrivate++;
        else repliesPublic++;
  }
  // A responder's share is over the conversations they answered first; the team's over arrivals.
  const base = responder == null ? cases.length : firsts.length;
  return {
    conversations: cases.length,
    answered: firsts.length,
    repliesPublic,
    repliesPrivate,
    firstResponseMedianMs: nearestRank(times, 0.5),
    firstResponseP90Ms: nearestRank(times, 0.9),
    withinTarget: within,
    withinTargetShare: base === 0 ? null : within / base,
  };
}

function groupBy<K extends string>(cases: readonly Case[], key: (c: Case) => K): Map<K, Case[]> {
  const groups = new Map<K, Case[]>();
  for (const c of cases) {
    const k = key(c);
    const list = groups.get(k);
    if (list) list.push(c);
    else groups.set(k, [c]);
  }
  return groups;
}

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 140 ? `${flat.slice(0, 139)}…` : flat;
}

/**
 * Builds reports over the store's conversations. `postsOf` gives a conversation's posts (loaded by
 * the caller for the range).
 */
export class ReportBuilder {
  private readonly cases: Case[];

  constructor(
    private readonly range: ReportRange,
    conversations: Iterable<Conversation>,
    postsOf: (conversationId: string) => readonly Post[],
  ) {
    const from = Date.parse(range.from);
    const to = Date.parse(range.to);
    this.cases = [];
    for (const c of conversations) {
      const at = Date.parse(c.createdAt);
      if (at >= from && at < to) this.cases.push(caseOf(c, postsOf(c.id)));
    }
  }

  private get targetMs(): number {
    return this.range.targetMinutes * 60_000;
  }

  report(agents: readonly Agent[]): Report {
    const { cases, targetMs } = this;
    const nameOf = new Map(agents.map((a) => [a.id, a.name]));
    const responderIds = new Set<string>();
    for (const c of cases) {
      for (const r of c.replies) responderIds.add(r.agent);
      if (c.outside.length > 0) responderIds.add(OUTSIDE);
    }
    const responders = [...responderIds]
      .map((responder) => ({
        responder,
        name: responder === OUTSIDE ? 'Outside the inbox' : (nameOf.get(responder) ?? responder),
        figures: figures(
          cases.filter((c) => involves(c, responder)),
          targetMs,
          responder,
        ),
      }))
      .sort((a, b) =>
        a.responder === OUTSIDE ? 1 : b.responder === OUTSIDE ? -1 : a.name.localeCompare(b.name),
      );
    const platforms = groupBy(cases, (c) => c.platform);
    const languages = groupBy(cases, (c) => c.language);
    const unanswered = (list: readonly Case[]) =>
      list.filter((c) => c.firstResponseMs == null).length;
    const outsideReplies = cases
      .flatMap((c) =>
        c.outside.map((p) => ({
          postId: p.id,
          conversationId: c.conversation.id,
          platform: p.platform,
          app: p.sourceApp?.name ?? 'an unknown app',
          createdAt: p.createdAt,
          excerpt: excerpt(p.text),
        })),
      )
      .sort(byKey((r) => r.createdAt));
    const apps = new Map<string, number>();
    for (const r of outsideReplies) apps.set(r.app, (apps.get(r.app) ?? 0) + 1);
    return {
      from: this.range.from,
      to: this.range.to,
      targetMinutes: this.range.targetMinutes,
      team: figures(cases, targetMs),
      responders,
      byPlatform: [...platforms]
        .map(([platform, list]) => ({ platform, figures: figures(list, targetMs) }))
        .sort(byKey((p) => p.platform)),
      byLanguage: [...languages]
        .map(([language, list]) => ({ language, figures: figures(list, targetMs) }))
        .sort(
          (a, b) =>
            b.figures.conversations - a.figures.conversations || (a.language < b.language ? -1 : 1),
        ),
      coverage: {
        unanswered: unanswered(cases),
        byLanguage: [...languages]
          .map(([language, list]) => ({
            language,
            arrived: list.length,
            unanswered: unanswered(list),
          }))
          .sort((a, b) => b.unanswered - a.unanswered || (a.language < b.language ? -1 : 1)),
        byPlatform: [...platforms]
          .map(([platform, list]) => ({
            platform,
            arrived: list.length,
            unanswered: unanswered(list),
          }))
          .sort(byKey((p) => p.platform)),
        silentLanguages: [...languages]
          .filter(([, list]) => list.every((c) => c.firstResponseMs == null))
          .map(([language]) => language)
          .sort(),
      },
      outside: {
        replies: outsideReplies,
        byApp: [...apps]
          .map(([app, replies]) => ({ app, replies }))
          .sort((a, b) => b.replies - a.replies || a.app.localeCompare(b.app)),
      },
    };
  }

  /** The conversations behind a figure, newest first: what a click on the figure lists. */
  drill(drill: ReportDrill): Conversation[] {
    const { targetMs } = this;
    const responder = drill.responder;
    const only = drill.conversationIds == null ? null : new Set(drill.conversationIds);
    const chosen = this.cases.filter((c) => {
      if (only != null && !only.has(c.conversation.id)) return false;
      if (drill.platform != null && c.platform !== drill.platform) return false;
      if (drill.language != null && c.language !== drill.language) return false;
      if (responder != null && !involves(c, responder)) return false;
      const first = responder == null || c.firstResponder === responder;
      switch (drill.set) {
        case 'conversations':
          return true;
        case 'answered':
          return first && c.firstResponseMs != null;
        case 'unanswered':
          return c.firstResponseMs == null;
        case 'within-target':
          return first && c.firstResponseMs != null && c.firstResponseMs <= targetMs;
        case 'over-target':
          return first && c.firstResponseMs != null && c.firstResponseMs > targetMs;
        case 'replied-public':
        case 'replied-private': {
          const kind = drill.set === 'replied-public' ? 'public' : 'private';
          const outside = c.outside.some((p) => p.private === (kind === 'private'));
          if (responder === OUTSIDE) return outside;
          if (responder == null && outside) return true;
          return c.replies.some(
            (r) => r.kind === kind && (responder == null || r.agent === responder),
          );
        }
        case 'outside-replies':
          return c.outside.length > 0;
      }
    });
    return chosen
      .map((c) => c.conversation)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }
}
