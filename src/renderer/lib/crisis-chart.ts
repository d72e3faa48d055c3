import type { Crisis } from '../../shared/report';
import type { Words } from '../i18n/translate';
import { themeColor } from './chart';
import type { ChartConfig } from './chart';
import { hourTick } from './crisis-words';

/** The negative share of an hour in percent, one decimal; null when no post had a tone. */
export function negativePercent(hour: Crisis['hours'][number]): number | null {
  return hour.negativeShare == null ? null : Math.round(hour.negativeShare * 1000) / 10;
}

/**
 * The crisis chart: arrivals per hour as bars (the spike's hour in the danger colour) against the
 * usual level, and the share of negative posts per hour as a line on an axis of its own, in
 * percent (an hour with no post that has a tone leaves a gap).
 */
export function crisisChart(data: Crisis, words: Words): ChartConfig {
  const muted = themeColor('--text-muted', '#555e6b');
  const grid = themeColor('--border', '#e1e4e9');
  const spike = themeColor('--danger', '#b3261e');
  // Apart from the spike's red and the bars' blue, in either theme.
  const negative = themeColor('--priority-high', '#a14a05');
  return {
    type: 'bar',
    data: {
      labels: data.hours.map((h) => hourTick(h.start, data, words)),
      datasets: [
        {
          type: 'bar',
          label: words.t('reports.chart.arrivals'),
          data: data.hours.map((h) => h.arrivals),
          backgroundColor: data.hours.map((h) =>
            data.spike?.start === h.start ? spike : themeColor('--accent', '#2451d4'),
          ),
          yAxisID: 'y',
          // Drawn first, under the lines (chart.js draws the highest order first).
          order: 2,
        },
        {
          type: 'line',
          label: words.t('reports.chart.usual'),
          data: data.hours.map(() => data.usualPerHour),
          borderColor: muted,
          borderDash: [6, 4],
          pointRadius: 0,
          yAxisID: 'y',
          order: 1,
        },
        {
          type: 'line',
          label: words.t('tone.crisis.negative'),
          // chart.js leaves a gap at null.
          data: data.hours.map(negativePercent) as number[],
          borderColor: negative,
          backgroundColor: negative,
          borderWidth: 2,
          pointRadius: data.hours.length > 48 ? 0 : 2,
          spanGaps: false,
          yAxisID: 'share',
          order: 0,
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: {
          ticks: { color: muted, maxRotation: 0, autoSkip: true },
          grid: { color: grid },
        },
        y: {
          beginAtZero: true,
          position: 'left',
          ticks: { color: muted },
          grid: { color: grid },
          title: { display: true, text: words.t('tone.crisis.arrivalsAxis'), color: muted },
        },
        share: {
          type: 'linear',
          axis: 'y',
          min: 0,
          max: 100,
          position: 'right',
          ticks: { color: muted, stepSize: 25 },
          grid: { drawOnChartArea: false },
          title: { display: true, text: words.t('tone.crisis.negativeAxis'), color: muted },
        },
      },
      // The legend lists by order too: reversed, it reads as the datasets do.
      plugins: { legend: { reverse: true, labels: { color: themeColor('--text', '#171a1f') } } },
    },
  } as ChartConfig;
}
