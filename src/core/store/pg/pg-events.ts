import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { InboxEventSchema } from '../../../shared';
import type { InboxEvent } from '../../../shared';
import type { EventRelay } from '../port';
import { poolConfig, prepared } from './pg-client';
import type { PgConnection, Pool } from './pg-client';
import { SETTINGS_CHANNEL } from './pg-shared';

/** The channel the replicas of one database tell each other their live events on. */
const CHANNEL = 'inbox_events';
/** NOTIFY takes payloads under 8000 bytes: a conversation larger than this goes by its id. */
const PAYLOAD_MAX = 7800;
/** The bytes of a notification besides its events: the sender and the list around them. */
const ENVELOPE = 64;
/** How long a lost listening connection waits before it connects again. */
const RECONNECT_MS = 1000;
/**
 * How long events told are gathered before a notification leaves with them. Each notification is
 * a transaction, and wakes every replica's listening connection and process (the sender's own
 * too): under a team's writes, one per event woke each of them hundreds of times a second. Live
 * events must reach the other replicas' clients within a second; this takes 20 ms of it.
 */
const GATHER_MS = 20;

/** One event as it travels: the event, or the conversation to read when it is too large. */
type Item = { event: InboxEvent } | { conversation: string; by?: string | null };

/**
 * What travels on the channel: the sender and its events in the order they happened, as many as
 * fit in one notification. (`event` alone, or `conversation` alone, is one item as sent before
 * events were sent together.)
 */
type Message = { from: string } & ({ items: Item[] } | Item);

/**
 * Live events across the replicas of one database by LISTEN/NOTIFY: each replica publishes its
 * events on one channel and listens to it on a connection of its own, leaving out its own. A
 * conversation's change too large for a notification goes by its id, read from the store (its
 * change is committed before its event is told). Events are checked as any input is.
 *
 * The events told within a moment (`GATHER_MS`) go together in one notification, as many as fit
 * (a full one does not wait), and one notification is sent at a time, those told while it is on
 * its way going in the next: a busy replica sends a few notifications where it has many events,
 * each its own transaction on the server.
 */
