import type { ConnectResult, InboxApi } from '../../shared/api';
import type { Account, Platform } from '../../shared/model';

/** Where a sign-in stands, as the accounts screen shows it. */
export type ConnectStep =
  | { step: 'idle' }
  | { step: 'starting'; platform: Platform }
  | { step: 'browser'; platform: Platform; flowId: string; authorizeUrl: string }
  | {
      step: 'choose-pages';
      platform: 'facebook';
      flowId: string;
      pages: Extract<ConnectResult, { status: 'choose-pages' }>['pages'];
    }
  | { step: 'connecting'; platform: Platform }
  | { step: 'done'; platform: Platform; accounts: Account[] }
  | { step: 'failed'; platform: Platform; message: string };

type Api = Pick<InboxApi, 'startConnect' | 'finishConnect' | 'connectPages' | 'cancelConnect'>;

/**
 * Drives one sign-in at a time: start it, open the platform's page in the browser (unless the host
 * did), wait for the answer, let the user pick Pages on Facebook. Every change goes to `update`.
 */
export class ConnectFlow {
  private current: ConnectStep = { step: 'idle' };
  /** Bumped on each start or cancel, so a late answer of an abandoned sign-in is ignored. */
  private generation = 0;

  constructor(
    private readonly api: Api,
    private readonly openPage: (url: string) => void,
    private readonly update: (step: ConnectStep) => void,
  ) {}

  get state(): ConnectStep {
    return this.current;
  }

  async start(platform: Platform): Promise<void> {
    await this.cancel();
    const generation = ++this.generation;
    this.set({ step: 'starting', platform });
    try {
      const started = await this.api.startConnect({ platform });
      if (generation !== this.generation) return;
      if (!started.opened) this.openPage(started.authorizeUrl);
      this.set({
        step: 'browser',
        platform,
        flowId: started.flowId,
        authorizeUrl: started.authorizeUrl,
      });
      const result = await this.api.finishConnect({ flowId: started.flowId });
      if (generation !== this.generation) return;
      if (result.status === 'connected') {
        this.set({ step: 'done', platform, accounts: result.accounts });
      } else {
        this.set({
          step: 'choose-pages',
          platform: 'facebook',
          flowId: result.flowId,
          pages: result.pages,
        });
      }
    } catch (err) {
      if (generation !== this.generation) return;
      this.set({ step: 'failed', platform, message: messageOf(err) });
    }
  }

  async choosePages(pageIds: string[]): Promise<void> {
    const current = this.current;
    if (current.step !== 'choose-pages') return;
    const generation = this.generation;
    this.set({ step: 'connecting', platform: 'facebook' });
    try {
      const accounts = await this.api.connectPages({ flowId: current.flowId, pageIds });
      if (generation === this.generation)
        this.set({ step: 'done', platform: 'facebook', accounts });
    } catch (err) {
      if (generation === this.generation)
        this.set({ step: 'failed', platform: 'facebook', message: messageOf(err) });
    }
  }

  /** Abandons the sign-in in progress, if any, and tells the inbox to stop waiting for it. */
  async cancel(): Promise<void> {
    const current = this.current;
    this.generation += 1;
    this.set({ step: 'idle' });
    if (current.step === 'browser' || current.step === 'choose-pages') {
      await this.api.cancelConnect({ flowId: current.flowId }).catch(() => undefined);
    }
  }

  private set(step: ConnectStep): void {
    this.current = step;
    this.update(step);
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
