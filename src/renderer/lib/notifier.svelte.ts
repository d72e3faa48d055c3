import { SvelteMap } from 'svelte/reactivity';

/** What a notification says, and the conversation it opens. */
export interface NoticeText {
  key: string;
  conversationId: string;
  title: string;
  body: string;
}

export interface Toast extends NoticeText {
  id: number;
}

type Permission = NotificationPermission | 'unsupported';

/** The part of the web Notification API used here (Electron shows these as desktop notifications). */
export interface NotificationApi {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): Notification;
}

const MAX_TOASTS = 4;

/**
 * Tells the agent about what concerns them: always in the window (a polite status region, which
 * needs no permission), and as a system notification once they turned those on. Permission is only
 * ever asked from a click. Clicking either opens the conversation.
 */
export class NotificationCenter {
  toasts: Toast[] = $state([]);
  permission: Permission = $state('unsupported');
  private nextId = 1;
  /** Not shown, but the lint rule wants reactive maps in rune modules. */
  private readonly timers = new SvelteMap<number, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly open: (conversationId: string) => void,
    private readonly system: NotificationApi | undefined = globalThis.Notification,
    private readonly toastMs = 12_000,
  ) {
    this.permission = system?.permission ?? 'unsupported';
  }

  /** Asks for system notifications; call from a click. */
  async enable(): Promise<void> {
    if (this.system == null) return;
    this.permission = await this.system.requestPermission();
  }

  show(notice: NoticeText): void {
    const toast: Toast = { ...notice, id: this.nextId++ };
    this.toasts = [...this.toasts.filter((t) => t.key !== notice.key), toast].slice(-MAX_TOASTS);
    this.timers.set(
      toast.id,
      setTimeout(() => this.dismiss(toast.id), this.toastMs),
    );
    if (this.system?.permission === 'granted') {
      try {
        const shown = new this.system(notice.title, { body: notice.body, tag: notice.key });
        shown.onclick = () => {
          window.focus();
          this.open(notice.conversationId);
          shown.close();
        };
      } catch {
        // Some platforms refuse notifications from a page; the toast is there anyway.
      }
    }
  }

  /** Opens the toast's conversation and lets the toast go. */
  follow(toast: Toast): void {
    this.open(toast.conversationId);
    this.dismiss(toast.id);
  }

  dismiss(id: number): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
