import { EventEmitter } from 'node:events';
import { ConversationDetailSchema, InboxError, apiMethods } from '../../src/shared';
import type {
  Account,
  ApiInput,
  ApiOutput,
  ConversationPage,
  InboxApi,
  InboxClient,
  InboxEvent,
  Post,
} from '../../src/shared';
import {
  account as accountFixture,
  conversation as conversationFixture,
} from '../../src/shared/test-fixtures';

/** The conversation and the account the fake answers with. */
export const conversation = conversationFixture();
export const account = accountFixture();

/**
 * A stand-in for InboxService: records the inputs it gets, answers from fixtures. It implements the
 * calls these tests make; `asApi` answers the others with an error saying so.
 */
export class FakeService implements Partial<InboxApi>, Pick<InboxApi, 'onEvent'> {
  readonly calls: unknown[] = [];
  readonly events = new EventEmitter();
  failWith: unknown = null;
  page: unknown = { items: [conversation], nextCursor: null, total: 1 };

  async listConversations(input: ApiInput<'listConversations'>): Promise<ConversationPage> {
    this.calls.push(input);
    if (this.failWith) throw this.failWith;
    return this.page as ConversationPage;
  }

  async getConversation(input: ApiInput<'getConversation'>) {
    this.calls.push(input);
    if (input.id !== conversation.id)
      throw new InboxError('not_found', `No conversation ${input.id}`);
    return ConversationDetailSchema.parse({ conversation, posts: [] });
  }

  async listAccounts() {
    return [{ ...account, token: 'EAAsecret' } as Account];
  }

  async startConnect(input: ApiInput<'startConnect'>) {
    this.calls.push(input);
    return {
      flowId: '2f1c8a52-4c1e-4a53-9d55-1e0b1f7f8a10',
      platform: input.platform,
      authorizeUrl: 'https://x.com/i/oauth2/authorize?client_id=abc',
      opened: false,
    };
  }

  async finishConnect(input: ApiInput<'finishConnect'>) {
    this.calls.push(input);
    return { status: 'connected' as const, accounts: [account] };
  }

  async connectPages(input: ApiInput<'connectPages'>) {
    this.calls.push(input);
    return [account];
  }

  async cancelConnect(input: ApiInput<'cancelConnect'>) {
    this.calls.push(input);
    return { done: true as const };
  }

  async updateConversation(input: ApiInput<'updateConversation'>) {
    this.calls.push(input);
    return { ...conversation, version: conversation.version + 1 };
  }

  async sendReply(input: ApiInput<'sendReply'>) {
    this.calls.push(input);
    return {
      key: 'k',
      conversationId: input.conversationId,
      replyTo: input.replyTo,
      kind: input.kind ?? 'public',
      state: 'pending' as const,
      createdAt: '2025-01-01T10:00:00.000Z',
    };
  }

  async hidePost(input: ApiInput<'hidePost'>): Promise<Post> {
    this.calls.push(input);
    throw new InboxError('not_found', `No post with id ${input.postId}`);
  }

  async whoAmI() {
    return { id: 'local', name: 'You', role: 'manager' as const, languages: [] };
  }

  async listTags() {
    return [];
  }

  async saveTag(input: ApiInput<'saveTag'>) {
    this.calls.push(input);
    return input;
  }

  async renameTag(input: ApiInput<'renameTag'>) {
    this.calls.push(input);
    return { tag: { name: input.newName, color: 'gray' as const }, updated: 0 };
  }

  async deleteTag(input: ApiInput<'deleteTag'>) {
    this.calls.push(input);
    return { tag: null, updated: 0 };
  }

  async listViews() {
    return [];
  }

  async saveView(input: ApiInput<'saveView'>) {
    this.calls.push(input);
    return { id: 'v1', name: input.name, filters: { sort: 'newest' as const } };
  }

  async deleteView(input: ApiInput<'deleteView'>) {
    this.calls.push(input);
    return { done: true as const };
  }

  async updateConversations(input: ApiInput<'updateConversations'>) {
    this.calls.push(input);
    return { results: [] };
  }

  async listAgents() {
    return [];
  }

  async createAgent(input: ApiInput<'createAgent'>): Promise<ApiOutput<'createAgent'>> {
    this.calls.push(input);
    throw new InboxError('forbidden', 'Only managers create agents');
  }

  async connectHub(input: ApiInput<'connectHub'>): Promise<ApiOutput<'connectHub'>> {
    this.calls.push(input);
    throw new InboxError('bad_request', 'Only the desktop app connects to a team hub');
  }

  async leaveHub(): Promise<ApiOutput<'leaveHub'>> {
    return { done: true };
  }

  async disconnectAccount(input: ApiInput<'disconnectAccount'>) {
    this.calls.push(input);
    return { done: true as const };
  }

  async addNote(input: ApiInput<'addNote'>): Promise<ApiOutput<'addNote'>> {
    this.calls.push(input);
    throw new InboxError('not_found', `No conversation with id ${input.conversationId}`);
  }

  async reportPresence(input: ApiInput<'reportPresence'>) {
    this.calls.push(input);
    return { done: true as const };
  }

  async listPresence() {
    return [];
  }

  onEvent(listener: (event: InboxEvent) => void) {
    this.events.on('event', listener);
    return () => void this.events.off('event', listener);
  }
}

/** The fake as a whole InboxClient: the calls it does not make answer `internal`. */
export function asApi(fake: FakeService): InboxClient {
  const calls = Object.fromEntries(
    Object.keys(apiMethods).map((name) => {
      const own = (fake as unknown as Record<string, unknown>)[name];
      return [
        name,
        typeof own === 'function'
          ? own.bind(fake)
          : async () => {
              throw new InboxError('internal', `${name} is not part of these tests`);
            },
      ];
    }),
  );
  return { ...calls, onEvent: fake.onEvent.bind(fake) } as InboxClient;
}
