import type { InboxApi } from '../../shared/api';
import type { Platform } from '../../shared/model';
import { ConnectFlow } from './connect-flow';
import type { ConnectStep } from './connect-flow';

/** The accounts screen: whether it is shown, and the sign-in it is running. */
export class AccountsState {
  open = $state(false);
  step: ConnectStep = $state({ step: 'idle' });
  readonly flow: ConnectFlow;

  constructor(api: InboxApi, openPage: (url: string) => void) {
    this.flow = new ConnectFlow(api, openPage, (step) => (this.step = step));
  }

  show(): void {
    this.open = true;
  }

  /** Opens the screen and starts connecting (or reconnecting) an account of this platform. */
  connect(platform: Platform): void {
    this.open = true;
    void this.flow.start(platform);
  }

  close(): void {
    this.open = false;
    if (this.step.step === 'done' || this.step.step === 'failed') this.step = { step: 'idle' };
  }
}
