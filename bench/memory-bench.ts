import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { benchBundle } from './bench-bundle';
import type { Figure } from './figure';

const MB = 1024 * 1024;

/**
 * A hub's resident memory once started (language detection not loaded yet), and once a post's
 * language was detected: in a fresh process, from the hub's bundle, so that nothing the bench
 * loaded counts.
 */
export async function memoryBench(): Promise<Figure[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    '--expose-gc',
    benchBundle('start-rss'),
  ]);
  const { started, detected, language } = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
    started: number;
    detected: number;
    language: string;
  };
  if (language !== 'fr') throw new Error(`language detection said ${language}, not fr`);
  return [
    {
      name: 'hub RSS after start, language detection not loaded',
      value: started / MB,
      unit: 'MB',
      budget: 150,
    },
    {
      name: 'hub RSS after the first language detection',
      value: detected / MB,
      unit: 'MB',
      budget: 400,
    },
  ];
}
