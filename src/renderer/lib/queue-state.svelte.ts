import { createContext } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import type { Conversation } from '../../shared/model';

export type PickerKind = 'assign' | 'tag' | 'status' | 'priority';

/** What the conversation list lets the keys do; it registers itself while mounted. */
export interface ListControls {
  move(delta: number): void;
  /** Moves and adds the conversations passed over to the selection (Shift+j/k). */
  extend(delta: number): void;
  open(): void;
  /** Adds or removes the conversation under the keyboard cursor. */
  toggle(): void;
  /** Opens the next unassigned conversation after the open one. */
  nextUnassigned(): void;
  focus(): void;
  /** A conversation shown in the list, as last loaded. */
  get(id: string): Conversation | undefined;
}

export interface Notice {
  tone: 'success' | 'warning';
  text: string;
  /** Conversations to review (changed meanwhile): selecting them again is one click. */
  review?: string[];
}

/** The queue's working state: the bulk selection, which picker or dialog is open, the last notice. */
export class QueueState {
  /** Selected conversation ids; kept by id, so live updates and scrolling leave them selected. */
  readonly selected = new SvelteSet<string>();
  /** Where a Shift+click range starts. */
  anchor: string | null = $state(null);
  /** The open picker and the conversations (as shown) it changes. */
  picker: { kind: PickerKind; targets: Conversation[] } | null = $state(null);
  helpOpen = $state(false);
  tagsOpen = $state(false);
  notice: Notice | null = $state(null);
  list: ListControls | null = null;

  toggle(id: string): void {
    if (this.selected.has(id)) this.selected.delete(id);
    else this.selected.add(id);
    this.anchor = id;
  }

  select(ids: readonly string[]): void {
    for (const id of ids) this.selected.add(id);
  }

  clear(): void {
    this.selected.clear();
    this.anchor = null;
  }
}

export const [useQueueState, provideQueueState] = createContext<QueueState>();
