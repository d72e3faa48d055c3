/**
 * A user's action on the inbox, as a dialog runs it: busy while it runs (buttons wait), its error
 * kept to show, and what to refresh afterwards.
 */
export class BusyAction {
  busy = $state(false);
  problem: string | null = $state(null);

  constructor(private readonly refresh: () => Promise<unknown> = async () => undefined) {}

  /** Runs the action; true when it went through. */
  async run(action: () => Promise<unknown>): Promise<boolean> {
    this.busy = true;
    this.problem = null;
    try {
      await action();
      await this.refresh();
      return true;
    } catch (err) {
      this.problem = (err as Error).message;
      return false;
    } finally {
      this.busy = false;
    }
  }
}
