/** What a change needs of a conversation, and what a change gives back. */
export interface Versioned {
  id: string;
  version: number;
}

export interface SerialChanges<C extends Versioned> {
  /**
   * Sends one change after every earlier one has finished. `acted` is the conversation as shown
   * when the user acted (the change goes to it, whatever is shown by the time it is sent);
   * `shown` reads what is shown when it is sent. `write` gets the newest version known of it: a
   * change made while another was on its way goes on the version that one left, not on the older
   * one still shown, so quick successive changes neither wait for the screen nor conflict.
   */
  send(acted: C, shown: () => C, write: (id: string, version: number) => Promise<C>): Promise<C>;
}

export function createSerialChanges<C extends Versioned>(): SerialChanges<C> {
  let tail: Promise<unknown> = Promise.resolve();
  /** The newest version each change gave back, by conversation. */
  const written = new Map<string, number>();

  const newest = (acted: C, shown: C): number =>
    Math.max(acted.version, shown.id === acted.id ? shown.version : 0, written.get(acted.id) ?? 0);

  return {
    send(acted, shown, write) {
      const run = tail.then(async () => {
        const next = await write(acted.id, newest(acted, shown()));
        written.set(next.id, Math.max(next.version, written.get(next.id) ?? 0));
        return next;
      });
      // A failed change does not hold back the next one.
      tail = run.catch(() => undefined);
      return run;
    },
  };
}
