import { CrisisInputSchema, ReportDrillInputSchema, ReportInputSchema } from '../../shared';
import type { Agent, ApiInput, ApiOutput, Conversation, Post } from '../../shared';
import type { InboxStore } from '../store/port';
import { crisisView } from './crisis';
import { ReportBuilder } from './report-builder';

export interface ReportSources {
  store: Pick<InboxStore, 'conversations' | 'posts'>;
  agents(): Agent[];
  now(): Date;
}

/** The managers' calls over the store: reports, their drill-downs, the crisis view. */
export class Reports {
  constructor(private readonly sources: ReportSources) {}

  async report(input: ApiInput<'getReport'>): Promise<ApiOutput<'getReport'>> {
    const range = ReportInputSchema.parse(input);
    return (await this.builder(range)).report(this.sources.agents());
  }

  async drill(input: ApiInput<'drillReport'>): Promise<ApiOutput<'drillReport'>> {
    const { drill, ...range } = ReportDrillInputSchema.parse(input);
    const items = (await this.builder(range)).drill(drill);
    return { items, total: items.length };
  }

  async crisis(input: ApiInput<'getCrisis'>): Promise<ApiOutput<'getCrisis'>> {
    const { at, hours } = CrisisInputSchema.parse(input ?? {});
    const { conversations, posts } = await this.everything();
    return crisisView(
      conversations,
      (id) => posts.get(id) ?? [],
      at == null ? this.sources.now() : new Date(at),
      hours,
    );
  }

  private async builder(range: { from: string; to: string; targetMinutes: number }) {
    const { conversations, posts } = await this.everything();
    return new ReportBuilder(range, conversations, (id) => posts.get(id) ?? []);
  }

  /** Every conversation with its posts. */
  private async everything(): Promise<{
    conversations: Conversation[];
    posts: Map<string, Post[]>;
  }> {
    const { store } = this.sources;
    const conversations: Conversation[] = [];
    const posts = new Map<string, Post[]>();
    for await (const c of store.conversations.lastPostedBetween(
      '1970-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
    )) {
      conversations.push(c);
      posts.set(c.id, await store.posts.ofConversation(c.id));
    }
    return { conversations, posts };
  }
}
