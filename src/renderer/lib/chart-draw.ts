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
  Title,
  Tooltip,
} from 'chart.js';
import type { ChartConfig } from './chart';

// Only the parts the reports draw, so the bundle carries nothing else. This module is loaded on
// demand (by ChartCanvas), so chart.js stays out of the main bundle.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Title,
  Tooltip,
);

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
