import { UNKNOWN_LANGUAGE } from '../../shared';
import type { Agent, Conversation, Figures, Post, Report, ReportDrill } from '../../shared';
import { factsOf, headOf } from '../store/port';
import type { ConversationHead } from '../store/port';
import { nearestRank } from './percentile';
import { OUTSIDE, caseOf } from './report-case';
import type { ReportCase } from './report-case';
import { inToneSet, isToneSet, languageAnswers, reassurance } from './tone-report';

export interface ReportRange {
  from: string;
  to: string;
  targetMinutes: number;
}

/** Whether a case belongs to a responder: an agent replied in it, or someone replied outside. */
function involves(c: ReportCase, responder: string): boolean {
  return responder === OUTSIDE
    ? c.outside.length > 0
    : c.replies.some((r) => r.agent === responder);
}

/**
 * Figures of a set of cases. For a responder, first-response times count the conversations they
 * answered first, and replies count theirs only.
 */
function figures(cases: readonly ReportCase[], targetMs: number, responder?: string): Figures {
  // First-response times of the conversations answered (first by the responder), in one pass.
  const times = new Float64Array(cases.length);
  let answered = 0;
  let repliesPublic = 0;
  let repliesPrivate = 0;
  for (const c of cases) {
    if (responder == null ? c.firstResponseMs != null : c.firstResponder === responder)
      times[answered++] = c.firstResponseMs as number;
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
  const sorted = times.subarray(0, answered).sort();
  let within = 0;
  while (within < answered && sorted[within]! <= targetMs) within++;
  // A responder's share is over the conversations they answered first; the team's over arrivals.
  const base = responder == null ? cases.length : answered;
  return {
    conversations: cases.length,
    answered,
    repliesPublic,
    repliesPrivate,
    firstResponseMedianMs: nearestRank(sorted, 0.5),
    firstResponseP90Ms: nearestRank(sorted, 0.9),
    withinTarget: within,
    withinTargetShare: base === 0 ? null : within / base,
  };
}

/** Orders the line of the conversations with no language detected after every language. */
function undetectedLast(a: string, b: string): number {
  return Number(a === UNKNOWN_LANGUAGE) - Number(b === UNKNOWN_LANGUAGE);
}

function groupBy<K extends string, T>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
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
 * The cases a report over the range counts: the conversations that arrived (were created) in
 * [from, to), in the order given. `postsOf` gives a conversation's posts, oldest first.
 */
export function casesIn(
  range: Pick<ReportRange, 'from' | 'to'>,
  conversations: Iterable<Conversation>,
  postsOf: (conversationId: string) => readonly Post[],
): ReportCase[] {
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  const cases: ReportCase[] = [];
  for (const c of conversations) {
    const at = Date.parse(c.createdAt);
    if (!(at >= from && at < to)) continue;
    const posts = postsOf(c.id);
    cases.push(caseOf(headOf(c), posts.map(factsOf), (id) => posts.find((p) => p.id === id)));
  }
  return cases;
}

/**
 * Builds a report and its drill-downs from the cases of the conversations that arrived in the
 * range (`casesIn` makes them from conversations in memory, report-cases.ts from the store's
 * heads, oldest first). Items of the same instant (outside replies, drilled conversations) keep
 * the cases' order.
 */
export class ReportBuilder {
  constructor(
    private readonly range: ReportRange,
    private readonly cases: readonly ReportCase[],
  ) {}

  private get targetMs(): number {
    return this.range.targetMinutes * 60_000;
  }

  report(agents: readonly Agent[]): Report {
    const { cases, targetMs } = this;
    const nameOf = new Map(agents.map((a) => [a.id, a.name]));
    const responderName = (responder: string) =>
      responder === OUTSIDE ? 'Outside the inbox' : (nameOf.get(responder) ?? responder);
    // Each responder's cases (those that involve them), in one pass and in the cases' order.
    const involved = new Map<string, ReportCase[]>();
    const involve = (responder: string, c: ReportCase) => {
      const list = involved.get(responder);
      if (list == null) involved.set(responder, [c]);
      else if (list[list.length - 1] !== c) list.push(c);
    };
    for (const c of cases) {
      for (const r of c.replies) involve(r.agent, c);
      if (c.outside.length > 0) involve(OUTSIDE, c);
    }
    const responders = [...involved]
      .map(([responder, list]) => ({
        responder,
        name: responderName(responder),
        figures: figures(list, targetMs, responder),
      }))
      .sort((a, b) =>
        a.responder === OUTSIDE ? 1 : b.responder === OUTSIDE ? -1 : a.name.localeCompare(b.name),
      );
    const platforms = groupBy(cases, (c) => c.platform);
    const languages = groupBy(cases, (c) => c.language);
    const unanswered = (list: readonly ReportCase[]) =>
      list.filter((c) => c.firstResponseMs == null).length;
    const outsideReplies = cases
      .flatMap((c) =>
        c.outside.map((p) => ({
          postId: p.id,
          conversationId: c.conversation.id,
          platform: p.platform,
          app: p.sourceApp?.name ?? null,
          createdAt: p.createdAt,
          excerpt: excerpt(p.text),
        })),
      )
      .sort(byKey((r) => r.createdAt));
    const apps = new Map<string | null, number>();
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
            undetectedLast(a.language, b.language) ||
            b.figures.conversations - a.figures.conversations ||
            (a.language < b.language ? -1 : 1),
        ),
      coverage: {
        unanswered: unanswered(cases),
        byLanguage: [...languages]
          .map(([language, list]) => ({
            language,
            arrived: list.length,
            unanswered: unanswered(list),
          }))
          .sort(
            (a, b) =>
              undetectedLast(a.language, b.language) ||
              b.unanswered - a.unanswered ||
              (a.language < b.language ? -1 : 1),
          ),
        byPlatform: [...platforms]
          .map(([platform, list]) => ({
            platform,
            arrived: list.length,
            unanswered: unanswered(list),
          }))
          .sort(byKey((p) => p.platform)),
        // A conversation with no language detected does not make "unknown" a language.
        silentLanguages: [...languages]
          .filter(
            ([language, list]) =>
              language !== UNKNOWN_LANGUAGE && list.every((c) => c.firstResponseMs == null),
          )
          .map(([language]) => language)
          .sort(),
      },
      outside: {
        replies: outsideReplies,
        byApp: [...apps]
          .map(([app, replies]) => ({ app, replies }))
          .sort((a, b) => b.replies - a.replies || (a.app ?? '').localeCompare(b.app ?? '')),
      },
      languageAnswers: languageAnswers(cases),
      reassurance: reassurance(cases, responderName),
    };
  }

  /** The conversations behind a figure, newest first: what a click on the figure lists. */
  drill(drill: ReportDrill): ConversationHead[] {
    const { targetMs } = this;
    const responder = drill.responder;
    const only = drill.conversationIds == null ? null : new Set(drill.conversationIds);
    const chosen = this.cases.filter((c) => {
      if (only != null && !only.has(c.conversation.id)) return false;
      if (drill.platform != null && c.platform !== drill.platform) return false;
      if (drill.language != null && c.language !== drill.language) return false;
      if (isToneSet(drill.set)) return inToneSet(c, drill);
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
        default:
          return false;
      }
    });
    return chosen
      .map((c) => c.conversation)
      .sort((a, b) => (a.createdMs < b.createdMs ? 1 : a.createdMs > b.createdMs ? -1 : 0));
  }
}
