import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CallOptionsSchema, EVENTS_CHANNEL, apiMethods, toErrorBody } from '../src/shared';
import type {
  ApiMethodName,
  ApiOutput,
  Envelope,
  ErrorBody,
  InboxApi,
  InboxClient,
  Unsubscribe,
} from '../src/shared';
import type { AppPage } from './app-page';

/** What main knows about the frame behind an IPC call. */
export interface SenderInfo {
  /** The call comes from the top frame of the app window: not a sub-frame, not another window. */
  appWindowMainFrame: boolean;
  /** The URL of the calling frame; empty when the frame is gone. */
  url: string;
}

export type SenderCheck = (sender: SenderInfo) => boolean;

/**
 * Answers one call: the channel, who sent it, its argument as it arrived, and the call's options
 * (`{ idempotencyKey }`, from the preload) if any.
 */
export type IpcDispatcher = (
  channel: string,
  sender: SenderInfo,
  rawInput: unknown,
  rawOptions?: unknown,
) => Promise<Envelope<unknown>>;

export interface DispatcherOptions {
  /** Told about failures the renderer only sees as `internal`; for the main process's log. */
  onInternalError?: (method: ApiMethodName, error: unknown) => void;
}

const FORBIDDEN: ErrorBody = {
  code: 'forbidden',
  message: 'Only the Social Inbox window may call the inbox',
};
const INTERNAL: ErrorBody = { code: 'internal', message: 'Internal error' };

const methodOfChannel = new Map<string, ApiMethodName>(
  (Object.keys(apiMethods) as ApiMethodName[]).map((name) => [apiMethods[name].channel, name]),
);

/** Every channel the dispatcher answers, one per InboxApi call. */
export const ipcChannels: readonly string[] = [...methodOfChannel.keys()];

/** Trusts the main frame of the app window while it shows the app's own page, nothing else. */
export function createSenderCheck(page: AppPage): SenderCheck {
  return (sender) => sender.appWindowMainFrame && page.isAppUrl(sender.url);
}

/**
 * Routes IPC calls to the service through the `apiMethods` table: checks the sender, validates the
 * input with the call's schema and the options with theirs, runs the call (the options, such as a
 * write's Idempotency-Key, go with it), validates what it returns, and answers with an Envelope.
 * Errors keep their code when they are InboxErrors; anything else becomes `internal` and says
 * nothing about itself.
 */
export function createIpcDispatcher(
  service: InboxClient,
  isTrustedSender: SenderCheck,
  options: DispatcherOptions = {},
): IpcDispatcher {
  return async (channel, sender, rawInput, rawOptions) => {
    if (!isTrustedSender(sender)) return { ok: false, error: FORBIDDEN };
    const name = methodOfChannel.get(channel);
    if (!name) return { ok: false, error: { code: 'not_found', message: 'Unknown call' } };
    return handle(service, name, rawInput, rawOptions, options);
  };
}

/** The one wrapper every call goes through, typed by its entry in the table. */
async function handle<M extends ApiMethodName>(
  service: InboxClient,
  name: M,
  rawInput: unknown,
  rawOptions: unknown,
  options: DispatcherOptions,
): Promise<Envelope<ApiOutput<M>>> {
  const method = apiMethods[name];
  // invoke() without an argument arrives as undefined: the calls without parameters take {}.
  const input = method.input.safeParse(rawInput === undefined ? {} : rawInput);
  if (!input.success) return { ok: false, error: toErrorBody(input.error) };
  const callOptions = CallOptionsSchema.safeParse(rawOptions ?? {});
  if (!callOptions.success) return { ok: false, error: toErrorBody(callOptions.error) };
  try {
    const run = service[name] as unknown as (input: unknown, options: unknown) => Promise<unknown>;
    const output = method.output.safeParse(await run.call(service, input.data, callOptions.data));
    if (!output.success) {
      options.onInternalError?.(name, output.error);
      return { ok: false, error: INTERNAL };
    }
    return { ok: true, result: output.data as ApiOutput<M> };
  } catch (err) {
    const error = toErrorBody(err);
    if (error.code === 'internal') options.onInternalError?.(name, err);
    return { ok: false, error };
  }
}

/** Who sent an IPC call, judged against the app window's web contents (null while it has none). */
export function senderInfoOf(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  appContents: WebContents | null,
): SenderInfo {
  const frame = event.senderFrame;
  const url = frame && !frame.isDestroyed() ? frame.url : '';
  if (!frame || !appContents || appContents.isDestroyed())
    return { appWindowMainFrame: false, url };
  const main = appContents.mainFrame;
  const appWindowMainFrame =
    event.sender.id === appContents.id &&
    !frame.isDestroyed() &&
    !frame.detached &&
    frame.parent === null &&
    frame.frameTreeNodeId === main.frameTreeNodeId &&
    frame.processId === main.processId;
  return { appWindowMainFrame, url };
}

/**
 * Binds the dispatcher to ipcMain: one `handle` per channel of the table, nothing else. Returns a
 * function that removes them.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: IpcDispatcher,
  appContents: () => WebContents | null,
): () => void {
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, (event, input: unknown, callOptions: unknown) =>
      dispatch(channel, senderInfoOf(event, appContents()), input, callOptions),
    );
  }
  return () => {
    for (const channel of ipcChannels) ipcMain.removeHandler(channel);
  };
}

/** Pushes the service's events to the app window while it shows the app's own page. */
export function forwardEvents(
  service: Pick<InboxApi, 'onEvent'>,
  appContents: () => WebContents | null,
  page: AppPage,
): Unsubscribe {
  return service.onEvent((event) => {
    const contents = appContents();
    if (!contents || contents.isDestroyed() || !page.isAppUrl(contents.getURL())) return;
    contents.send(EVENTS_CHANNEL, event);
  });
}
