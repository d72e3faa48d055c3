import { afterEach, describe, expect, it } from 'vitest';
import type { CallContext, InboxEvent } from '../shared';
import { InboxService } from './service';
import { conversation, tempDir } from './test/fixtures';
import { seedStore } from './test/seed-store';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

async function setUp() {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  await seedStore(dir, { conversations: [conversation({ id: 'x:1' })] });
  const service = await InboxService.open({ dataDir: dir });
  cleanups.push(() => service.close());
  const as = async (name: string): Promise<CallContext> => ({
    agent: (await service.createAgent({ name })).agent,
    client: 'browser',
  });
  return { dir, service, jan: await as('Jan de Wit'), lucia: await as('Lucía Ortega') };
}

describe('internal notes', () => {
  it('stores a note with the mentions the inbox read, announces it, and keeps it', async () => {
    const { dir, service, jan, lucia } = await setUp();
    const events: InboxEvent[] = [];
    service.onEvent((e) => events.push(e));
    const note = await service.addNote(
      { conversationId: 'x:1', text: '  @lucia can you call her back? cc @Nobody  ' },
      jan,
    );
    expect(note).toMatchObject({
      conversationId: 'x:1',
      author: jan.agent.id,
      text: '@lucia can you call her back? cc @Nobody',
      mentions: [lucia.agent.id],
    });
    expect(events).toEqual([{ type: 'note.added', note }]);
    // A note is for the team: nothing goes to the platform.
    expect(service.replies().list()).toEqual([]);
    expect((await service.getConversation({ id: 'x:1' })).notes).toEqual([note]);
    await service.close();

    const reopened = await InboxService.open({ dataDir: dir });
    cleanups.push(() => reopened.close());
    expect((await reopened.getConversation({ id: 'x:1' })).notes).toEqual([note]);
  });

  it('decides mentions itself and refuses empty notes or unknown conversations', async () => {
    const { service, jan } = await setUp();
    const sneaky = { conversationId: 'x:1', text: 'no mention here', mentions: ['agent:x'] };
    await expect(service.addNote(sneaky as never, jan)).rejects.toThrow();
    await expect(service.addNote({ conversationId: 'x:1', text: '   ' }, jan)).rejects.toThrow(
      'write the note first',
    );
    await expect(
      service.addNote({ conversationId: 'x:404', text: 'hello' }, jan),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      service.addNote({ conversationId: 'x:1', text: 'x'.repeat(4001) }, jan),
    ).rejects.toThrow('at most 4,000');
  });

  it('tells who changed a conversation, so an agent is not notified of their own changes', async () => {
    const { service, jan, lucia } = await setUp();
    const events: InboxEvent[] = [];
    service.onEvent((e) => events.push(e));
    await service.updateConversation({ id: 'x:1', version: 1, assignee: lucia.agent.id }, jan);
    expect(events).toMatchObject([{ type: 'conversation.changed', by: jan.agent.id }]);
  });
});
