import type { InboxStores } from './inbox-domains';
import type { InboxConfig } from './service-options';
import { ReportThread } from './reports/report-thread';
import { storageAt } from './store/file-system';
import { InboxCommits } from './store/inbox-commits';
import { PostgresStore } from './store/pg/postgres-store';
import type { InboxStore, SharedSettings } from './store/port';
import type { Storage } from './store/file-system';
import { openMigrated } from './store/sql/import-files';
import { storageError } from './store/storage-error';
import { WORKSPACE_FILE, WorkspaceStore, settingsText } from './store/workspace-store';

/**
 * Opens the inbox's data folder: the store (the one given, or the folder's own, with a folder of
 * files from before the SQL store moved into it first, once) and the settings document, with the
 * settings a commit changed just before a crash written to their file. A failure closes the store.
 */
export async function openStores(full: InboxConfig): Promise<InboxStores> {
  const storage = storageAt(full.dataDir, { fs: full.fileSystem, clock: full.clock });
  try {
    await storage.fs.mkdir(full.dataDir);
  } catch (err) {
    throw storageError(err, full.dataDir, WORKSPACE_FILE);
  }
  let store: InboxStore;
  let reportThread: ReportThread | null = null;
  if (full.store) {
    store = full.store;
    // A PostgreSQL store's reports are made on a thread with connections of its own.
    if (full.readThreads && store instanceof PostgresStore)
      reportThread = new ReportThread({ database: store.connection });
  } else {
    const opened = await openMigrated(full.dataDir, {
      clock: full.clock,
      ...(full.onOpenProgress ? { onProgress: full.onOpenProgress } : {}),
    });
    if (full.readThreads) {
      opened.store.listOnThread();
      reportThread = new ReportThread({ file: opened.store.file });
    }
    store = opened.store;
  }
  try {
    if (store.sharedSettings) {
      const workspace = await openSharedSettings(store.sharedSettings, full.dataDir, storage);
      return { store, workspace, commits: new InboxCommits(store, workspace), reportThread };
    }
    // The settings a commit changed just before a crash are newer than their file.
    const pending = await store.settings.pending();
    const workspace = await WorkspaceStore.open(full.dataDir, storage, pending?.text ?? null);
    if (pending != null)
      await workspace.written().then(
        () => store.settings.settled(pending.seq),
        // The disk still refuses the file: the store keeps the document until it takes it.
        () => undefined,
      );
    return { store, workspace, commits: new InboxCommits(store, workspace), reportThread };
  } catch (err) {
    await reportThread?.close();
    await store.close();
    throw err;
  }
}

/**
 * The settings document a store keeps and shares: the first process on a store that holds none
 * gives it the data folder's file (so a hub moving to the shared store keeps its team), once; the
 * file is not read again. Each change a process commits is read by every other within a moment.
 */
async function openSharedSettings(
  shared: SharedSettings,
  dataDir: string,
  storage: Storage,
): Promise<WorkspaceStore> {
  let held = await shared.read();
  if (held == null) {
    const file = await WorkspaceStore.open(dataDir, storage);
    held = await shared.seed(settingsText(file.data));
    await file.close();
  }
  const workspace = WorkspaceStore.shared(held.text, held.version);
  // Reads that overlap are one: a change told during a read is read after it.
  let reading: Promise<void> | null = null;
  let again = false;
  const read = (): void => {
    if (reading) {
      again = true;
      return;
    }
    reading = shared
      .read()
      .then((doc) => {
        if (doc) workspace.adoptVersion(doc.text, doc.version, true);
      })
      .catch(() => undefined)
      .finally(() => {
        reading = null;
        if (again) {
          again = false;
          read();
        }
      });
  };
  shared.onChange(read);
  return workspace;
}
