import * as fs from 'node:fs/promises';
import { systemClock } from '../time/clock';
import type { Clock } from '../time/clock';

/** A file open for writing: the part of node's FileHandle the store uses. */
export interface WritableFile {
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Every file operation of the store goes through this port. Its default is node:fs; tests put a
 * double in its place that fails chosen writes with the errors a full or read-only disk gives.
 */
export interface FileSystem {
  /** `a`: appends at the end (created if missing); `w`: emptied (created if missing). */
  open(path: string, flags: 'a' | 'w'): Promise<WritableFile>;
  readFile(path: string): Promise<string>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  truncate(path: string, length: number): Promise<void>;
  /** Creates the folder and its parents when missing. */
  mkdir(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  size(path: string): Promise<number>;
}

/**
 * The data folder holds note texts, the audit trail and token hashes: only the user running the
 * inbox may read it. Folders are made 0700 and files 0600, whatever the process umask.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

export const nodeFileSystem: FileSystem = {
  open: async (path, flags) => {
    const handle = await fs.open(path, flags, PRIVATE_FILE_MODE);
    // A file emptied to be rewritten (a leftover temporary file) may have had wider permissions.
    if (flags === 'w') await handle.chmod(PRIVATE_FILE_MODE);
    return handle;
  },
  readFile: (path) => fs.readFile(path, 'utf8'),
  rename: (from, to) => fs.rename(from, to),
  unlink: (path) => fs.unlink(path),
  truncate: (path, length) => fs.truncate(path, length),
  mkdir: async (path) => {
    await fs.mkdir(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  },
  readdir: (path) => fs.readdir(path),
  size: async (path) => (await fs.stat(path)).size,
};

/** Where a store keeps its files and what it writes them with. */
export interface StorageOptions {
  /** The file system (node:fs unless a test injects faults). */
  fs?: FileSystem;
  /** Dates the side files that keep unreadable lines. */
  clock?: Clock;
}

/** The data folder a store writes in, with its file system and clock. */
export interface Storage {
  folder: string;
  fs: FileSystem;
  clock: Clock;
}

export function storageAt(folder: string, options: StorageOptions = {}): Storage {
  return { folder, fs: options.fs ?? nodeFileSystem, clock: options.clock ?? systemClock };
}

/** Whether an error is "no such file" (a file that was never written). */
export function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}
