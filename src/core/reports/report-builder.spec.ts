import { describe, expect, it } from 'vitest';
import type { Conversation, Post } from '../../shared';
import { ReportSchema } from '../../shared';
import { conversation, post } from '../../shared/test-fixtures';
import { ReportBuilder, casesIn } from './report-builder';
import { OUTSIDE } from './report-case';
import { nearestRank } from './percentile';

const MIN = 60_000;
const day = (time: string) => `2026-03-01T${time}:00.000Z`;
const agents = [
  { id: 'jan', name: 'Jan de Wit', role: 'agent' as const, languages: ['nl'] },
  { id: 'lucia', name: 'Lucía Ortega', role: 'agent' as const, languages: ['es'] },
];

/**
 * A fixed day whose right answers are worked out by hand (target: 60 minutes):
 * c1 fr/X: Jan answers publicly after 30 min.
 * c2 fr/X: Lucía answers publicly after 120 min; Jan follows with a direct message.
 * c3 nl/Facebook: Jan answers privately after 5 min.
 * c4 de/Facebook: unanswered.
 * c5 en/X: someone answers from Hootsuite after 20 min; Lucía replies publicly later.
 * c6 it/X: unanswered.
 * c7 en/X: someone answers from Twitter for iPhone after 180 min.
 * c0 arrived the day before and c9 at the range's end: outside the report.
 */
function scenario(): { conversations: Conversation[]; posts: Map<string, Post[]> } {
  const posts = new Map<string, Post[]>();
  const conversations: Conversation[] = [];
  const add = (
    id: string,
    platform: 'x' | 'facebook',
    language: string,
    openedAt: string,
    replies: Partial<Post>[],
  ) => {
    conversations.push(
      conversation({ id, platform, language, createdAt: openedAt, rootPostId: `${id}:0` }),
    );
    posts.set(id, [
      post({ id: `${id}:0`, conversationId: id, platform, language, createdAt: openedAt }),
      ...replies.map((r, i) =>
        post({
          id: `${id}:${i + 1}`,
          conversationId: id,
          platform,
          direction: 'outbound',
          text: 'Sorry about that, we are on it.',
          ...r,
        }),
      ),
    ]);
  };
  const inbox = (agent: string, at: string, kind: 'public' | 'private' = 'public') => ({
    sentBy: agent,
    client: 'browser',
    createdAt: at,
    private: kind === 'private',
  });
  const elsewhere = (app: string, at: string) => ({
    outside: true,
    sourceApp: { name: app, id: null, link: null },
    createdAt: at,
  });
  add('c1', 'x', 'fr', day('10:00'), [inbox('jan', day('10:30'))]);
  add('c2', 'x', 'fr', day('11:00'), [
    inbox('lucia', day('13:00')),
    inbox('jan', day('13:10'), 'private'),
  ]);
  add('c3', 'facebook', 'nl', day('09:00'), [inbox('jan', day('09:05'), 'private')]);
  add('c4', 'facebook', 'de', day('08:00'), []);
  add('c5', 'x', 'en', day('12:00'), [
    elsewhere('Hootsuite Inc.', day('12:20')),
    inbox('lucia', day('12:40')),
  ]);
  add('c6', 'x', 'it', day('16:00'), []);
  add('c7', 'x', 'en', day('15:00'), [elsewhere('Twitter for iPhone', day('18:00'))]);
  add('c0', 'x', 'fr', '2026-02-28T23:00:00.000Z', [inbox('jan', '2026-02-28T23:10:00.000Z')]);
  add('c9', 'x', 'fr', '2026-03-02T00:00:00.000Z', []);
  return { conversations, posts };
}

function builder() {
  const { conversations, posts } = scenario();
  const range = {
    from: '2026-03-01T00:00:00.000Z',
    to: '2026-03-02T00:00:00.000Z',
    targetMinutes: 60,
  };
  return new ReportBuilder(
    range,
    casesIn(range, conversations, (id) => posts.get(id) ?? []),
  );
}

describe('nearest-rank percentiles', () => {
  it('takes the ⌈p·n⌉-th smallest value', () => {
    expect(nearestRank([5, 20, 30, 120, 180], 0.5)).toBe(30);
    expect(nearestRank([5, 20, 30, 120, 180], 0.9)).toBe(180);
    expect(nearestRank([5, 30], 0.5)).toBe(5);
    expect(nearestRank([7], 0.9)).toBe(7);
    expect(nearestRank([], 0.5)).toBeNull();
  });
});

