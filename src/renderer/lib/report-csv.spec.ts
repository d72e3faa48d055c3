import { describe, expect, it } from 'vitest';
import type { Figures, Report } from '../../shared/report';
import { csvField, figuresCsv, outsideRepliesCsv, reportFileName } from './report-csv';

const figures = (over: Partial<Figures> = {}): Figures => ({
  conversations: 7,
  answered: 5,
  repliesPublic: 3,
  repliesPrivate: 2,
  firstResponseMedianMs: 30 * 60_000,
  firstResponseP90Ms: 180 * 60_000,
  withinTarget: 3,
  withinTargetShare: 3 / 7,
  ...over,
});

const report: Report = {
  from: '2026-03-01T00:00:00.000Z',
  to: '2026-03-02T00:00:00.000Z',
  targetMinutes: 60,
  team: figures(),
  responders: [
    { responder: 'jan', name: 'Jan de Wit', figures: figures({ conversations: 3 }) },
    {
      responder: 'x',
      name: '=HYPERLINK("evil")',
      figures: figures({ firstResponseMedianMs: null, withinTargetShare: null }),
    },
  ],
  byPlatform: [{ platform: 'x', figures: figures() }],
  byLanguage: [{ language: 'fr', figures: figures() }],
  coverage: { unanswered: 2, byLanguage: [], byPlatform: [], silentLanguages: [] },
  outside: {
    replies: [
      {
        postId: 'x:9',
        conversationId: 'x:5',
        platform: 'x',
        app: 'Hootsuite Inc.',
        createdAt: '2026-03-01T12:20:00.000Z',
        excerpt: 'Sorry, "really" sorry,\nwe are on it',
      },
    ],
    byApp: [{ app: 'Hootsuite Inc.', replies: 1 }],
  },
  languageAnswers: {
    team: {
      answered: 0,
      inLanguage: 0,
      translated: 0,
      otherLanguage: 0,
      notJudged: 0,
      share: null,
    },
    byLanguage: [],
  },
  reassurance: {
    team: { beganNegative: 0, answered: 0, wroteAgain: 0, reassured: 0, share: null },
    byResponder: [],
    byLanguage: [],
    byPlatform: [],
  },
};

describe('report CSV', () => {
  it('quotes what must be quoted and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1+1')).toBe("'-1+1");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvField(';=1+1')).toBe("';=1+1");
    expect(csvField(' =1+1')).toBe("' =1+1");
    for (const wide of ['＝1+1', '＋1', '－1', '＠cmd']) expect(csvField(wide)).toBe(`'${wide}`);
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });

  it('writes a row per group with minutes and shares, one table with one header', () => {
    const lines = figuresCsv(report).split('\r\n');
    expect(lines[0]).toBe(
      'section,group,name,conversations,answered,replies_public,replies_private,first_response_median_min,first_response_p90_min,within_target,within_target_share,from,to,target_min',
    );
    expect(lines[1]).toBe(
      'team,team,Team,7,5,3,2,30,180,3,0.4286,2026-03-01T00:00:00.000Z,2026-03-02T00:00:00.000Z,60',
    );
    expect(lines[2]).toMatch(/^responder,jan,Jan de Wit,3,/);
    expect(lines[3]).toBe(
      `responder,x,"'=HYPERLINK(""evil"")",7,5,3,2,,180,3,,2026-03-01T00:00:00.000Z,2026-03-02T00:00:00.000Z,60`,
    );
    expect(lines[4]).toMatch(/^platform,x,x,7,/);
    expect(lines[5]).toMatch(/^language,fr,fr,7,/);
    expect(lines.slice(6)).toEqual(['']);
    expect(reportFileName(report, 'figures')).toBe(
      'social-inbox-figures-2026-03-01-to-2026-03-02.csv',
    );
  });

  it('writes the outside replies as their own file, with their own header', () => {
    expect(outsideRepliesCsv(report).split('\r\n')).toEqual([
      'conversation,platform,app,created_at,text',
      'x:5,x,Hootsuite Inc.,2026-03-01T12:20:00.000Z,"Sorry, ""really"" sorry,\nwe are on it"',
      '',
    ]);
    expect(reportFileName(report, 'outside-replies')).toBe(
      'social-inbox-outside-replies-2026-03-01-to-2026-03-02.csv',
    );
  });
});
