import { describe, expect, it } from 'vitest';
import { wordsFor } from '../i18n/translate';
import { hourName, hourTick, spikeText, usualText, windowTitle } from './crisis-words';

const en = wordsFor('en');
const fr = wordsFor('fr');
const hours = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    start: new Date(Date.UTC(2026, 2, 8, i % 24)).toISOString(),
    arrivals: 0,
  }));
const spikeAt = '2026-03-08T09:00:00.000Z';
const time = (words = en) => hourName(spikeAt, { hours: hours(24) }, words);

describe('the crisis banner', () => {
  it('names the spike against the usual level, with both figures', () => {
    const view = {
      hours: hours(24),
      usualPerHour: 1.25,
      baselineArrivals: 210,
      spike: { start: spikeAt, arrivals: 40, ratio: 32 },
    };
    expect(spikeText(view, en)).toBe(
      `Largest spike: 40 arrivals in the hour from ${time()}, 32× the usual level of 1.3 per hour.`,
    );
    expect(spikeText(view, fr)).toBe(
      `Plus fort pic : 40 arrivées dans l’heure de ${time(fr)}, 32 fois le niveau habituel de 1,3 par heure.`,
    );
    expect(usualText(view, en)).toBe('Usual level: 1.3 per hour (the week before)');
    expect(usualText(view, fr)).toBe('Niveau habituel : 1,3 par heure (la semaine précédente)');
    const spike = { ...view.spike, ratio: 34.29 };
    expect(spikeText({ ...view, spike }, en)).toContain(', 34× the usual level of 1.3 per hour.');
    expect(spikeText({ ...view, spike: { ...spike, ratio: 3.46 } }, fr)).toContain('3,5 fois');
  });

  it('never puts a ratio beside a usual level of nothing when there was no earlier activity', () => {
    const view = {
      hours: hours(24),
      usualPerHour: 0,
      baselineArrivals: 0,
      spike: { start: spikeAt, arrivals: 12, ratio: null },
    };
    for (const words of [en, fr]) {
      const banner = spikeText(view, words) ?? '';
      expect(banner).toContain('12');
      expect(banner).not.toMatch(/×|fois|usual level|niveau habituel|\b0\b/);
      expect(usualText(view, words)).not.toMatch(/\b0\b/);
    }
    expect(spikeText(view, en)).toBe(
      `Largest spike: 12 arrivals in the hour from ${time()}, with no earlier activity to compare.`,
    );
    expect(usualText(view, fr)).toBe('Aucune activité la semaine précédente à laquelle comparer.');
    expect(spikeText({ ...view, spike: null }, en)).toBeNull();
  });

  it('says the day of the spike when the view covers several days', () => {
    expect(hourName(spikeAt, { hours: hours(24) }, en)).not.toMatch(/Mar/);
    expect(hourName(spikeAt, { hours: hours(72) }, en)).toMatch(/Sun.*8.*Mar/);
    expect(hourName(spikeAt, { hours: hours(72) }, fr)).toMatch(/dim.*8.*mars/);
    // The chart's axis, short: the weekday and the time.
    expect(hourTick(spikeAt, { hours: hours(72) }, en)).toMatch(/^Sun,? \d\d:00$/);
    expect(hourTick(spikeAt, { hours: hours(24) }, en)).toMatch(/^\d\d:00$/);
  });

  it('titles the chart by the window chosen', () => {
    const view = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-08T00:00:00.000Z' };
    expect(windowTitle('72h', view, en)).toBe('Arrivals per hour, last 72 hours');
    expect(windowTitle('7d', view, fr)).toBe('Arrivées par heure, 7 derniers jours');
    expect(windowTitle('range', view, en)).toMatch(/^Arrivals per hour, 1 Mar to 7 Mar$/);
    expect(windowTitle('range', view, fr)).toMatch(/^Arrivées par heure, du 1 mars au 7 mars$/);
  });
});