describe('report over a fixed day', () => {
  const report = builder().report(agents);

  it('is valid against the shared schema', () => {
    expect(() => ReportSchema.parse(report)).not.toThrow();
  });

  it('gives the team figures', () => {
    // Replies of a group are all the brand's: 3 from the inbox and 2 made outside it are public.
    expect(report.team).toEqual({
      conversations: 7,
      answered: 5,
      repliesPublic: 5,
      repliesPrivate: 2,
      firstResponseMedianMs: 30 * MIN,
      firstResponseP90Ms: 180 * MIN,
      withinTarget: 3,
      withinTargetShare: 3 / 7,
    });
  });

  it('gives each responder’s figures, outside replies last', () => {
    expect(report.responders).toEqual([
      {
        responder: 'jan',
        name: 'Jan de Wit',
        figures: {
          conversations: 3,
          answered: 2,
          repliesPublic: 1,
          repliesPrivate: 2,
          firstResponseMedianMs: 5 * MIN,
          firstResponseP90Ms: 30 * MIN,
          withinTarget: 2,
          withinTargetShare: 1,
        },
      },
      {
        responder: 'lucia',
        name: 'Lucía Ortega',
        figures: {
          conversations: 2,
          answered: 1,
          repliesPublic: 2,
          repliesPrivate: 0,
          firstResponseMedianMs: 120 * MIN,
          firstResponseP90Ms: 120 * MIN,
          withinTarget: 0,
          withinTargetShare: 0,
        },
      },
      {
        responder: OUTSIDE,
        name: 'Outside the inbox',
        figures: {
          conversations: 2,
          answered: 2,
          repliesPublic: 2,
          repliesPrivate: 0,
          firstResponseMedianMs: 20 * MIN,
          firstResponseP90Ms: 180 * MIN,
          withinTarget: 1,
          withinTargetShare: 0.5,
        },
      },
    ]);
  });

  it('gives the figures by platform and by language', () => {
    expect(report.byPlatform).toEqual([
      {
        platform: 'facebook',
        figures: {
          conversations: 2,
          answered: 1,
          repliesPublic: 0,
          repliesPrivate: 1,
          firstResponseMedianMs: 5 * MIN,
          firstResponseP90Ms: 5 * MIN,
          withinTarget: 1,
          withinTargetShare: 0.5,
        },
      },
      {
        platform: 'x',
        figures: {
          conversations: 5,
          answered: 4,
          repliesPublic: 5,
          repliesPrivate: 1,
          firstResponseMedianMs: 30 * MIN,
          firstResponseP90Ms: 180 * MIN,
          withinTarget: 2,
          withinTargetShare: 0.4,
        },
      },
    ]);
    expect(
      report.byLanguage.map((l) => [l.language, l.figures.conversations, l.figures.answered]),
    ).toEqual([
      ['en', 2, 2],
      ['fr', 2, 2],
      ['de', 1, 0],
      ['it', 1, 0],
      ['nl', 1, 1],
    ]);
    expect(report.byLanguage.find((l) => l.language === 'en')?.figures).toMatchObject({
      firstResponseMedianMs: 20 * MIN,
      firstResponseP90Ms: 180 * MIN,
      withinTargetShare: 0.5,
    });
  });

  it('gives coverage: what went unanswered, and the languages nobody answered', () => {
    expect(report.coverage).toEqual({
      unanswered: 2,
      byLanguage: [
        { language: 'de', arrived: 1, unanswered: 1 },
        { language: 'it', arrived: 1, unanswered: 1 },
        { language: 'en', arrived: 2, unanswered: 0 },
        { language: 'fr', arrived: 2, unanswered: 0 },
        { language: 'nl', arrived: 1, unanswered: 0 },
      ],
      byPlatform: [
        { platform: 'facebook', arrived: 2, unanswered: 1 },
        { platform: 'x', arrived: 5, unanswered: 1 },
      ],
      silentLanguages: ['de', 'it'],
    });
  });

  it('lists the brand replies made outside the inbox, with their app', () => {
    expect(report.outside.replies.map((r) => [r.conversationId, r.app, r.createdAt])).toEqual([
      ['c5', 'Hootsuite Inc.', day('12:20')],
      ['c7', 'Twitter for iPhone', day('18:00')],
    ]);
    expect(report.outside.byApp).toEqual([
      { app: 'Hootsuite Inc.', replies: 1 },
      { app: 'Twitter for iPhone', replies: 1 },
    ]);
  });

  it('drills down from a figure to the conversations behind it, newest first', () => {
    const ids = (drill: Parameters<ReportBuilder['drill']>[0]) =>
      builder()
        .drill(drill)
        .map((c) => c.id);
    expect(ids({ responder: 'jan', set: 'within-target' })).toEqual(['c1', 'c3']);
    expect(ids({ responder: 'jan', set: 'replied-private' })).toEqual(['c2', 'c3']);
    expect(ids({ set: 'replied-public' })).toEqual(['c7', 'c5', 'c2', 'c1']);
    expect(ids({ set: 'over-target' })).toEqual(['c7', 'c2']);
    expect(ids({ set: 'unanswered', language: 'de' })).toEqual(['c4']);
    expect(ids({ responder: OUTSIDE, set: 'outside-replies' })).toEqual(['c7', 'c5']);
    expect(ids({ set: 'conversations', platform: 'facebook' })).toEqual(['c3', 'c4']);
    expect(ids({ responder: 'lucia', set: 'answered' })).toEqual(['c2']);
    expect(ids({ set: 'unanswered', conversationIds: ['c4', 'c1', 'c0'] })).toEqual(['c4']);
    expect(ids({ responder: 'lucia', set: 'conversations' })).toEqual(['c5', 'c2']);
  });

  it('counts each figure’s drill-down exactly as the figure says', () => {
    const b = builder();
    expect(b.drill({ set: 'answered' })).toHaveLength(report.team.answered);
    expect(b.drill({ set: 'within-target' })).toHaveLength(report.team.withinTarget);
    expect(b.drill({ set: 'unanswered' })).toHaveLength(report.coverage.unanswered);
    for (const { responder, figures } of report.responders) {
      expect(b.drill({ responder, set: 'conversations' })).toHaveLength(figures.conversations);
      expect(b.drill({ responder, set: 'answered' })).toHaveLength(figures.answered);
      expect(b.drill({ responder, set: 'within-target' })).toHaveLength(figures.withinTarget);
    }
  });
});

