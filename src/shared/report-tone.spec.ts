import { describe, expect, it } from 'vitest';
import { ComplaintsInputSchema } from './report-tone';
import { CrisisSchema, ReportDrillInputSchema } from './report';

const from = '2026-11-16T00:00:00.000Z';
const to = '2026-11-23T00:00:00.000Z';

describe('the inputs of the reports of tone and language', () => {
  it('takes a range of up to 31 days for the complaints, nothing else', () => {
    expect(ComplaintsInputSchema.parse({ from, to })).toEqual({ from, to });
    const month = { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' };
    expect(ComplaintsInputSchema.safeParse(month).success).toBe(true);
    const longer = { ...month, to: '2026-11-01T00:00:00.001Z' };
    expect(ComplaintsInputSchema.safeParse(longer).error?.issues[0]?.message).toBe(
      'the complaints cover at most 31 days',
    );
    expect(ComplaintsInputSchema.safeParse({ from: to, to: from }).success).toBe(false);
    expect(ComplaintsInputSchema.safeParse({ from, to, hours: 3 }).success).toBe(false);
    expect(ComplaintsInputSchema.safeParse({ from: 'last week', to }).success).toBe(false);
    expect(ComplaintsInputSchema.safeParse({ from }).success).toBe(false);
  });

  it('drills into the new figures by their names only', () => {
    for (const set of [
      'answered-in-language',
      'answered-other-language',
      'answer-language-not-judged',
      'began-negative',
      'negative-answered',
      'negative-wrote-again',
      'reassured',
    ])
      expect(ReportDrillInputSchema.safeParse({ from, to, drill: { set } }).success, set).toBe(
        true,
      );
    expect(
      ReportDrillInputSchema.safeParse({ from, to, drill: { set: 'reassured', tone: 'negative' } })
        .success,
    ).toBe(false);
    expect(ReportDrillInputSchema.safeParse({ from, to, drill: { set: 'happy' } }).success).toBe(
      false,
    );
  });

  it('answers each hour of the crisis view with a share from 0 to 1, or none', () => {
    const view = {
      from,
      to,
      usualPerHour: 0,
      baselineArrivals: 0,
      spike: null,
      clusters: [],
      hours: [{ start: from, arrivals: 2, scored: 1, negative: 1, negativeShare: 1 }],
    };
    expect(CrisisSchema.safeParse(view).success).toBe(true);
    const none = { ...view, hours: [{ ...view.hours[0], negativeShare: null }] };
    expect(CrisisSchema.safeParse(none).success).toBe(true);
    const over = { ...view, hours: [{ ...view.hours[0], negativeShare: 1.5 }] };
    expect(CrisisSchema.safeParse(over).success).toBe(false);
  });
});
