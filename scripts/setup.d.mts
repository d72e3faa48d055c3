/** The repository's root folder. */
export const root: string;

/** Installs dependencies when they are missing (or always, with `force`) and builds the web UI. */
export function setup(options?: { force?: boolean }): void;

/** Whether out/web was built after the last change to what it is built from (under `base`). */
export function uiBuildIsCurrent(base?: string): boolean;

/** Something the tests need from the system, and the Debian package that brings it. */
export interface TestTool {
  what: string;
  package: string;
}

/** The test tools this system lacks (on `env.PATH`, and Chromium where the e2e looks for it). */
export function missingTestTools(env?: NodeJS.ProcessEnv): TestTool[];

/** Tells which packages to install for the tests; never fails: the demo needs none of them. */
export function reportTestTools(missing?: TestTool[]): void;
