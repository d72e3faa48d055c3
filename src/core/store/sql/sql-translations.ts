import { PostTranslationSchema } from '../../../shared';
import type { PostTranslation } from '../../../shared';
import type { TranslationRepository } from '../port';
import type { Database, Statement } from './sqlite';

/** Posts' translations in `post_translations`, one per post and language. */
export class SqlTranslations implements TranslationRepository {
  private readonly one: Statement;
  private readonly upsert: Statement;

  constructor(db: Database) {
    this.one = db.prepare('SELECT body FROM post_translations WHERE post_id = ? AND target = ?');
    this.upsert = db.prepare(
      `INSERT INTO post_translations (post_id, target, body) VALUES (?, ?, ?)
       ON CONFLICT (post_id, target) DO UPDATE SET body = excluded.body`,
    );
  }

  async get(postId: string, target: string): Promise<PostTranslation | undefined> {
    const row = this.one.get(postId, target) as { body: string } | undefined;
    return row ? PostTranslationSchema.parse(JSON.parse(row.body)) : undefined;
  }

  put(translation: PostTranslation): void {
    this.upsert.run(translation.postId, translation.target, JSON.stringify(translation));
  }
}
