import type { Conversation, RuleConditions, RulePreview } from '../../shared';
import type { InboxStore } from '../store/port';
import { matches, ruleText } from './rule-engine';

/** The most conversations a preview looks at: the newest still to handle. */
export const PREVIEW_SCAN = 5000;
const PAGE = 500;

/**
 * What a rule's conditions would catch among the conversations still to handle (new, open,
 * pending), newest first: how many, and the first few. Each is tested as the rule engine tests a
 * new conversation, on its opening post's text.
 */
export async function previewRule(
  store: InboxStore,
  input: { conditions: RuleConditions; examples: number },
  scanAtMost = PREVIEW_SCAN,
): Promise<RulePreview> {
  const rule = {
    id: 'preview',
    name: 'preview',
    enabled: true,
    conditions: input.conditions,
    actions: { addTags: [], assign: null, priority: null, status: null },
  };
  const examples: Conversation[] = [];
  let matched = 0;
  let scanned = 0;
  let cursor: string | undefined;
  let more = true;
  while (more && scanned < scanAtMost) {
    const page = await store.conversations.list({
      status: 'active',
      sort: 'newest',
      limit: Math.min(PAGE, scanAtMost - scanned),
      ...(cursor ? { cursor } : {}),
    });
    const openers = new Map(
      (await store.posts.getMany(page.items.map((c) => c.rootPostId))).map((p) => [p.id, p.text]),
    );
    for (const conversation of page.items) {
      const text = ruleText(openers.get(conversation.rootPostId) ?? conversation.excerpt);
      if (!matches(rule, conversation, text)) continue;
      matched += 1;
      if (examples.length < input.examples) examples.push(conversation);
    }
    scanned += page.items.length;
    cursor = page.nextCursor ?? undefined;
    more = page.nextCursor != null;
  }
  return { matched, scanned, partial: more, examples };
}