describe('conversations whose language was not detected', () => {
  const range = { from: day('00:00'), to: '2026-03-02T00:00:00.000Z', targetMinutes: 60 };
  const opened = (id: string, language: string | null, at: string, answeredAt?: string) => ({
    conversation: conversation({ id, language, createdAt: at, rootPostId: `${id}:0` }),
    posts: [
      post({ id: `${id}:0`, conversationId: id, language, createdAt: at }),
      ...(answeredAt
        ? [
            post({
              id: `${id}:1`,
              conversationId: id,
              direction: 'outbound',
              sentBy: 'jan',
              client: 'browser',
              createdAt: answeredAt,
            }),
          ]
        : []),
    ],
  });
  // Three unanswered with no language, more than any language: still the last line, on its own.
  const all = [
    opened('u1', null, day('09:00')),
    opened('u2', null, day('10:00')),
    opened('u3', null, day('11:00'), undefined),
    opened('f1', 'fr', day('09:30'), day('09:40')),
    opened('d1', 'de', day('12:00')),
  ];
  const built = new ReportBuilder(
    range,
    casesIn(
      range,
      all.map((c) => c.conversation),
      (id) => all.find((c) => c.conversation.id === id)?.posts ?? [],
    ),
  );
  const report = built.report(agents);

  it('are reported on their own line, last, and never as a language nobody answered', () => {
    expect(report.coverage.silentLanguages).toEqual(['de']);
    expect(report.coverage.byLanguage).toEqual([
      { language: 'de', arrived: 1, unanswered: 1 },
      { language: 'fr', arrived: 1, unanswered: 0 },
      { language: 'unknown', arrived: 3, unanswered: 3 },
    ]);
    expect(report.byLanguage.map((l) => [l.language, l.figures.conversations])).toEqual([
      ['de', 1],
      ['fr', 1],
      ['unknown', 3],
    ]);
    expect(report.coverage.unanswered).toBe(4);
    expect(built.drill({ language: 'unknown', set: 'unanswered' }).map((c) => c.id)).toEqual([
      'u3',
      'u2',
      'u1',
    ]);
  });
});
