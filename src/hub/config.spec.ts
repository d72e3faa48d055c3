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
      graphVersion: 'v21.0',
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

  it.each([
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
