import { seedStore } from '../../core/test/seed-store';
import { conversation } from '../../core/test/fixtures';
import type { Agent, Conversation, Envelope } from '../../shared';

/** Calls a hub's API with a personal token; returns the HTTP status and the envelope. */
export async function hubCall<T>(
  baseUrl: string,
  token: string | null,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; envelope: Envelope<T> }> {
  const response = await fetch(baseUrl + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, envelope: (await response.json()) as Envelope<T> };
}

/** Like hubCall, but returns the result and throws on an error envelope. */
export async function hubResult<T>(
  baseUrl: string,
  token: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const { envelope } = await hubCall<T>(baseUrl, token, method, path, body);
  if (!envelope.ok) throw new Error(`${method} ${path}: ${envelope.error.message}`);
  return envelope.result;
}

/** Creates an agent through the API as a manager: the agent and its personal token. */
export function createAgent(
  baseUrl: string,
  managerToken: string,
  name: string,
  role: 'agent' | 'manager' = 'agent',
): Promise<{ agent: Agent; token: string }> {
  return hubResult(baseUrl, managerToken, 'POST', '/api/agents', { name, role });
}

/**
 * Writes conversations into a data folder before a hub opens it, as a previous run leaves them:
 * `x:9000`, `x:9001`… whose list text is as long as each of `excerptBytes` (a long Facebook
 * comment is several kB), so each change announced about one is a message of about that size.
 */
export async function seedConversations(
  dataDir: string,
  excerptBytes: number[],
): Promise<Conversation[]> {
  const line = 'Ma commande est arrivée cassée et personne ne répond. ';
  const seeded = excerptBytes.map((bytes, i) =>
    conversation({
      id: `x:9${String(i).padStart(3, '0')}`,
      excerpt: line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes),
    }),
  );
  await seedStore(dataDir, { conversations: seeded });
  return seeded;
}

/**
 * Changes a conversation's priority back and forth `times` times in a row, each on the version
 * the last change returned, as one agent triaging would. Returns the last version.
 */
export async function togglePriority(
  baseUrl: string,
  token: string,
  id: string,
  times: number,
  version: number,
): Promise<number> {
  for (let i = 0; i < times; i++) {
    const changed = await hubResult<Conversation>(
      baseUrl,
      token,
      'POST',
      '/api/conversations/update',
      { id, version, priority: version % 2 === 0 ? 'normal' : 'high' },
    );
    version = changed.version;
  }
  return version;
}
