/**
 * Apps as the platforms name them vary for one product ("Hootsuite", "Hootsuite Inc.",
 * "hootsuite"): the key that makes them one, without case, punctuation or a company suffix.
 */
const SUFFIX =
  /[\s,]+(inc|llc|ltd|limited|gmbh|sas|sarl|s\.?a\.?|b\.?v\.?|corp|corporation|co)\.?$/i;

export function appKey(name: string): string {
  let key = name.trim().normalize('NFKC');
  for (let previous = ''; previous !== key;) {
    previous = key;
    key = key.replace(SUFFIX, '').trim();
  }
  return key
    .toLowerCase()
    .replace(/[\s.,'’-]+/g, ' ')
    .trim();
}

/**
 * Replies by app, one line per product: the name shown is the one used most (the shortest on a
 * tie); `null` (the platform named no app) stays apart. Most replies first.
 */
export function mergeApps(
  byApp: readonly { app: string | null; replies: number }[],
): { app: string | null; replies: number }[] {
  const groups = new Map<string, { names: Map<string, number>; replies: number; app: null | '' }>();
  for (const { app, replies } of byApp) {
    const key = app == null ? '\u0000' : appKey(app);
    const group = groups.get(key) ?? { names: new Map(), replies: 0, app: app == null ? null : '' };
    group.replies += replies;
    if (app != null) group.names.set(app, (group.names.get(app) ?? 0) + replies);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => ({
      app:
        g.app === null
          ? null
          : [...g.names].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]![0],
      replies: g.replies,
    }))
    .sort((a, b) => b.replies - a.replies || (a.app ?? '\uffff').localeCompare(b.app ?? '\uffff'));
}

/** The name `mergeApps` shows for an app, so a reply's row says the same as the summary. */
export function appDisplayName(
  app: string,
  merged: readonly { app: string | null; replies: number }[],
): string {
  const key = appKey(app);
  return merged.find((m) => m.app != null && appKey(m.app) === key)?.app ?? app;
}
