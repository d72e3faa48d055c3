import { PreviewRuleInputSchema } from '../../shared';
import type { ApiInput, ApiOutput, CallContext, InboxEvent } from '../../shared';
import type { InboxStore } from '../store/port';
import type { Callers } from '../team/callers';
import type { RuleBook } from './rule-book';
import { previewRule } from './rule-preview';

export interface RulesDeps {
  book: RuleBook;
  callers: Callers;
  emit(event: InboxEvent): void;
  store: InboxStore;
}

/** The managers' rules as the team calls on them: each change recorded, and every client told. */
export class Rules {
  constructor(private readonly deps: RulesDeps) {}

  async listRules(_input?: ApiInput<'listRules'>): Promise<ApiOutput<'listRules'>> {
    return this.deps.book.list();
  }

  async saveRule(
    input: ApiInput<'saveRule'>,
    context?: CallContext,
  ): Promise<ApiOutput<'saveRule'>> {
    const { book } = this.deps;
    const rule = await book.save(input, this.deps.callers.actor(context));
    this.deps.emit({ type: 'rules.changed', rules: book.list() });
    return rule;
  }

  async deleteRule(
    input: ApiInput<'deleteRule'>,
    context?: CallContext,
  ): Promise<ApiOutput<'deleteRule'>> {
    const { book } = this.deps;
    await book.delete(input, this.deps.callers.actor(context));
    this.deps.emit({ type: 'rules.changed', rules: book.list() });
    return { done: true };
  }

  async moveRule(
    input: ApiInput<'moveRule'>,
    context?: CallContext,
  ): Promise<ApiOutput<'moveRule'>> {
    const rules = await this.deps.book.move(input, this.deps.callers.actor(context));
    this.deps.emit({ type: 'rules.changed', rules });
    return rules;
  }

  async previewRule(input: ApiInput<'previewRule'>): Promise<ApiOutput<'previewRule'>> {
    return previewRule(this.deps.store, PreviewRuleInputSchema.parse(input));
  }
}
