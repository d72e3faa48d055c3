import { CrisisInputSchema, ReportDrillInputSchema, ReportInputSchema } from '../../shared';
import type { Agent, ApiInput, ApiOutput, Conversation, Post } from '../../shared';
import type { PostStore } from '../store/post-store';
import { crisisView } from './crisis';
import { ReportBuilder } from './report-builder';

export interface ReportSources {
  conversations(): Iterable<Conversation>;
  posts: PostStore;
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
    await this.sources.posts.loadAll();
    return crisisView(
      this.sources.conversations(),
      (id) => this.postsOf(id),
      at == null ? this.sources.now() : new Date(at),
      hours,
    );
  }

  private async builder(range: { from: string; to: string; targetMinutes: number }) {
    await this.sources.posts.loadAll();
    return new ReportBuilder(range, this.sources.conversations(), (id) => this.postsOf(id));
  }

  private postsOf(id: string): readonly Post[] {
    return this.sources.posts.ofConversation(id);
  }
}
