import type { Account } from '../../shared';
import { GraphClient } from '../connectors/facebook/graph-client';
import { XClient } from '../connectors/x/x-client';
import type { SyncConfig } from '../sync/sync-context';

/** A statement as the platform published it. */
export interface Published {
  externalId: string;
  permalink: string;
}

/**
 * Publishes one public statement from the brand's account: a post of its own on X
 * (`POST /2/tweets`), a post on the Page's feed on Facebook (`POST /{page-id}/feed`). It answers many
 * people at once instead of repeating one reply to each.
 */
export async function publishStatement(
  config: Pick<
    SyncConfig,
    'xBaseUrl' | 'graphBaseUrl' | 'graphVersion' | 'graphAppSecret' | 'requestTimeoutMs'
  >,
  account: Account,
  token: string,
  text: string,
): Promise<Published> {
  if (account.platform === 'x') {
    const id = await new XClient(token, config.xBaseUrl, {
      timeoutMs: config.requestTimeoutMs,
    }).post(text);
    return { externalId: id, permalink: `https://x.com/${account.handle}/status/${id}` };
  }
  const graph = new GraphClient(token, config.graphBaseUrl, config.graphVersion, {
    appSecret: config.graphAppSecret,
    timeoutMs: config.requestTimeoutMs,
  });
  const { id } = await graph.post<{ id: string }>(
    `${account.externalId}/feed`,
    { message: text },
    { permission: 'pages_manage_posts' },
  );
  return { externalId: id, permalink: `https://www.facebook.com/${id}` };
}
