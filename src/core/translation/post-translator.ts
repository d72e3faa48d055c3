import { InboxError, TranslatePostInputSchema, TranslationTargetSchema } from '../../shared';
import type { ApiInput, ApiOutput, CallContext, Post, PostTranslation } from '../../shared';
import { SYSTEM, actorOf } from '../audit/audit-facts';
import type { Actor } from '../audit/audit-facts';
import type { InboxStore } from '../store/port';
import type { Clock } from '../time/clock';
import { dateOf } from '../time/clock';
import type { TranslationProvider } from './translation-provider';

export interface PostTranslatorDeps {
  store: InboxStore;
  clock: Clock;
  /** The service in force (it may change while the inbox runs); null: none is configured. */
  provider(): TranslationProvider | null;
}

/**
 * Translates a customer's post on demand into the agent's language, and keeps the translation in
 * the store: the service is asked once per post and language, whoever asks next reads it there.
 * Keeping it is recorded in the audit trail (who had the post translated, into what, by which
 * service), in the same commit as the translation.
 */
export class PostTranslator {
  constructor(private readonly deps: PostTranslatorDeps) {}

  async translatePost(
    input: ApiInput<'translatePost'>,
    context?: CallContext,
  ): Promise<ApiOutput<'translatePost'>> {
    const { postId, target: asked } = TranslatePostInputSchema.parse(input);
    const target = asked ?? agentLanguage(context);
    const by = actorOf(context, SYSTEM);
    const post = await this.deps.store.posts.get(postId);
    if (!post) throw new InboxError('not_found', `No post with id ${postId}`);
    const kept = await this.deps.store.translations.get(postId, target);
    if (kept) return kept;
    const provider = this.deps.provider();
    if (!provider)
      throw new InboxError(
        'translation_unavailable',
        'No translation service is configured for this inbox.',
      );
    if (post.language === target)
      return this.keep(post, by, {
        postId,
        target,
        text: post.text,
        source: target,
        provider: provider.name,
        translatedAt: dateOf(this.deps.clock).toISOString(),
      });
    const [translated] = await provider.translate([post.text], target, post.language ?? undefined);
    if (!translated)
      throw new InboxError('translation_unavailable', 'The translation service answered nothing.');
    return this.keep(post, by, {
      postId,
      target,
      text: translated.text,
      source: translated.detectedSource ?? post.language,
      provider: provider.name,
      translatedAt: dateOf(this.deps.clock).toISOString(),
    });
  }

  /** Keeps the translation and its audit entry in one commit: both are durable, or neither. */
  private async keep(
    post: Post,
    by: Actor,
    translation: PostTranslation,
  ): Promise<PostTranslation> {
    await this.deps.store.commit(
      [
        {
          ...by,
          action: 'post.translated',
          conversationId: post.conversationId,
          details: {
            postId: post.id,
            source: translation.source,
            target: translation.target,
            provider: translation.provider,
          },
        },
      ],
      [{ kind: 'translations.put', translation }],
    );
    return translation;
  }
}

/** The first of the agent's languages the inbox translates into; English otherwise. */
export function agentLanguage(context: CallContext | undefined) {
  for (const code of context?.agent.languages ?? []) {
    const parsed = TranslationTargetSchema.safeParse(code);
    if (parsed.success) return parsed.data;
  }
  return 'en' as const;
}
