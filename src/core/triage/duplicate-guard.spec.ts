import { describe, expect, it } from 'vitest';
import { nearlyIdentical, publicRepeats, replyWords } from './duplicate-guard';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const APOLOGY =
  'We are deeply sorry for the mix-up with the oat milk. We are looking into it with our teams.';
const sent = (text: string, hoursAgo: number, kind = 'public', state = 'sent') => ({
  text,
  kind,
  state,
  createdAt: new Date(NOW - hoursAgo * 3600_000).toISOString(),
});

describe('the duplicate-reply guard', () => {
  it('sees through mentions, links, case, accents and punctuation', () => {
    expect(replyWords('@marie_l Désolé!! Voir https://t.co/x #OatGate')).toEqual(
      new Set(['desole', 'voir']),
    );
    expect(
      nearlyIdentical(replyWords(`@anna ${APOLOGY}`), replyWords(`@ben ${APOLOGY.toUpperCase()}`)),
    ).toBe(true);
    expect(
      nearlyIdentical(replyWords(APOLOGY), replyWords('Thanks, your refund is on its way.')),
    ).toBe(false);
  });

  it('counts public replies of the last 24 hours that say the same, not private or failed ones', () => {
    const history = [
      sent(`@a ${APOLOGY}`, 1),
      sent(`@b ${APOLOGY}`, 5),
      sent(`@c ${APOLOGY}`, 23),
      sent(`@d ${APOLOGY}`, 25), // older than a day
      sent(`@e ${APOLOGY}`, 2, 'private'),
      sent(`@f ${APOLOGY}`, 2, 'public', 'failed'),
      sent('Thanks Marie, the shop reopens at 8.', 1),
    ];
    expect(publicRepeats(`@g ${APOLOGY}`, history, NOW)).toBe(3);
    expect(publicRepeats('Merci Marie !', history, NOW)).toBe(0);
  });
});
