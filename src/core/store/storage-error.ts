import { InboxError } from '../../shared';

/** Errors of a disk that has no room left. */
const FULL: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
};

/** Errors of a folder that cannot be written (now): read-only, not ours, or a failing device. */
const UNAVAILABLE: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
};

/** The file system's error code, if it is one the store reports as a storage fault. */
export function storageFaultCode(err: unknown): string | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code != null && (code in FULL || code in UNAVAILABLE) ? code : null;
}

/**
 * What the caller is told when the data folder refuses a write: `storage_full` (HTTP 507) for a full
 * disk, `storage_unavailable` (HTTP 503) for one that cannot be written; the message names the folder
 * and the cause. Other errors are returned as they are. Already translated errors pass through.
 */
export function storageError(err: unknown, folder: string, file: string): unknown {
  if (err instanceof InboxError) return err;
  const code = storageFaultCode(err);
  if (code == null) return err;
  const details = { errno: code, file };
  if (code in FULL)
    return new InboxError(
      'storage_full',
      `The data folder ${folder} is full (${code}: ${FULL[code]}): the change was not saved. Free some space and try again.`,
      details,
    );
  return new InboxError(
    'storage_unavailable',
    `The data folder ${folder} cannot be written (${code}: ${UNAVAILABLE[code]}): the change was not saved.`,
    details,
  );
}

/** Whether an error is a storage fault told to the caller (full or unavailable data folder). */
export function isStorageError(err: unknown): boolean {
  return (
    err instanceof InboxError && (err.code === 'storage_full' || err.code === 'storage_unavailable')
  );
}

/** A write that wrote nothing: reported as the device failing. */
export function shortWriteError(path: string): Error {
  return Object.assign(new Error(`A write to ${path} wrote nothing`), { code: 'EIO' });
}
