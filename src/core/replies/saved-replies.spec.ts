import { afterEach, describe, expect, it } from 'vitest';
import { InboxService } from '../service';
import { tempDir } from '../test/fixtures';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

describe('saved replies', () => {
  it('keeps the team’s saved replies by language, checks their variables, and survives a restart', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const service = await InboxService.open({ dataDir: dir });
    const fr = await service.saveSavedReply({
      title: 'Excuses',
      language: 'fr',
      text: 'Bonjour {author.name}, toutes nos excuses. {agent.name}, {brand}',
    });
    await service.saveSavedReply({
      title: 'Apology',
      language: 'en',
      text: 'Hi {author.name}, sorry.',
    });
    await expect(
      service.saveSavedReply({ title: 'Typo', language: 'en', text: 'Hi {autor.name}' }),
    ).rejects.toThrow(/unknown variable \{autor.name\}/);
    await service.saveSavedReply({
      id: fr.id,
      title: 'Excuses',
      language: 'fr',
      text: 'Bonjour {author.name} !',
    });
    await service.close();

    const again = await InboxService.open({ dataDir: dir });
    cleanups.push(() => again.close());
    const list = await again.listSavedReplies({});
    expect(list.map((r) => [r.language, r.title, r.text])).toEqual([
      ['en', 'Apology', 'Hi {author.name}, sorry.'],
      ['fr', 'Excuses', 'Bonjour {author.name} !'],
    ]);
    await again.deleteSavedReply({ id: fr.id });
    expect((await again.listSavedReplies({})).map((r) => r.title)).toEqual(['Apology']);
    await expect(again.deleteSavedReply({ id: fr.id })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
