import { createHmac } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { InboxPage } from './pages/inbox-page';
import { FacebookSide, commentDelivery } from './pages/facebook-webhooks';
import { tokenOf } from './pages/team';

const ZOE = { id: '4000000771', name: 'Zoé Martin' };
const HUGO = { id: '4000000772', name: 'Hugo Bernard' };

test('a webhook brings a comment on a 90-day-old post into the list within 2 s', async ({
  page,
  request,
}) => {
  const inbox = new InboxPage(page);
  await inbox.goto('Camille Laurent');
  const facebook = await FacebookSide.of(request, tokenOf('Camille Laurent'));
  // Older than anything polling reads: only the webhook can bring its comments.
  const post = await facebook.postFrom(90, 'Notre carte de printemps est arrivée.');

  const id = await facebook.comment(
    post,
    ZOE,
    'Je reviens sur ce vieux post : ma carte de fidélité ne marche plus depuis mars.',
  );
  await expect(inbox.row(`facebook:${id}`)).toBeVisible({ timeout: 2000 });
  await expect(inbox.row(`facebook:${id}`)).toContainText('Zoé Martin');
});

test('a delivery with a forged signature is refused and leaves nothing behind', async ({
  page,
  request,
}) => {
  const headers = { authorization: `Bearer ${tokenOf('Camille Laurent')}` };
  const inbox = new InboxPage(page);
  await inbox.goto('Camille Laurent');
  const facebook = await FacebookSide.of(request, tokenOf('Camille Laurent'));
  const post = await facebook.postFrom(90, 'Nos horaires d’été.');
  // A real comment the hub has not been told of: the Page sends no webhooks meanwhile.
  await facebook.subscribePage(false);
  try {
    const message = 'Ce commentaire ne doit arriver que par une livraison signée.';
    const id = await facebook.comment(post, HUGO, message);
    const total = async () =>
      (
        (await (await request.get('/api/conversations?limit=1', { headers })).json()) as {
          result: { total: number };
        }
      ).result.total;
    const before = await total();
    const body = commentDelivery({ commentId: id, postId: post, from: HUGO, message });
    const forged = `sha256=${createHmac('sha256', 'not-the-app-secret').update(body).digest('hex')}`;
    for (const signature of [forged, null]) {
      const answer = await request.post('/webhooks/facebook', {
        headers: {
          'content-type': 'application/json',
          ...(signature ? { 'x-hub-signature-256': signature } : {}),
        },
        data: body,
      });
      expect(answer.status()).toBe(403);
    }
    expect(
      (
        await request.get(`/api/conversations/${encodeURIComponent(`facebook:${id}`)}`, { headers })
      ).status(),
    ).toBe(404);
    expect(await total()).toBe(before);
    await inbox.search.fill('livraison signée');
    await expect(inbox.row(`facebook:${id}`)).toHaveCount(0);
  } finally {
    await facebook.subscribePage(true);
  }
});
