import { invalidVersion } from './graph-errors';

/**
 * The Graph API versions Meta lists as available, with the day each stops being served
 * (developers.facebook.com/docs/graph-api/changelog/versions, read 2026-12-03). `null`: no end date
 * announced yet.
 */
export const GRAPH_VERSIONS: readonly { version: string; released: string; ends: string | null }[] =
  [
    { version: 'v20.0', released: '2024-05-21', ends: '2026-09-24' },
    { version: 'v21.0', released: '2024-10-02', ends: '2027-01-21' },
    { version: 'v22.0', released: '2025-01-21', ends: '2027-05-20' },
    { version: 'v23.0', released: '2025-05-29', ends: '2027-10-08' },
    { version: 'v24.0', released: '2025-10-08', ends: '2028-02-18' },
    { version: 'v25.0', released: '2026-02-18', ends: '2028-07-29' },
    { version: 'v26.0', released: '2026-07-29', ends: null },
  ];

export const LATEST_GRAPH_VERSION = GRAPH_VERSIONS[GRAPH_VERSIONS.length - 1]!.version;

const VERSION = /^v\d+\.\d+$/;
const numberOf = (version: string) => {
  const [major, minor] = version.slice(1).split('.').map(Number);
  return major! * 1000 + minor!;
};
const endMs = (ends: string | null) => (ends === null ? Infinity : Date.parse(`${ends}T00:00:00Z`));

/**
 * The version that answers a request made to `asked`. Graph serves a version until its end date;
 * a call to a version past its end "will be defaulted to the next oldest usable version"
 * (developers.facebook.com/docs/graph-api/guides/versioning), and the `facebook-api-version`
 * header says which one answered. Anything that is not a listed version is refused with code 2635.
 */
export function servedVersion(asked: string, nowMs: number): string {
  if (!VERSION.test(asked)) throw invalidVersion(asked, LATEST_GRAPH_VERSION);
  const known = GRAPH_VERSIONS.find((v) => v.version === asked);
  // Versions before the list (v1.0 to v19.0) all ended; an unlisted one after them does not exist.
  if (!known && numberOf(asked) >= numberOf(GRAPH_VERSIONS[0]!.version))
    throw invalidVersion(asked, LATEST_GRAPH_VERSION);
  if (known && nowMs < endMs(known.ends)) return asked;
  const usable = GRAPH_VERSIONS.find((v) => nowMs < endMs(v.ends));
  return usable?.version ?? LATEST_GRAPH_VERSION;
}
