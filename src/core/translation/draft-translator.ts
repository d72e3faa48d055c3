import { InboxError, TranslateDraftInputSchema, TranslationTargetSchema } from '../../shared';
import type { ApiInput, ApiOutput, CallContext } from '../../shared';
import type { InboxStore } from '../store/port';
import { agentLanguage } from './post-translator';
import type { TranslationProvider } from './translation-provider';
import { noConversation } from '../store/conversation-refusals';

export interface DraftTranslatorDeps {
  store: InboxStore;
  /** The service in force (it may change while the inbox runs); null: none is configured. */
  provider(): TranslationProvider | null;
}

/**
 * Translates a reply the agent drafts in their own language into the customer's (the
 * conversation's language). Nothing is kept: a draft changes with every keystroke, and what counts
 * is what is sent, which the reply's record keeps with the draft it came from.
 */
export class DraftTranslator {
  constructor(private readonly deps: DraftTranslatorDeps) {}

  async translateDraft(
    input: ApiInput<'translateDraft'>,
    context?: CallContext,
  ): Promise<ApiOutput<'translateDraft'>> {
    const {
      conversationId,
      text,
      source: given,
      target: asked,
    } = TranslateDraftInputSchema.parse(input);
    const conversation = await this.deps.store.conversations.get(conversationId);
    if (!conversation) throw noConversation(conversationId);
    const source = given ?? agentLanguage(context);
    const wanted = TranslationTargetSchema.safeParse(asked ?? conversation.language);
    if (!wanted.success)
      throw new InboxError(
        'bad_request',
        'The conversation is in a language the inbox does not translate into: say which one to use.',
        { language: conversation.language },
      );
    const target = wanted.data;
    const provider = this.deps.provider();
    if (!provider)
      throw new InboxError(
        'translation_unavailable',
        'No translation service is configured for this inbox.',
      );
    if (source === target) return { text, source, target, provider: provider.name };
    const [translated] = await provider.translate([text], target, source);
    if (!translated)
      throw new InboxError('translation_unavailable', 'The translation service answered nothing.');
    return { text: translated.text, source, target, provider: provider.name };
  }
}
