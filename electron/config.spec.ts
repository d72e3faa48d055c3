import { describe, expect, it } from 'vitest';
import { ConfigError, DESKTOP_DEFAULTS, chooseMode, parseDesktopConfig } from './config';

const argv = ['/usr/lib/electron/electron', '.', '--no-sandbox', '--remote-debugging-port=0'];

describe('parseDesktopConfig', () => {
  it('defaults to the real platforms, demo mode decided by the store', () => {
    expect(parseDesktopConfig(argv, {})).toEqual({
      demo: 'auto',
      ...DESKTOP_DEFAULTS,
      userDataDir: null,
      xClientId: null,
      facebookAppId: null,
      graphAppSecret: null,
    });
  });

  it('reads the base URLs, Graph version and poll interval from the environment', () => {
    expect(
      parseDesktopConfig(argv, {
        SOCIAL_INBOX_X_BASE_URL: 'http://127.0.0.1:9000/x/',
        SOCIAL_INBOX_GRAPH_BASE_URL: 'http://127.0.0.1:9000/graph',
        SOCIAL_INBOX_GRAPH_VERSION: 'v22.0',
        SOCIAL_INBOX_POLL_MS: '5000',
        SOCIAL_INBOX_USER_DATA: '/tmp/inbox-profile',
        SOCIAL_INBOX_X_CLIENT_ID: 'abc:1:na',
        SOCIAL_INBOX_FACEBOOK_APP_ID: '1468023750213462',
        SOCIAL_INBOX_GRAPH_APP_SECRET: 'app-secret',
        SOCIAL_INBOX_X_WEB_URL: 'http://127.0.0.1:9000/x-web',
        SOCIAL_INBOX_FACEBOOK_WEB_URL: 'http://127.0.0.1:9000/facebook-web',
      }),
    ).toEqual({
      demo: 'auto',
      xBaseUrl: 'http://127.0.0.1:9000/x',
      graphBaseUrl: 'http://127.0.0.1:9000/graph',
      graphVersion: 'v22.0',
      pollIntervalMs: 5000,
      userDataDir: '/tmp/inbox-profile',
      xClientId: 'abc:1:na',
      facebookAppId: '1468023750213462',
      graphAppSecret: 'app-secret',
      xWebBaseUrl: 'http://127.0.0.1:9000/x-web',
      facebookWebBaseUrl: 'http://127.0.0.1:9000/facebook-web',
    });
  });

  it.each([
    [[], { SOCIAL_INBOX_DEMO: '1' }, 'on'],
    [[], { SOCIAL_INBOX_DEMO: 'true' }, 'on'],
    [[], { SOCIAL_INBOX_DEMO: '0' }, 'off'],
    [[], { SOCIAL_INBOX_DEMO: '' }, 'auto'],
    [['--demo'], {}, 'on'],
    [['--solo'], { SOCIAL_INBOX_DEMO: '1' }, 'off'],
  ])('%j with %j: demo %s', (flags, env, demo) => {
    expect(parseDesktopConfig([...argv, ...flags], env).demo).toBe(demo);
  });

  it.each([
    [{ SOCIAL_INBOX_X_BASE_URL: 'ftp://example.com' }, 'SOCIAL_INBOX_X_BASE_URL'],
    [{ SOCIAL_INBOX_GRAPH_BASE_URL: 'not a url' }, 'SOCIAL_INBOX_GRAPH_BASE_URL'],
    [{ SOCIAL_INBOX_GRAPH_VERSION: '21' }, 'SOCIAL_INBOX_GRAPH_VERSION'],
    [{ SOCIAL_INBOX_POLL_MS: '10' }, 'SOCIAL_INBOX_POLL_MS'],
    [{ SOCIAL_INBOX_DEMO: 'maybe' }, 'SOCIAL_INBOX_DEMO'],
    [{ SOCIAL_INBOX_USER_DATA: 'relative/dir' }, 'SOCIAL_INBOX_USER_DATA'],
    [{ SOCIAL_INBOX_FACEBOOK_APP_ID: 'my-app' }, 'SOCIAL_INBOX_FACEBOOK_APP_ID'],
    [{ SOCIAL_INBOX_X_WEB_URL: 'javascript:alert(1)' }, 'SOCIAL_INBOX_X_WEB_URL'],
  ])('rejects %j naming the variable', (env, name) => {
    expect(() => parseDesktopConfig(argv, env)).toThrow(ConfigError);
    expect(() => parseDesktopConfig(argv, env)).toThrow(name);
  });

  it('rejects --demo with --solo', () => {
    expect(() => parseDesktopConfig([...argv, '--demo', '--solo'], {})).toThrow(ConfigError);
  });
});

describe('chooseMode', () => {
  it('runs the demo while no account is connected, unless told otherwise', () => {
    expect(chooseMode('auto', 0)).toBe('demo');
    expect(chooseMode('auto', 2)).toBe('solo');
    expect(chooseMode('on', 2)).toBe('demo');
    expect(chooseMode('off', 0)).toBe('solo');
  });
});
