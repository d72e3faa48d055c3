import {
  CRISIS_MAX_HOURS,
  CRISIS_WINDOW_HOURS,
  ComplaintsInputSchema,
  CrisisInputSchema,
  ReportDrillInputSchema,
  ReportInputSchema,
} from '../../shared';
import { hoursOfRange, hoursUpTo } from './crisis';
import type { Agent, ApiInput, ApiOutput, Conversation } from '../../shared';
import { ReportBuilder } from './report-builder';
import type { ReportRange } from './report-builder';
import { crisisOf, reportCases } from './report-cases';
import type { ReportStore } from './report-cases';
import type { ClusterMember } from './clusters';
import type { Cluster } from '../../shared';
import type { ReportThread } from './report-thread';
import { complaintsOf } from './complaints';
import { clusterRunner } from './cluster-runner';

export interface ReportSources {
  /** What reports read of the store (an `InboxStore` has it all). */
  store: ReportStore;
  agents(): Agent[];
  now(): Date;
  /** Where the calls are made when not here (the embedded store's report thread). */
  thread?: Pick<ReportThread, 'run'> | null;
  /** How the crisis view finds its stories (by default on the clustering worker). */
  cluster?: (members: ClusterMember[]) => Promise<Cluster[]>;
}

/**
 * The languages nobody on the team speaks: only when the team declared its languages at all (a solo
 * inbox, or a team that never said, has none flagged), and never `unknown` (no language was found).
 */
export function unspokenLanguages(
  languages: readonly string[],
  agents: readonly Agent[],
): string[] {
  const team = agents.filter((a) => a.removedAt == null);
  if (!team.some((a) => a.languages.length > 0)) return [];
  return languages.filter((l) => l !== 'unknown' && !team.some((a) => a.languages.includes(l)));
}

/**
 * The managers' calls over the store: reports, their drill-downs, the crisis view. Each reads its
 * range only (conversations by their time index, their posts' facts a page at a time), never the
 * queue, and whole conversations only for the ones a drill-down lists.
 */
export class Reports {
  constructor(private readonly sources: ReportSources) {}

  async report(input: ApiInput<'getReport'>): Promise<ApiOutput<'getReport'>> {
    const range = ReportInputSchema.parse(input);
    const made = await this.sources.thread?.run({ call: 'report', input: range, ...this.asked() });
    if (made) return made;
    const report = (await this.builder(range)).report(this.sources.agents());
    const missing = (await this.sources.store.gaps?.overlapping(range.from, range.to)) ?? [];
    return missing.length > 0 ? { ...report, missing } : report;
  }

  async drill(input: ApiInput<'drillReport'>): Promise<ApiOutput<'drillReport'>> {
    const checked = ReportDrillInputSchema.parse(input);
    const made = await this.sources.thread?.run({ call: 'drill', input: checked, ...this.asked() });
    if (made) return made;
    const { drill, ...range } = checked;
    const heads = (await this.builder(range)).drill(drill);
    const found = await this.sources.store.conversations.getMany(heads.map((h) => h.id));
    const byId = new Map<string, Conversation>(found.map((c) => [c.id, c]));
    // In the drill's order; one gone since (folded into another) is left out.
    const items = heads.flatMap((h) => byId.get(h.id) ?? []);
    return { items, total: items.length };
  }

  async crisis(input: ApiInput<'getCrisis'>): Promise<ApiOutput<'getCrisis'>> {
    const checked = CrisisInputSchema.parse(input ?? {});
    const made = await this.sources.thread?.run({
      call: 'crisis',
      input: checked,
      ...this.asked(),
    });
    if (made) return made;
    const { at, hours, window, from, to } = checked;
    const end = at == null ? this.sources.now() : new Date(at);
    // The schema refuses a range window without its range.
    const counted =
      window === 'range'
        ? hoursOfRange(new Date(from ?? end), new Date(to ?? end), CRISIS_MAX_HOURS)
        : hoursUpTo(end, window == null ? hours : CRISIS_WINDOW_HOURS[window]);
    const view = await crisisOf(this.sources.store, counted, this.sources.cluster);
    const team = this.sources.agents();
    return {
      ...view,
      clusters: view.clusters.map((c) => ({
        ...c,
        unspokenLanguages: unspokenLanguages(c.languages, team),
      })),
    };
  }

  async complaints(input: ApiInput<'getComplaints'>): Promise<ApiOutput<'getComplaints'>> {
    const range = ComplaintsInputSchema.parse(input);
    const made = await this.sources.thread?.run({
      call: 'complaints',
      input: range,
      ...this.asked(),
    });
    if (made) return made;
    return complaintsOf(
      this.sources.store,
      range,
      this.sources.cluster ?? ((members) => clusterRunner.cluster(members)),
    );
  }

  /** What a call on the thread needs to be made as here: the team, and the time it was asked. */
  private asked(): { agents: Agent[]; now: string } {
    return { agents: this.sources.agents(), now: this.sources.now().toISOString() };
  }

  private async builder(range: ReportRange): Promise<ReportBuilder> {
    return new ReportBuilder(range, await reportCases(this.sources.store, range));
  }
}
