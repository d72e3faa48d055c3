import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** The demo team (src/hub/demo.ts): Camille manages, Jan and Lucía are agents. */
export type DemoAgent = 'Camille Laurent' | 'Jan de Wit' | 'Lucía Ortega';

/** A demo agent's personal token, as the demo hub wrote it for the tests. */
export function tokenOf(agent: DemoAgent): string {
  const file = process.env.E2E_AGENTS_FILE;
  if (!file)
    throw new Error('E2E_AGENTS_FILE is not set: run the tests through playwright.config.ts');
  const tokens = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const token = tokens[agent];
  if (!token) throw new Error(`no token for ${agent} in ${file}`);
  return token;
}

/** Signs the page's browser context in as a demo agent, the way the demo's sign-in links do. */
export async function signInAs(page: Page, agent: DemoAgent): Promise<void> {
  await page.goto(`/#token=${encodeURIComponent(tokenOf(agent))}`);
}
