import type { Crisis, CrisisWindow } from '../../shared/report';
import type { Words } from '../i18n/translate';

/** What naming an hour reads of the view: how many hours it covers. */
type Hours = { hours: readonly unknown[] };

/** The BCP 47 tag each UI language formats dates and numbers with (as format.ts does). */
const TAG = { en: 'en-GB', fr: 'fr-FR' } as const;

/** The windows the crisis view offers, in the order shown. */
export const CRISIS_WINDOWS: readonly CrisisWindow[] = ['24h', '72h', '7d', 'range'];

/** A figure with one decimal below 10 (1.5 per hour), whole above (34×, not 34.3×). */
function amount(value: number, words: Words): string {
  return new Intl.NumberFormat(TAG[words.locale], {
    maximumFractionDigits: value >= 10 ? 0 : 1,
  }).format(value);
}

/**
 * An hour of the view as the banner and the chart name it: its time, with its day when the view
 * covers more than one day.
 */
export function hourName(iso: string, view: Hours, words: Words): string {
  const days = view.hours.length > 24;
  return new Intl.DateTimeFormat(TAG[words.locale], {
    ...(days ? { weekday: 'short', day: 'numeric', month: 'short' } : {}),
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** An hour as the chart's axis names it, short: its time, with its weekday when the view covers days. */
export function hourTick(iso: string, view: Hours, words: Words): string {
  return new Intl.DateTimeFormat(TAG[words.locale], {
    ...(view.hours.length > 24 ? { weekday: 'short' } : {}),
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/**
 * The spike banner: the window's largest spike against the usual level, or, when nothing came
 * before the window, the spike alone (a ratio to nothing means nothing). Null when there is none.
 */
export function spikeText(
  view: Hours & Pick<Crisis, 'spike' | 'usualPerHour' | 'baselineArrivals'>,
  words: Words,
): string | null {
  const { spike } = view;
  if (spike == null) return null;
  const values = { arrivals: spike.arrivals, time: hourName(spike.start, view, words) };
  if (spike.ratio == null || view.baselineArrivals === 0)
    return words.t('reports.crisis.spikeFresh', { values });
  return words.t('reports.crisis.spike', {
    values: {
      ...values,
      ratio: amount(spike.ratio, words),
      usual: amount(view.usualPerHour, words),
    },
  });
}

/** The usual level under the title, or that there is nothing to compare with. */
export function usualText(
  view: Pick<Crisis, 'usualPerHour' | 'baselineArrivals'>,
  words: Words,
): string {
  if (view.baselineArrivals === 0) return words.t('reports.crisis.usualNone');
  return words.t('reports.crisis.usual', { values: { count: amount(view.usualPerHour, words) } });
}

/** The chart's title: the window as chosen, the range with its dates. */
export function windowTitle(
  window: CrisisWindow,
  view: Pick<Crisis, 'from' | 'to'>,
  words: Words,
): string {
  if (window !== 'range') return words.t(`reports.crisis.title.${window}`);
  const day = new Intl.DateTimeFormat(TAG[words.locale], { day: 'numeric', month: 'short' });
  return words.t('reports.crisis.title.range', {
    values: {
      from: day.format(new Date(view.from)),
      // The last day the range covers: its end is the start of the day after.
      to: day.format(new Date(Date.parse(view.to) - 1)),
    },
  });
}
