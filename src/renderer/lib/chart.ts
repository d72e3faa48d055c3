import type { ChartConfiguration } from 'chart.js';

// Types and colours only: chart.js itself is in `chart-draw.ts`, loaded when a chart is drawn.
export { themeColor } from './theme-colors.svelte';

export type ChartConfig = ChartConfiguration<'bar' | 'line', number[], string>;
