import { randomUUID } from 'node:crypto';
import {
  InboxError,
  MoveRuleInputSchema,
  RuleIdInputSchema,
  SaveRuleInputSchema,
} from '../../shared';
import type { Agent, ApiInput, AuditFact, Conversation, Rule } from '../../shared';
import type { Actor } from '../audit/audit-facts';
import type { TriageChange } from '../queue/triage-change';
import type { InboxCommits } from '../store/inbox-commits';
import type { WorkspaceStore } from '../store/workspace-store';
import { applyRules } from './rule-engine';

/** The rules' side of a new conversation: the change to make, and the audit facts of each rule. */
export interface RuleResult {
  change: TriageChange;
  facts: AuditFact[];
  /** `rule:<id>` of the rule that assigned it, for the change's event; null when none did. */
  assignedBy: string | null;
}

/** The managers' rules, kept in workspace.json in the order they run; each change recorded. */
export class RuleBook {
  constructor(
    private readonly workspace: WorkspaceStore,
    private readonly agents: () => Agent[],
    private readonly commits: InboxCommits,
  ) {}

  list(): Rule[] {
    return [...this.workspace.data.rules];
  }

  async save(input: ApiInput<'saveRule'>, by: Actor): Promise<Rule> {
    const { id, ...fields } = SaveRuleInputSchema.parse(input);
    const assign = fields.actions.assign;
    if (
      assign?.kind === 'agent' &&
      !this.agents().some((a) => a.id === assign.agentId && a.removedAt == null)
    )
      throw new InboxError('bad_request', `No agent with id ${assign.agentId} on the team`);
    if (id != null && !this.workspace.data.rules.some((r) => r.id === id))
      throw new InboxError('not_found', `No rule with id ${id}`);
    const rule: Rule = { id: id ?? `rule:${randomUUID()}`, ...fields };
    await this.change(by, 'saved', rule.id, rule.name, (rules) =>
      id == null ? [...rules, rule] : rules.map((r) => (r.id === id ? rule : r)),
    );
    return rule;
  }

  async delete(input: ApiInput<'deleteRule'>, by: Actor): Promise<void> {
    const { id } = RuleIdInputSchema.parse(input);
    const rule = this.workspace.data.rules.find((r) => r.id === id);
    if (rule == null) throw new InboxError('not_found', `No rule with id ${id}`);
    await this.change(by, 'deleted', id, rule.name, (rules) => rules.filter((r) => r.id !== id));
  }

  async move(input: ApiInput<'moveRule'>, by: Actor): Promise<Rule[]> {
    const { id, to } = MoveRuleInputSchema.parse(input);
    if (!this.workspace.data.rules.some((r) => r.id === id))
      throw new InboxError('not_found', `No rule with id ${id}`);
    await this.change(by, 'moved', id, null, (rules) => {
      const from = rules.findIndex((r) => r.id === id);
      if (from === -1) return rules;
      const moved = [...rules];
      const [rule] = moved.splice(from, 1);
      moved.splice(Math.min(to, moved.length), 0, rule as Rule);
      return moved;
    });
    return this.list();
  }

  /**
   * What the rules do to a conversation that just arrived, and whose turn it is next (`turns`, as
   * they stand before it): the caller keeps the new turns with the arrival, so turns go on fairly
   * after a restart.
   */
  onArrival(
    conversation: Conversation,
    firstPostText: string,
    turns: Record<string, string>,
  ): { result: RuleResult | null; turns: Record<string, string> } {
    const rules = this.workspace.data.rules;
    if (!rules.some((r) => r.enabled)) return { result: null, turns };
    const outcome = applyRules(rules, conversation, firstPostText, this.agents(), turns);
    if (outcome.fired.length === 0) return { result: null, turns };
    const assigner = outcome.fired.find((f) => f.did.assignee !== undefined);
    return {
      result: {
        change: outcome.change,
        facts: outcome.fired.map(({ rule, did }) => ({
          actor: `rule:${rule.id}`,
          client: 'rules',
          action: 'rule.fired',
          conversationId: conversation.id,
          details: { ruleId: rule.id, name: rule.name, ...did },
        })),
        assignedBy: assigner ? `rule:${assigner.rule.id}` : null,
      },
      turns: outcome.turns,
    };
  }

  /** A change of the rules, written with its audit entry (which lists the rules after it). */
  private async change(
    by: Actor,
    change: 'saved' | 'deleted' | 'moved',
    ruleId: string,
    name: string | null,
    next: (rules: Rule[]) => Rule[],
  ): Promise<void> {
    let ids: string[] = [];
    await this.commits.commit(
      () => [
        {
          ...by,
          action: 'rule.changed',
          conversationId: null,
          details: { change, ruleId, name, rules: ids },
        },
      ],
      {
        settings: [
          (data) => {
            data.rules = next(data.rules);
            ids = data.rules.map((r) => r.id);
          },
        ],
      },
    );
  }
}
