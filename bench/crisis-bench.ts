import { performance } from 'node:perf_hooks';

import { clusterRunner } from '../src/core/reports/cluster-runner';
import { crisisDay } from '../src/core/test/crisis-day';
import type { Figure } from './figure';
import { percentile } from './figure';

const MENTIONS = 16_000;
const RUNS = 5;

/**
 * The crisis view's clustering of a 16,000-mention day (4 stories told in six languages and everyday
 * questions), as the hub runs it: a job posted to the clustering worker. The figure is the median
 * job once the worker runs; the first job, which starts the worker, and what the event loop spent
 * on each (posting the mentions, reading the clusters) go to stderr.
 */
export async function crisisBench(): Promise<Figure[]> {
  const day = crisisDay(MENTIONS);
  const times: number[] = [];
  const busy: number[] = [];
  const cpu: number[] = [];
  try {
    for (let run = 0; run <= RUNS; run++) {
      const loop = performance.eventLoopUtilization();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const clusters = await clusterRunner.cluster(day.members);
      times.push(performance.now() - t0);
      const used = process.cpuUsage(c0);
      cpu.push((used.user + used.system) / 1000);
      busy.push(performance.eventLoopUtilization(loop).active);
      if (clusters.length !== day.stories.size)
        throw new Error(`${clusters.length} clusters, not the day's ${day.stories.size} stories`);
    }
  } finally {
    await clusterRunner.close();
  }
  const [first, ...warm] = times;
  const place = clusterRunner.place;
  console.error(
    `crisis clustering of ${MENTIONS} mentions (${place.where}${place.where === 'in-process' ? `: ${place.why}` : ''}): ` +
      `first job ${first!.toFixed(0)} ms with the worker's start, then ${warm.map((t) => t.toFixed(0)).join(', ')} ms; ` +
      `CPU (all threads) ${cpu.map((c) => c.toFixed(0)).join(', ')} ms; ` +
      `event loop busy ${busy.map((b) => b.toFixed(0)).join(', ')} ms`,
  );
  return [
    {
      name: `crisis clustering of ${MENTIONS / 1000}k mentions`,
      value: percentile(warm, 50),
      unit: 'ms',
      budget: 1_000,
    },
  ];
}
