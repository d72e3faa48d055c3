import { describe, expect, it } from 'vitest';
import type { InboxClient } from '../src/shared';
import { isSignInUrl, withSystemBrowserSignIn } from './sign-in-browser';

describe('sign-in pages in the system browser', () => {
  it('accepts https pages and loopback http pages only', () => {
    expect(isSignInUrl('https://x.com/i/oauth2/authorize?client_id=a')).toBe(true);
    expect(isSignInUrl('http://127.0.0.1:4010/x-web/i/oauth2/authorize')).toBe(true);
    expect(isSignInUrl('http://localhost:4010/facebook-web/v21.0/dialog/oauth')).toBe(true);
    expect(isSignInUrl('http://example.com/authorize')).toBe(false);
    expect(isSignInUrl('file:///etc/passwd')).toBe(false);
    expect(isSignInUrl('https://user:pw@x.com/')).toBe(false);
    expect(isSignInUrl('javascript:alert(1)')).toBe(false);
    expect(isSignInUrl('not a url')).toBe(false);
  });

  it('opens the page a connect returns, says so, and leaves every other call as it is', async () => {
    const opened: string[] = [];
    const api = {
      startConnect: async (input: { platform: 'x' | 'facebook' }) => ({
        flowId: '2f1c8a52-4c1e-4a53-9d55-1e0b1f7f8a10',
        platform: input.platform,
        authorizeUrl:
          input.platform === 'x' ? 'https://x.com/i/oauth2/authorize' : 'http://evil.example/',
        opened: false,
      }),
      listAccounts: async () => [],
    } as unknown as InboxClient;
    const wrapped = withSystemBrowserSignIn(api, async (url) => void opened.push(url));
    expect((await wrapped.startConnect({ platform: 'x' })).opened).toBe(true);
    expect((await wrapped.startConnect({ platform: 'facebook' })).opened).toBe(false);
    expect(opened).toEqual(['https://x.com/i/oauth2/authorize']);
    expect(await wrapped.listAccounts({})).toEqual([]);
  });
});
