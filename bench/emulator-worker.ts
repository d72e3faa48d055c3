import { parentPort, workerData } from 'node:worker_threads';
import { parseScenario } from '../src/emulator/scenario';
import { startEmulator } from '../src/emulator/server';
import type { EmulatorOptions } from '../src/emulator/server';

// The emulator on a thread of its own, as the platforms are elsewhere: serving pages then does not
// take turns with the sync being measured. Closes when told to.
const { scenario, ...options } = workerData as Omit<EmulatorOptions, 'scenario'> & {
  scenario: unknown;
};
const emulator = await startEmulator({ ...options, scenario: parseScenario(scenario) });
parentPort!.postMessage({ xBaseUrl: emulator.xBaseUrl, graphBaseUrl: emulator.graphBaseUrl });
parentPort!.once('message', () => {
  void emulator.close().then(() => process.exit(0));
});
