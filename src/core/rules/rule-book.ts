import { randomUUID } from 'node:crypto';
import {
  InboxError,
  MoveRuleInputSchema,
  RuleIdInputSchema,
  SaveRuleInputSchema,
} from '../../shared';
import type { Agent, ApiInput, AuditFact, Conversation, Rule } from '../../shared';
import type { TriageChange } from '../queue/triage-change';
import type { WorkspaceStore } from '../store/workspace-store';
import { applyRules } from './rule-engine';

/** The rules' side of a new conversation: the change to make, and the audit facts of each rule. */
export interface RuleResult {
  change: TriageChange;
  facts: AuditFact[];
  /** `rule:<id>` of the rule that assigned it, for the change's event; null when none did. */
  assignedBy: string | null;
}

/** The managers' rules, kept in workspace.json in the order they run. */
export class RuleBook {
  constructor(
    private readonly workspace: WorkspaceStore,
    private readonly agents: () => Agent[],
  ) {}

  list(): Rule[] {
    return [...this.workspace.data.rules];
  }

  async save(input: ApiInput<'saveRule'>): Promise<Rule> {
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
    await this.workspace.update((data) => {
      data.rules =
        id == null ? [...data.rules, rule] : data.rules.map((r) => (r.id === id ? rule : r));
    });
    return rule;
  }

  async delete(input: ApiInput<'deleteRule'>): Promise<void> {
    const { id } = RuleIdInputSchema.parse(input);
    if (!this.workspace.data.rules.some((r) => r.id === id))
      throw new InboxError('not_found', `No rule with id ${id}`);
    await this.workspace.update((data) => {
      data.rules = data.rules.filter((r) => r.id !== id);
    });
  }

  async move(input: ApiInput<'moveRule'>): Promise<Rule[]> {
    const { id, to } = MoveRuleInputSchema.parse(input);
    const rules = this.list();
    const from = rules.findIndex((r) => r.id === id);
    if (from === -1) throw new InboxError('not_found', `No rule with id ${id}`);
    const [rule] = rules.splice(from, 1);
    rules.splice(Math.min(to, rules.length), 0, rule as Rule);
    await this.workspace.update((data) => {
      data.rules = rules;
    });
    return rules;
  }

  /**
   * What the rules do to a conversation that just arrived; whose turn it is moves on (kept in
   * the workspace, so turns go on fairly after a restart).
   */
  async onArrival(conversation: Conversation, firstPostText: string): Promise<RuleResult | null> {
    const rules = this.workspace.data.rules;
    if (!rules.some((r) => r.enabled)) return null;
    const outcome = applyRules(
      rules,
      conversation,
      firstPostText,
      this.agents(),
      this.workspace.data.ruleTurns,
    );
    if (outcome.fired.length === 0) return null;
    if (JSON.stringify(outcome.turns) !== JSON.stringify(this.workspace.data.ruleTurns))
      await this.workspace.update((data) => {
        data.ruleTurns = outcome.turns;
      });
    const assigner = outcome.fired.find((f) => f.did.assignee !== undefined);
    return {
      change: outcome.change,
      facts: outcome.fired.map(({ rule, did }) => ({
        actor: `rule:${rule.id}`,
        client: 'rules',
        action: 'rule.fired',
        conversationId: conversation.id,
        details: { ruleId: rule.id, name: rule.name, ...did },
      })),
      assignedBy: assigner ? `rule:${assigner.rule.id}` : null,
    };
  }
}
