import { describe, expect, it } from 'vitest';
import { wordsFor } from '../i18n/translate';
import { clientLabel } from './client-label';

describe('client label', () => {
  it('says where something was done, in the UI language', () => {
    const en = wordsFor('en').t;
    const fr = wordsFor('fr').t;
    expect(clientLabel('browser', en)).toBe('in a browser');
    expect(clientLabel('desktop:jan-laptop', en)).toBe('in the desktop app (jan-laptop)');
    expect(clientLabel('desktop:jan-laptop', fr)).toBe('dans l’application de bureau (jan-laptop)');
    expect(clientLabel('hub:inbox-1', en)).toBe('from hub:inbox-1');
    expect(clientLabel('sync', en)).toBe('');
    expect(clientLabel(null, en)).toBe('');
  });
});
