import { parentPort } from 'node:worker_threads';

/**
 * The thread side of `ThreadJobs`: answers each job with `handle`'s output (or its error, with the
 * error's code when it has one), one after the other, and says it is ready once loaded. A close
 * request runs `close` and lets the thread end.
 */
export function serveJobs<In, Out>(
  handle: (input: In) => Out | Promise<Out>,
  close: () => void = () => {},
): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs runs on a worker thread');
  port.on('message', async (message: { job: number; input: In } | { close: true }) => {
    if ('close' in message) {
      close();
      port.close();
      return;
    }
    const { job, input } = message;
    try {
      port.postMessage({ job, output: await handle(input) });
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      port.postMessage({
        job,
        error: err instanceof Error ? err.message : String(err),
        ...(typeof code === 'string' ? { code } : {}),
      });
    }
  });
  port.postMessage({ ready: true });
}
