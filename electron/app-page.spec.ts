import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  externalLink,
  resolveAppPage,
  withSecurityHeaders,
} from './app-page';

const built = resolveAppPage({ indexFile: '/opt/Social Inbox/out/renderer/index.html' });
const dev = resolveAppPage({
  indexFile: '/opt/Social Inbox/out/renderer/index.html',
  devServerUrl: 'http://localhost:5173',
});

describe('resolveAppPage', () => {
  it('loads the built page from file:// and recognises only it', () => {
    expect(built.url).toBe('file:///opt/Social%20Inbox/out/renderer/index.html');
    expect(built.isAppUrl(built.url)).toBe(true);
    expect(built.isAppUrl(`${built.url}#/conversation/x:1`)).toBe(true);
    expect(built.isAppUrl('file:///opt/Social%20Inbox/out/renderer/other.html')).toBe(false);
    expect(built.isAppUrl('file:///etc/passwd')).toBe(false);
    expect(built.isAppUrl('https://localhost/opt/Social%20Inbox/out/renderer/index.html')).toBe(
      false,
    );
    expect(built.isAppUrl('not a url')).toBe(false);
  });

  it('uses the dev server when given, recognising its origin only', () => {
    expect(dev.url).toBe('http://localhost:5173/');
    expect(dev.isAppUrl('http://localhost:5173/src/main.ts')).toBe(true);
    expect(dev.isAppUrl('http://localhost:5174/')).toBe(false);
    expect(dev.isAppUrl('http://127.0.0.1:5173/')).toBe(false);
    expect(dev.isAppUrl(built.url)).toBe(false);
  });

  it.each(['https://evil.example', 'http://192.168.1.10:5173', 'file:///tmp/x', 'nonsense'])(
    'refuses %s as a dev server',
    (devServerUrl) => {
      expect(() => resolveAppPage({ indexFile: '/x/index.html', devServerUrl })).toThrow();
    },
  );
});

describe('the content security policy', () => {
  it('allows the app’s own scripts only, and no remote content or frames', () => {
    const csp = contentSecurityPolicy(built);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("frame-src 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|https:|\*/);
  });

  it('lets the dev server’s hot reload connect', () => {
    expect(contentSecurityPolicy(dev)).toContain("connect-src 'self' ws://localhost:5173");
  });

  it('is set on the app’s pages, replacing any other, and nowhere else', () => {
    const headers = withSecurityHeaders(dev, 'http://localhost:5173/', {
      'content-security-policy': ['default-src *'],
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [contentSecurityPolicy(dev)],
      'X-Content-Type-Options': ['nosniff'],
    });
    const other = { 'Content-Type': ['text/html'] };
    expect(withSecurityHeaders(dev, 'https://example.com/', other)).toBe(other);
  });
});

describe('externalLink', () => {
  it.each([
    ['https://x.com/brand/status/1', 'https://x.com/brand/status/1'],
    ['https://www.facebook.com/123', 'https://www.facebook.com/123'],
    ['http://example.com/', null],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
    ['smb://host/share', null],
    ['https://user:pass@example.com/', null],
    ['not a url', null],
  ])('%s → %s', (url, expected) => {
    expect(externalLink(url)).toBe(expected);
  });
});
