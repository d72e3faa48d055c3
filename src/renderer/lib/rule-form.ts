import type { Platform, Priority, ConversationStatus, Sentiment } from '../../shared/model';
import type { Rule, RuleConditions, SaveRuleInput } from '../../shared/rules';

/** A rule as the form edits it: lists as text, choices as strings. */
export interface RuleForm {
  id: string | null;
  name: string;
  enabled: boolean;
  keywords: string;
  /** ISO 639 codes, as the language picker holds them. */
  languages: string[];
  platforms: Platform[];
  /** What the number field holds: a number, or '' (a bound number input gives numbers). */
  minReach: number | string;
  sentiments: Sentiment[];
  accountIds: string[];
  tags: string;
  /** '' nobody, 'round-robin', or an agent id. */
  assign: string;
  priority: Priority | '';
  status: ConversationStatus | '';
}

export const emptyRuleForm = (): RuleForm => ({
  id: null,
  name: '',
  enabled: true,
  keywords: '',
  languages: [],
  platforms: [],
  minReach: '',
  sentiments: [],
  accountIds: [],
  tags: '',
  assign: '',
  priority: '',
  status: '',
});

const list = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

export function formOf(rule: Rule): RuleForm {
  const c = rule.conditions;
  const a = rule.actions;
  return {
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    keywords: c.keywords.join(', '),
    languages: [...c.languages],
    platforms: [...c.platforms],
    minReach: c.minReach == null ? '' : String(c.minReach),
    sentiments: [...c.sentiments],
    accountIds: [...c.accountIds],
    tags: a.addTags.join(', '),
    assign:
      a.assign == null ? '' : a.assign.kind === 'round-robin' ? 'round-robin' : a.assign.agentId,
    priority: a.priority ?? '',
    status: a.status ?? '',
  };
}

/** The conditions of the form, as the rule would have them (and a preview asks with). */
export function conditionsOf(form: RuleForm): RuleConditions {
  const typed = String(form.minReach ?? '').trim();
  const reach = typed === '' ? null : Number(typed);
  return {
    keywords: list(form.keywords),
    languages: [...form.languages],
    platforms: [...form.platforms],
    minReach: reach != null && Number.isFinite(reach) ? Math.max(0, Math.floor(reach)) : null,
    sentiments: [...form.sentiments],
    accountIds: [...form.accountIds],
  };
}

/** The form as the `saveRule` call takes it; the hub checks it. */
export function inputOf(form: RuleForm): SaveRuleInput {
  return {
    ...(form.id != null ? { id: form.id } : {}),
    name: form.name,
    enabled: form.enabled,
    conditions: conditionsOf(form),
    actions: {
      addTags: list(form.tags),
      assign:
        form.assign === ''
          ? null
          : form.assign === 'round-robin'
            ? { kind: 'round-robin' }
            : { kind: 'agent', agentId: form.assign },
      priority: form.priority === '' ? null : form.priority,
      status: form.status === '' ? null : form.status,
    },
  };
}