export class PgEventRelay implements EventRelay {
  /** This process among the replicas. */
  readonly origin = randomUUID();
  /** How this replica's own notifications begin: heard, they are left out without being read. */
  private readonly own = `{"from":${JSON.stringify(this.origin)},`;
  private readonly listeners = new Set<(event: InboxEvent) => void>();
  /** Told of each committed change of the settings document, and after a reconnection. */
  private readonly settingsListeners = new Set<() => void>();
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Settles once the channel is listened to (or the first try failed). */
  private listening: Promise<void> | null = null;
  /** Settles once the notifications heard so far are told to the listeners. */
  private received: Promise<void> = Promise.resolve();
  /** Events told and not sent yet, in order: each as its JSON text, and its bytes with a comma. */
  private readonly unsent: { text: string; bytes: number }[] = [];
  /** Their bytes in a notification (each with its comma). */
  private unsentBytes = 0;
  /** Ends the wait for more events (once those not sent fill a notification, or on close). */
  private stopGathering: (() => void) | null = null;
  /** Settles once the events told so far are sent (or could not be). */
  private sending: Promise<void> | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly connection: PgConnection,
    /** Reads a conversation sent by its id. */
    private readonly conversation: (id: string) => Promise<InboxEvent | null>,
    /** `gatherMs`: how long a notification not full yet waits for more events (GATHER_MS). */
    private readonly options: { gatherMs?: number } = {},
  ) {}

  publish(event: InboxEvent): void {
    if (this.closed) return;
    let text = JSON.stringify({ event } satisfies Item);
    let bytes = Buffer.byteLength(text);
    if (bytes > PAYLOAD_MAX - ENVELOPE) {
      if (event.type !== 'conversation.changed') return;
      text = JSON.stringify({
        conversation: event.conversation.id,
        ...(event.by !== undefined ? { by: event.by } : {}),
      } satisfies Item);
      bytes = Buffer.byteLength(text);
    }
    this.unsent.push({ text, bytes: bytes + 1 });
    this.unsentBytes += bytes + 1;
    if (this.fillsOne()) this.stopGathering?.();
    this.sending ??= this.send();
  }

  /** Sends the events told, as few notifications as they fit in, one after the other. */
  private async send(): Promise<void> {
    while (this.unsent.length > 0) {
      // A notification not full yet waits a moment for more; a burst's full ones leave at once.
      if (!this.closed && !this.fillsOne()) await this.gather();
      const items: string[] = [];
      let bytes = ENVELOPE;
      while (this.unsent.length > 0) {
        const next = this.unsent[0]!.bytes;
        if (items.length > 0 && bytes + next > PAYLOAD_MAX) break;
        items.push(this.unsent.shift()!.text);
        this.unsentBytes -= next;
        bytes += next;
      }
      const payload = `${this.own}"items":[${items.join(',')}]}`;
      await this.pool
        .query(prepared('SELECT pg_notify($1, $2)', [CHANNEL, payload]))
        .catch(() => undefined);
    }
    this.sending = null;
  }

  /** Whether the events not sent yet fill a notification. */
  private fillsOne(): boolean {
    return ENVELOPE + this.unsentBytes > PAYLOAD_MAX;
  }

  /** Waits a moment for more events, or until those not sent fill a notification. */
  private gather(): Promise<void> {
    return new Promise((resolve) => {
      const stop = () => {
        clearTimeout(timer);
        this.stopGathering = null;
        resolve();
      };
      const timer = setTimeout(stop, this.options.gatherMs ?? GATHER_MS);
      this.stopGathering = stop;
    });
  }

  subscribe(listener: (event: InboxEvent) => void): () => void {
    this.listeners.add(listener);
    this.listening ??= this.listen();
    return () => this.listeners.delete(listener);
  }

  /**
   * Listens to the changes of the settings document: told of each one committed (its own
   * included) and whenever the channel was listened to again (one may have been missed).
   */
  onSettings(listener: () => void): () => void {
    this.settingsListeners.add(listener);
    this.listening ??= this.listen();
    return () => this.settingsListeners.delete(listener);
  }

  /** Resolves once this replica hears the others (for tests and start-up). */
  async ready(): Promise<void> {
    this.listening ??= this.listen();
    await this.listening;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopGathering?.();
    // The events told before are sent: the pool is ended after this.
    await this.sending;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client(poolConfig(this.connection));
    const again = () => {
      if (this.client !== client || this.closed) return;
      this.client = null;
      this.timer = setTimeout(() => void this.listen(), RECONNECT_MS);
    };
    client.on('error', again);
    client.on('end', again);
    client.on('notification', (message) => {
      const payload = message.payload;
      // Told in the order they came, a read by id included, so a later change never goes first.
      if (message.channel === CHANNEL && payload)
        this.received = this.received.then(() => this.receive(payload)).catch(() => undefined);
      else if (message.channel === SETTINGS_CHANNEL) this.settingsChanged();
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      await client.query(`LISTEN ${SETTINGS_CHANNEL}`);
      // A change made while this replica was not listening is read now.
      this.settingsChanged();
    } catch {
      again();
    }
  }

  private settingsChanged(): void {
    for (const listener of this.settingsListeners) listener();
  }

  private async receive(payload: string): Promise<void> {
    if (payload.startsWith(this.own)) return;
    const message = JSON.parse(payload) as Partial<Message>;
    if (typeof message.from !== 'string' || message.from === this.origin) return;
    const items: unknown[] =
      'items' in message && Array.isArray(message.items) ? message.items : [message];
    // In the order they were told: one read by its id holds the ones after it.
    for (const item of items) {
      const event = await this.eventOf(item as Partial<Item>);
      if (event) for (const listener of this.listeners) listener(event);
    }
  }

  /** The event an item tells, checked; null when it is not one. */
  private async eventOf(item: Partial<Item>): Promise<InboxEvent | null> {
    if ('conversation' in item && typeof item.conversation === 'string') {
      const event = await this.conversation(item.conversation).catch(() => null);
      if (event?.type === 'conversation.changed' && item.by !== undefined)
        return { ...event, by: item.by };
      return event;
    }
    const parsed = InboxEventSchema.safeParse((item as { event?: unknown }).event);
    return parsed.success ? parsed.data : null;
  }
}
