/**
 * The Graph API versions Meta lists as available and the day each stops being served
 * (developers.facebook.com/docs/graph-api/changelog/versions, read 2026-12-03); `null` when Meta
 * has not dated the end yet. Past its end, Graph answers a version's calls with the next oldest
 * usable one (developers.facebook.com/docs/graph-api/guides/versioning).
 */
export const GRAPH_API_VERSIONS: readonly { version: string; ends: string | null }[] = [
  { version: 'v20.0', ends: '2026-09-24' },
  { version: 'v21.0', ends: '2027-01-21' },
  { version: 'v22.0', ends: '2027-05-20' },
  { version: 'v23.0', ends: '2027-10-08' },
  { version: 'v24.0', ends: '2028-02-18' },
  { version: 'v25.0', ends: '2028-07-29' },
  { version: 'v26.0', ends: null },
];

/** The newest version Meta lists: the inbox's default. */
export const NEWEST_GRAPH_VERSION = GRAPH_API_VERSIONS[GRAPH_API_VERSIONS.length - 1]!.version;

/** How long before a version's end the inbox warns. */
export const GRAPH_VERSION_WARNING_DAYS = 30;

/** When a version stops being served (ISO, midnight UTC), or null when unknown or not dated. */
export function graphVersionEnd(version: string): string | null {
  const ends = GRAPH_API_VERSIONS.find((v) => v.version === version)?.ends ?? null;
  return ends === null ? null : `${ends}T00:00:00.000Z`;
}

/**
 * The end of `version` when it is within the warning window of `nowMs` (or already past), else
 * null: what the inbox tells the user about the Graph version it is configured with.
 */
export function graphVersionEndingSoon(version: string, nowMs: number): string | null {
  const end = graphVersionEnd(version);
  if (end === null) return null;
  return Date.parse(end) - nowMs <= GRAPH_VERSION_WARNING_DAYS * 86_400_000 ? end : null;
}
