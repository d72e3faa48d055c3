import { InboxError, PostStatementInputSchema } from '../../shared';
import type { Account, ApiInput, ApiOutput } from '../../shared';
import { X_MAX_LENGTH, xWeightedLength } from '../../shared/x-text';
import type { Actor } from '../audit/audit-facts';
import type { ConversationChanges } from '../conversation-changes';
import { asInboxError } from '../connectors/platform-error';
import type { InboxStore } from '../store/port';
import type { SyncConfig } from '../sync/sync-context';
import { publishStatement } from './publish-statement';

export interface StatementsDeps {
  config: SyncConfig;
  account(id: string): Account | undefined;
  token(account: Account): Promise<string>;
  store: InboxStore;
  changes: ConversationChanges;
  now(): Date;
  /** Tells on the account a permission the platform refused the statement for. */
  refused?(accountId: string, err: unknown): Promise<void>;
}

/** One public statement instead of the same reply to each of many people. */
export class Statements {
  constructor(private readonly deps: StatementsDeps) {}

  /**
   * Publishes the statement from a brand account, then tags the conversations it answers (and
   * marks them done unless told not to), each change recorded as the manager's.
   */
  async post(input: ApiInput<'postStatement'>, by: Actor): Promise<ApiOutput<'postStatement'>> {
    const { accountId, text, conversationIds, tag, markDone } =
      PostStatementInputSchema.parse(input);
    const { deps } = this;
    const account = deps.account(accountId);
    if (!account) throw new InboxError('not_found', `No account with id ${accountId}`);
    if (account.platform === 'x' && xWeightedLength(text) > X_MAX_LENGTH)
      throw new InboxError(
        'bad_request',
        `A post on X is at most ${X_MAX_LENGTH} characters (this one counts ${xWeightedLength(text)})`,
      );
    const found = new Set(
      (await deps.store.conversations.getMany(conversationIds)).map((c) => c.id),
    );
    const missing = conversationIds.filter((id) => !found.has(id));
    if (missing.length > 0)
      throw new InboxError('not_found', `No conversation with id ${missing[0]}`, { missing });
    let published;
    try {
      published = await publishStatement(deps.config, account, await deps.token(account), text);
    } catch (err) {
      await deps.refused?.(account.id, err);
      throw asInboxError(err);
    }
    // The statement, the conversations it answers and their changes: one write, recorded. Each
    // conversation counts as answered by it, by the agent who published it, now.
    const answered = new Set(conversationIds);
    const statement = {
      postId: `${account.platform}:${published.externalId}`,
      permalink: published.permalink,
      by: by.actor,
      at: deps.now().toISOString(),
    };
    const changed = await deps.changes.changeWhere(
      (c) =>
        answered.has(c.id)
          ? { addTags: [tag], statement, ...(markDone ? { status: 'done' as const } : {}) }
          : null,
      by,
      () => [
        {
          ...by,
          action: 'statement.posted',
          conversationId: null,
          details: {
            accountId,
            platform: account.platform,
            externalId: published.externalId,
            text,
            conversations: conversationIds,
          },
        },
      ],
      conversationIds,
      { tags: [tag] },
    );
    return { platform: account.platform, ...published, conversations: changed.length };
  }
}
