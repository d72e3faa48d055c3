import type { DraftTranslation } from '../../shared/translation';

/** Where the translation of a draft stands. `for` is the draft text it was asked for. */
export type DraftTranslationState =
  | { phase: 'idle' }
  | { phase: 'translating'; for: string }
  | { phase: 'done'; for: string; result: DraftTranslation }
  | { phase: 'failed'; for: string; error: unknown }
  | { phase: 'cancelled'; for: string };

export interface DraftTranslationOptions {
  /** Asks the inbox for the translation of a draft. */
  translate(text: string): Promise<DraftTranslation>;
  /** Told every new state. */
  onChange(state: DraftTranslationState): void;
  /** How long the draft must rest before it is translated on its own (ms). */
  restMs?: number;
}

/**
 * Translates a draft as the agent writes it: once the draft rested (`restMs`), or at once when
 * asked. Only the answer for the latest request counts: an older one arriving late, or one
 * cancelled, is dropped, and nothing the agent wrote is ever touched here.
 */
export class DraftTranslationRun {
  private state: DraftTranslationState = { phase: 'idle' };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private request = 0;
  private readonly restMs: number;

  constructor(private readonly options: DraftTranslationOptions) {
    this.restMs = options.restMs ?? 900;
  }

  get current(): DraftTranslationState {
    return this.state;
  }

  /** The draft changed: translated once it rests (an empty draft is not translated). */
  changed(text: string): void {
    this.clearTimer();
    if (text.trim() === '') return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.now(text);
    }, this.restMs);
  }

  /** Translates the draft now, leaving behind any request still on its way. */
  async now(text: string): Promise<void> {
    this.clearTimer();
    if (text.trim() === '') return;
    const request = ++this.request;
    this.set({ phase: 'translating', for: text });
    try {
      const result = await this.options.translate(text);
      if (request === this.request) this.set({ phase: 'done', for: text, result });
    } catch (error) {
      if (request === this.request) this.set({ phase: 'failed', for: text, error });
    }
  }

  /** Stops waiting for the translation on its way (its answer is dropped) and any pending one. */
  cancel(): void {
    this.clearTimer();
    if (this.state.phase !== 'translating') return;
    this.request += 1;
    this.set({ phase: 'cancelled', for: this.state.for });
  }

  /** Back to nothing translated, dropping what is on its way (the reply was sent, the mode left). */
  reset(): void {
    this.clearTimer();
    this.request += 1;
    this.set({ phase: 'idle' });
  }

  private set(state: DraftTranslationState): void {
    this.state = state;
    this.options.onChange(state);
  }

  private clearTimer(): void {
    if (this.timer != null) clearTimeout(this.timer);
    this.timer = null;
  }
}
