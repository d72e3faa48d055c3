import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import { NEWEST_GRAPH_VERSION } from '../../src/shared';

/** The demo scenario's first Page, as the emulator serves it (fake demo data). */
export function demoPage(): { id: string; token: string } {
  const scenario = JSON.parse(readFileSync('resources/demo-scenario.json', 'utf8')) as {
    facebook: { pages: { id: string; access_token: string }[] };
  };
  const page = scenario.facebook.pages[0]!;
  return { id: page.id, token: page.access_token };
}

/**
 * People on Facebook, played through the emulator's controls (`/__emulator/facebook/...`): the
 * emulator then delivers the Page's webhooks to the demo hub, signed with the app secret.
 */
export class FacebookSide {
  private constructor(
    private readonly request: APIRequestContext,
    readonly origin: string,
  ) {}

  /** Finds the emulator the demo hub talks to: where its Facebook sign-in would send a browser. */
  static async of(request: APIRequestContext, managerToken: string): Promise<FacebookSide> {
    const headers = { authorization: `Bearer ${managerToken}` };
    const started = (await (
      await request.post('/api/accounts/connect', { headers, data: { platform: 'facebook' } })
    ).json()) as { result: { flowId: string; authorizeUrl: string } };
    await request.post('/api/accounts/connect/cancel', {
      headers,
      data: { flowId: started.result.flowId },
    });
    return new FacebookSide(request, new URL(started.result.authorizeUrl).origin);
  }

  /** A post published on the Page `daysAgo` days ago. */
  async postFrom(daysAgo: number, message: string): Promise<string> {
    const created = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
    const answer = await this.request.post(`${this.origin}/__emulator/facebook/posts`, {
      data: { page_id: demoPage().id, message, created_time: created },
    });
    expect(answer.status()).toBe(201);
    return ((await answer.json()) as { data: { id: string } }).data.id;
  }

  /** A person comments on a post; answers the comment's id. */
  async comment(postId: string, from: { id: string; name: string }, message: string) {
    const answer = await this.request.post(`${this.origin}/__emulator/facebook/comments`, {
      data: { post_id: postId, from, message },
    });
    expect(answer.status()).toBe(201);
    return ((await answer.json()) as { data: { id: string } }).data.id;
  }

  /** The Page stops (or starts again) sending the app its `feed` webhooks. */
  async subscribePage(subscribed: boolean): Promise<void> {
    const { id, token } = demoPage();
    const url = `${this.origin}/graph/${NEWEST_GRAPH_VERSION}/${id}/subscribed_apps${subscribed ? '?subscribed_fields=feed' : ''}`;
    const answer = await this.request.fetch(url, {
      method: subscribed ? 'POST' : 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(answer.status()).toBe(200);
  }
}

/** A Page `feed` delivery about one comment, as Facebook words it. */
export function commentDelivery(input: {
  commentId: string;
  postId: string;
  from: { id: string; name: string };
  message: string;
}): string {
  const time = Math.floor(Date.now() / 1000);
  return JSON.stringify({
    object: 'page',
    entry: [
      {
        id: demoPage().id,
        time,
        changes: [
          {
            field: 'feed',
            value: {
              from: input.from,
              message: input.message,
              post_id: input.postId,
              comment_id: input.commentId,
              created_time: time,
              item: 'comment',
              parent_id: input.postId,
              verb: 'add',
            },
          },
        ],
      },
    ],
  });
}
