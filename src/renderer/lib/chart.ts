import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ChartConfiguration } from 'chart.js';

// Only the parts the reports draw, so the bundle carries nothing else.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

/** A theme colour (a CSS variable of app.css), read when the chart is drawn. */
export function themeColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}

export type ChartConfig = ChartConfiguration<'bar' | 'line', number[], string>;

/** Draws a chart on a canvas and returns how to update and remove it. */
export function drawChart(canvas: HTMLCanvasElement, config: ChartConfig) {
  const chart = new Chart(canvas, config);
  return {
    update(next: ChartConfig) {
      chart.data = next.data;
      if (next.options) chart.options = next.options;
      chart.update();
    },
    destroy: () => chart.destroy(),
  };
}
