import { describe, expect, it } from 'vitest';
import { ConfigError, parseHubConfig } from './config';
import { facebookWebhookSetup, loggedUrl } from './webhooks';

describe('Facebook webhook settings', () => {
  it('reads the public URL from a flag and the verify token from the environment only', () => {
    const { config } = parseHubConfig(['--public-url', 'https://inbox.example.com/'], {
      SOCIAL_INBOX_FACEBOOK_VERIFY_TOKEN: 'a-verify-token-of-ours',
      SOCIAL_INBOX_GRAPH_APP_SECRET: 'the-app-secret',
    });
    expect(config.publicUrl).toBe('https://inbox.example.com/');
    expect(config.facebookVerifyToken).toBe('a-verify-token-of-ours');
    expect(facebookWebhookSetup(config).callbackUrl).toBe(
      'https://inbox.example.com/webhooks/facebook',
    );
    expect(() => parseHubConfig(['--facebook-verify-token', 'x'], {})).toThrow(ConfigError);
    expect(() => parseHubConfig(['--public-url', 'ftp://inbox.example.com'], {})).toThrow(
      ConfigError,
    );
  });

  it('stays off without a public URL, and says so when a secret is missing', () => {
    expect(facebookWebhookSetup(parseHubConfig([], {}).config)).toEqual({
      callbackUrl: null,
      notices: [],
    });
    const { config } = parseHubConfig(['--public-url', 'https://inbox.example.com'], {
      SOCIAL_INBOX_GRAPH_APP_SECRET: 'the-app-secret',
    });
    const setup = facebookWebhookSetup(config);
    expect(setup.callbackUrl).toBeNull();
    expect(setup.notices.join('\n')).toContain('SOCIAL_INBOX_FACEBOOK_VERIFY_TOKEN');
    expect(setup.notices.join('\n')).not.toContain('the-app-secret');
  });

  it('logs the webhook path without its query (the verify token)', () => {
    expect(
      loggedUrl('/webhooks/facebook?hub.mode=subscribe&hub.verify_token=secret&hub.challenge=1'),
    ).toBe('/webhooks/facebook');
    expect(loggedUrl('/api/conversations?limit=5')).toBe('/api/conversations?limit=5');
  });
});
