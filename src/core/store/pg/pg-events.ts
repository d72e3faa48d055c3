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
/** How long a lost listening connection waits before it connects again. */
const RECONNECT_MS = 1000;

/** What travels on the channel: the sender, and the event or the conversation to read. */
type Message =
  { from: string; event: InboxEvent } | { from: string; conversation: string; by?: string | null };

/**
 * Live events across the replicas of one database by LISTEN/NOTIFY: each replica publishes its
 * events on one channel and listens to it on a connection of its own, leaving out its own. A
 * conversation's change too large for a notification goes by its id, read from the store (its
 * change is committed before its event is told). Events are checked as any input is.
 */
export class PgEventRelay implements EventRelay {
  /** This process among the replicas. */
  readonly origin = randomUUID();
  private readonly listeners = new Set<(event: InboxEvent) => void>();
  /** Told of each committed change of the settings document, and after a reconnection. */
  private readonly settingsListeners = new Set<() => void>();
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Settles once the channel is listened to (or the first try failed). */
  private listening: Promise<void> | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly connection: PgConnection,
    /** Reads a conversation sent by its id. */
    private readonly conversation: (id: string) => Promise<InboxEvent | null>,
  ) {}

  publish(event: InboxEvent): void {
    if (this.closed) return;
    let payload = JSON.stringify({ from: this.origin, event } satisfies Message);
    if (Buffer.byteLength(payload) > PAYLOAD_MAX) {
      if (event.type !== 'conversation.changed') return;
      payload = JSON.stringify({
        from: this.origin,
        conversation: event.conversation.id,
        ...(event.by !== undefined ? { by: event.by } : {}),
      } satisfies Message);
    }
    this.pool
      .query(prepared('SELECT pg_notify($1, $2)', [CHANNEL, payload]))
      .catch(() => undefined);
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
      if (message.channel === CHANNEL && message.payload)
        void this.receive(message.payload).catch(() => undefined);
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
    const message = JSON.parse(payload) as Partial<Message>;
    if (typeof message.from !== 'string' || message.from === this.origin) return;
    let event: InboxEvent | null;
    if ('conversation' in message && typeof message.conversation === 'string') {
      event = await this.conversation(message.conversation);
      if (event?.type === 'conversation.changed' && message.by !== undefined)
        event = { ...event, by: message.by };
    } else {
      const parsed = InboxEventSchema.safeParse((message as { event?: unknown }).event);
      event = parsed.success ? parsed.data : null;
    }
    if (event) for (const listener of this.listeners) listener(event);
  }
}
