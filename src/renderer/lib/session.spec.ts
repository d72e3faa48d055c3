import { describe, expect, it } from 'vitest';
import { takeTokenFromAddress } from './session';

function address(hash: string) {
  const replaced: string[] = [];
  const location = { hash, pathname: '/', search: '?view=mine' };
  const history = {
    replaceState: (_d: unknown, _t: string, url?: string | URL | null) =>
      void replaced.push(String(url)),
  };
  return { location, history, replaced };
}

describe('a token handed over in the address', () => {
  it('is read once and removed from the address', () => {
    const { location, history, replaced } = address('#token=sia_abc%2Bdef');
    expect(takeTokenFromAddress(location, history)).toBe('sia_abc+def');
    expect(replaced).toEqual(['/?view=mine']);
  });

  it('is left alone when the address holds anything else', () => {
    for (const hash of ['', '#', '#tokens=sia_x', '#token=', '#token=a&b=c']) {
      const { location, history, replaced } = address(hash);
      expect(takeTokenFromAddress(location, history)).toBeNull();
      expect(replaced).toEqual([]);
    }
  });
});
