import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The deployment files cannot be built or pulled here: their rules are checked by reading them.
const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(root + path, 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  secrets?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }>;
  stop_grace_period?: string;
  ports?: string[];
}
const compose = parse(read('deploy/compose.yaml'), { merge: true }) as {
  services: Record<string, Service>;
  secrets: Record<string, { file: string }>;
};
const hubs = ['hub-a', 'hub-b'].map((name) => compose.services[name]!);

/** Names whose values would be secrets: only a path to a file (a Docker secret) may be given. */
const SECRET_NAME = /pass|secret|token|key/i;

describe('deploy/compose.yaml', () => {
  it('runs two hub replicas and PostgreSQL behind a proxy, each with a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['hub-a', 'hub-b', 'postgres', 'proxy']);
    for (const hub of hubs) {
      expect(hub.build).toEqual({ context: '..', dockerfile: 'deploy/Dockerfile' });
      expect(JSON.stringify(hub.healthcheck!.test)).toContain('/api/ready');
      expect(hub.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
      // Docker's SIGKILL comes after the drain and the shutdown timeout.
      const env = hub.environment!;
      const grace = Number(/^(\d+)s$/.exec(hub.stop_grace_period!)![1]) * 1000;
      expect(grace).toBeGreaterThan(
        Number(env.SOCIAL_INBOX_DRAIN_DELAY_MS) + Number(env.SOCIAL_INBOX_SHUTDOWN_TIMEOUT_MS),
      );
    }
    expect(JSON.stringify(compose.services.postgres!.healthcheck!.test)).toContain('pg_isready');
    expect(compose.services.proxy!.depends_on).toEqual({
      'hub-a': { condition: 'service_healthy' },
      'hub-b': { condition: 'service_healthy' },
    });
    // Each replica keeps its own data folder and keyring.
    expect(new Set(hubs.flatMap((h) => h.volumes!)).size).toBe(4);
  });

  it('holds no secret inline: passwords come from secret files, the database URL has none', () => {
    for (const [name, service] of Object.entries(compose.services))
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (SECRET_NAME.test(key))
          expect(key.endsWith('_FILE') || key === 'PGPASSFILE', `${name}: ${key}`).toBe(true);
        if (/^postgres(ql)?:/.test(value)) expect(new URL(value).password, key).toBe('');
      }
    for (const secret of Object.values(compose.secrets))
      expect(secret.file).toMatch(/^\.\/secrets\//);
    expect(read('.gitignore')).toContain('deploy/secrets/');
    expect(read('deploy/Dockerfile.dockerignore')).toContain('deploy/secrets');
  });

  it('sends every request and WebSocket to any ready replica, without sticky sessions', () => {
    const caddy = read('deploy/Caddyfile');
    expect(compose.services.proxy!.volumes).toContain('./Caddyfile:/etc/caddy/Caddyfile:ro');
    expect(caddy).toMatch(/reverse_proxy hub-a:8787 hub-b:8787/);
    expect(caddy).toMatch(/health_uri \/api\/ready/);
    expect(caddy).toMatch(/lb_policy round_robin/);
    expect(caddy).not.toMatch(/lb_policy (cookie|ip_hash|client_ip_hash|header)/);
    // The hub answers only for its names: the checks name the public one.
    expect(caddy).toMatch(/health_headers \{\s+Host \{\$SOCIAL_INBOX_PUBLIC_HOST\}/);
  });
});

describe('deploy/Dockerfile', () => {
  const dockerfile = read('deploy/Dockerfile');
  const lines = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages = lines.filter((l) => l.startsWith('FROM '));
  const final = lines.slice(lines.lastIndexOf(stages.at(-1)!));

  it('builds in stages from node:20-bookworm-slim, never a moving tag', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage).toMatch(/^FROM node:20-bookworm-slim( AS \w+)?$/);
    expect(dockerfile).not.toMatch(/:latest\b/);
    expect(lines.filter((l) => l.startsWith('ADD '))).toEqual([]);
  });

  it('installs production dependencies without Electron, and packages without extras', () => {
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1/);
    for (const apt of lines.filter((l) => l.includes('apt-get install'))) {
      expect(apt).toContain('--no-install-recommends');
      expect(apt).toContain('rm -rf /var/lib/apt/lists/*');
    }
  });

  it('runs as an unprivileged user, with a health check on /api/ready at the port it serves', () => {
    const user = final.filter((l) => l.startsWith('USER ')).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER (root|0)\b/);
    const health = final.find((l) => l.startsWith('HEALTHCHECK '))!;
    const port = /SOCIAL_INBOX_PORT=(\d+)/.exec(final.join('\n'))![1]!;
    expect(health).toContain(`http://127.0.0.1:${port}/api/ready`);
    expect(final).toContain(`EXPOSE ${port}`);
    expect(final).toContain('STOPSIGNAL SIGTERM');
  });

  it('copies files that exist, and its entrypoint becomes the hub (so SIGTERM reaches it)', () => {
    for (const copy of lines.filter((l) => l.startsWith('COPY ') && !l.includes('--from=')))
      for (const path of copy.split(/\s+/).slice(1, -1))
        expect(existsSync(root + path), path).toBe(true);
    // The hub runs from the bundle the build stage made, the sources left behind.
    expect(dockerfile).toMatch(/RUN npm run build:web && npm run build:hub/);
    expect(final).toContain('COPY --from=web /app/out/hub ./out/hub');
    expect(final.some((l) => /^COPY src\b/.test(l))).toBe(false);
    const entry = read('deploy/hub-entrypoint.sh');
    expect(entry.trim().split('\n').at(-1)).toBe('exec node out/hub/cli.mjs "$@"');
    expect(final.find((l) => l.startsWith('ENTRYPOINT'))).toBe(
      'ENTRYPOINT ["tini", "--", "hub-entrypoint"]',
    );
  });
});
