import type { Scenario } from './scenario';

const move = (iso: string, deltaMs: number) => new Date(Date.parse(iso) + deltaMs).toISOString();

/**
 * The scenario with every date moved by `deltaMs` (anchor, tweets, users, Page posts, comments), so
 * that `shiftToNow` can make the newest items look recent. Ids stay as written.
 */
export function shiftScenario(scenario: Scenario, deltaMs: number): Scenario {
  if (deltaMs === 0) return scenario;
  return {
    ...scenario,
    anchor: move(scenario.anchor, deltaMs),
    x: {
      ...scenario.x,
      users: scenario.x.users.map((u) =>
        u.created_at ? { ...u, created_at: move(u.created_at, deltaMs) } : u,
      ),
      tweets: scenario.x.tweets.map((t) => ({ ...t, created_at: move(t.created_at, deltaMs) })),
    },
    facebook: {
      ...scenario.facebook,
      posts: scenario.facebook.posts.map((p) => ({
        ...p,
        created_time: move(p.created_time, deltaMs),
      })),
      comments: scenario.facebook.comments.map((c) => ({
        ...c,
        created_time: move(c.created_time, deltaMs),
      })),
    },
  };
}

/** How far `shiftToNow` moves a scenario: from its anchor to `nowMs`. */
export function shiftToNowDelta(scenario: Scenario, nowMs: number): number {
  return nowMs - Date.parse(scenario.anchor);
}
