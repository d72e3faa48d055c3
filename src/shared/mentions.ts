/**
 * `@Name` mentions in internal notes, read against the team: `@Lucía Ortega`, `@lucia ortega` and
 * `@Lucia` (a first name nobody else has) all mean Lucía. Case and accents never matter. The inbox
 * decides who a note mentions with this; the UI uses it to suggest and highlight names.
 */

export interface Mentionable {
  id: string;
  name: string;
}

export interface MentionSpan {
  /** Offsets in the original text, `@` included. */
  start: number;
  end: number;
  agentId: string;
}

const WORD = /[\p{L}\p{N}_]/u;

/** Lower case, without accents, whitespace as plain spaces: the form names are compared in. */
export function foldName(text: string): string {
  return folded(text).text;
}

/** Folds character by character, keeping where each folded character came from. */
function folded(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const plain = /\s/u.test(char)
      ? ' '
      : char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (let i = 0; i < plain.length; i++) origin.push(index);
    out += plain;
    index += char.length;
  }
  origin.push(index);
  return { text: out, origin };
}

const firstName = (name: string) => name.trim().split(/\s+/u)[0] ?? '';

/** Every form a team member can be mentioned by (folded), with whose it is. */
function forms(team: readonly Mentionable[]): { form: string; id: string }[] {
  const firsts = new Map<string, number>();
  for (const agent of team) {
    const first = foldName(firstName(agent.name));
    firsts.set(first, (firsts.get(first) ?? 0) + 1);
  }
  const list: { form: string; id: string }[] = [];
  for (const agent of team) {
    const full = foldName(agent.name.trim()).replace(/ +/g, ' ');
    if (full) list.push({ form: full, id: agent.id });
    const first = foldName(firstName(agent.name));
    if (first && first !== full && firsts.get(first) === 1)
      list.push({ form: first, id: agent.id });
  }
  // The longest form wins: `@Jan de Wit` is Jan de Wit even if someone is called "Jan".
  return list.sort((a, b) => b.form.length - a.form.length);
}

/** Where the text mentions team members, in order. */
export function findMentions(text: string, team: readonly Mentionable[]): MentionSpan[] {
  const candidates = forms(team);
  if (candidates.length === 0) return [];
  const { text: plain, origin } = folded(text);
  const spans: MentionSpan[] = [];
  for (let at = plain.indexOf('@'); at !== -1; at = plain.indexOf('@', at + 1)) {
    // `anna@example.com` is an address, not a mention.
    if (at > 0 && WORD.test(plain[at - 1]!)) continue;
    const rest = plain.slice(at + 1);
    const hit = candidates.find(
      ({ form }) =>
        rest.startsWith(form) && (rest.length === form.length || !WORD.test(rest[form.length]!)),
    );
    if (!hit) continue;
    const end = at + 1 + hit.form.length;
    spans.push({ start: origin[at]!, end: origin[end]!, agentId: hit.id });
    at = end - 1;
  }
  return spans;
}

/** The agent ids a text mentions, each once, in order of first mention. */
export function parseMentions(text: string, team: readonly Mentionable[]): string[] {
  return [...new Set(findMentions(text, team).map((m) => m.agentId))];
}

/** What the picker inserts for an agent: the name, which always reads back as that agent. */
export function mentionText(agent: Mentionable): string {
  return `@${agent.name.trim()}`;
}

/**
 * The mention being typed just before the caret (`@luc|`): where its `@` is and what follows it,
 * or null when the caret is not in one. The query may hold one space (`@jan de`).
 */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at === -1) return null;
  if (at > 0 && WORD.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /\n/.test(query) || /\s\s/.test(query) || /^\s/.test(query)) return null;
  if ((query.match(/\s/g) ?? []).length > 2) return null;
  return { start: at, query };
}

/** Team members whose name (or a word of it) starts with the query, best first. */
export function suggestMentions<T extends Mentionable>(
  query: string,
  team: readonly T[],
  limit = 6,
): T[] {
  const q = foldName(query).trim();
  const scored = team.flatMap((agent) => {
    const name = foldName(agent.name);
    if (q === '' || name.startsWith(q)) return [{ agent, score: 0 }];
    if (name.split(' ').some((word) => word.startsWith(q))) return [{ agent, score: 1 }];
    return [];
  });
  return scored
    .sort((a, b) => a.score - b.score || a.agent.name.localeCompare(b.agent.name))
    .slice(0, limit)
    .map((s) => s.agent);
}
