import { describe, expect, it } from 'vitest';
import { ConfigError, HUB_DEFAULT_PORT, parseHubConfig } from './config';

describe('parseHubConfig', () => {
  it('defaults to loopback and the real platform hosts', () => {
    const { config } = parseHubConfig([], {});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: HUB_DEFAULT_PORT,
      xBaseUrl: 'https://api.x.com',
      graphBaseUrl: 'https://graph.facebook.com',
      graphVersion: 'v26.0',
    });
  });

  it('takes flags over environment variables', () => {
    const { config } = parseHubConfig(
      ['--port', '9000', '--x-base-url', 'http://127.0.0.1:4010/x'],
      {
        SOCIAL_INBOX_PORT: '7000',
        SOCIAL_INBOX_GRAPH_BASE_URL: 'http://127.0.0.1:4010/graph',
      },
    );
    expect(config).toMatchObject({
      port: 9000,
      xBaseUrl: 'http://127.0.0.1:4010/x',
      graphBaseUrl: 'http://127.0.0.1:4010/graph',
    });
  });

  it('takes the network settings: TLS files, allowed host names, the sign-in limit', () => {
    expect(parseHubConfig([], {}).config).toMatchObject({
      tlsCert: null,
      tlsKey: null,
      allowedHosts: [],
      signInLimit: 30,
      presenceTtlMs: 60_000,
    });
    const { config } = parseHubConfig(
      ['--allowed-hosts', 'inbox.example.com, 10.0.0.5,[fd00::1]', '--sign-in-limit', '10'],
      { SOCIAL_INBOX_TLS_CERT: 'certs/hub.pem', SOCIAL_INBOX_TLS_KEY: 'certs/hub-key.pem' },
    );
    expect(config.allowedHosts).toEqual(['inbox.example.com', '10.0.0.5', '[fd00::1]']);
    expect(config.signInLimit).toBe(10);
    expect(config.tlsCert).toMatch(/certs\/hub\.pem$/);
    expect(config.tlsKey).toMatch(/certs\/hub-key\.pem$/);
  });

  it('takes the file of the key that seals shared secrets, with a database only', () => {
    expect(parseHubConfig([], {}).config.secretsKeyFile).toBeNull();
    const { config } = parseHubConfig(['--database', 'postgres://inbox@db/inbox'], {
      SOCIAL_INBOX_SECRETS_KEY_FILE: 'run/secrets.key',
    });
    expect(config.secretsKeyFile).toMatch(/run\/secrets\.key$/);
  });

  it('takes the reverse proxies it trusts, none by default', () => {
    expect(parseHubConfig([], {}).config.trustedProxies).toEqual([]);
    const { config } = parseHubConfig(
      ['--trusted-proxies', '10.0.0.2, 172.16.0.0/12,fd00::/8'],
      {},
    );
    expect(config.trustedProxies).toEqual(['10.0.0.2', '172.16.0.0/12', 'fd00::/8']);
    expect(
      parseHubConfig([], { SOCIAL_INBOX_TRUSTED_PROXIES: 'uniquelocal,loopback' }).config
        .trustedProxies,
    ).toEqual(['uniquelocal', 'loopback']);
  });

  it.each([
    [['--tls-cert', 'hub.pem'], /both --tls-cert and --tls-key/],
    [['--tls-key', 'hub-key.pem'], /both --tls-cert and --tls-key/],
    [['--allowed-hosts', 'inbox.example.com/evil'], /host names separated by commas/],
    [['--sign-in-limit', '0'], /signInLimit/],
    [['--trusted-proxies', 'proxy.example.com'], /addresses or CIDR ranges/],
    [['--secrets-key-file', 'secrets.key'], /goes with --database/],
    [['--trusted-proxies', '10.0.0.0/33'], /addresses or CIDR ranges/],
    [['--trusted-proxies', '10.0.0.0/8/1'], /addresses or CIDR ranges/],
    [['--port', 'eighty'], /port/],
    [['--port', '70000'], /port/],
    [['--x-base-url', 'ftp://example.com'], /xBaseUrl/],
    [['--graph-version', '21'], /Graph version/],
    [['--bogus'], /bogus/],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseHubConfig(argv, {})).toThrow(ConfigError);
    expect(() => parseHubConfig(argv, {})).toThrow(message);
  });
});
