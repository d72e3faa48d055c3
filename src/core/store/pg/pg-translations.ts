import { PostTranslationSchema } from '../../../shared';
import type { PostTranslation } from '../../../shared';
import type { TranslationRepository } from '../port';
import type { Queryable } from './pg-client';

/** Posts' translations in `post_translations`, one per post and language. */
export class PgTranslations implements TranslationRepository {
  constructor(private readonly db: Queryable) {}

  async get(postId: string, target: string): Promise<PostTranslation | undefined> {
    const { rows } = await this.db.query<{ body: string }>(
      'SELECT body FROM post_translations WHERE post_id = $1 AND target = $2',
      [postId, target],
    );
    return rows[0] ? PostTranslationSchema.parse(JSON.parse(rows[0].body)) : undefined;
  }

  /** Keeps a translation on the commit's connection, replacing one of the same post and language. */
  async put(translation: PostTranslation): Promise<void> {
    await this.db.query(
      `INSERT INTO post_translations (post_id, target, body) VALUES ($1, $2, $3)
       ON CONFLICT (post_id, target) DO UPDATE SET body = excluded.body`,
      [translation.postId, translation.target, JSON.stringify(translation)],
    );
  }
}
