import { nodeFileSystem } from '../store/file-system';
import type { FileSystem, WritableFile } from '../store/file-system';

/** The file operations that write, where a fault can be injected. */
export type WriteOp = 'open' | 'write' | 'datasync' | 'rename' | 'truncate' | 'unlink' | 'mkdir';

/** A fault: every matching write fails with the errno `code` (ENOSPC, EACCES, EROFS, EIO, …). */
export interface Fault {
  code: string;
  /** Which operations fail (default: all of them). */
  ops?: readonly WriteOp[];
  /** Which paths fail (default: all of them). */
  path?: (path: string) => boolean;
  /** How many failures before the fault clears itself (default: until `clear`). */
  times?: number;
  /** A write takes half of its bytes for real and returns short, the way a disk fills up. */
  partial?: boolean;
}

/** The error node's fs gives for an errno code. */
export function errnoError(code: string, op: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected fault, ${op} '${path}'`), {
    code,
    syscall: op,
    path,
  });
}

/**
 * node:fs with faults injected at chosen writes, for tests: runs as root, where a read-only folder
 * still takes writes, and a full disk cannot be made on demand. Reads never fail.
 */
export class FaultyFileSystem implements FileSystem {
  /** The fault in force, or a function giving it for each operation (null: none). */
  fault: Fault | ((op: WriteOp, path: string) => Fault | null) | null = null;
  /** Every failure injected, in order. */
  readonly injected: { op: WriteOp; path: string; code: string }[] = [];

  constructor(private readonly base: FileSystem = nodeFileSystem) {}

  fail(fault: Fault): void {
    this.fault = fault;
  }

  clear(): void {
    this.fault = null;
  }

  async open(path: string, flags: 'a' | 'w'): Promise<WritableFile> {
    this.check('open', path);
    const file = await this.base.open(path, flags);
    return {
      write: async (buffer, offset, length) => {
        const fault = this.active('write', path);
        if (fault?.partial && length > 1) {
          this.injected.push({ op: 'write', path, code: 'short' });
          return file.write(buffer, offset, Math.floor(length / 2));
        }
        this.check('write', path);
        return file.write(buffer, offset, length);
      },
      datasync: async () => {
        this.check('datasync', path);
        return file.datasync();
      },
      truncate: async (length) => {
        this.check('truncate', path);
        return file.truncate(length);
      },
      close: () => file.close(),
    };
  }

  readFile(path: string): Promise<string> {
    return this.base.readFile(path);
  }

  readdir(path: string): Promise<string[]> {
    return this.base.readdir(path);
  }

  size(path: string): Promise<number> {
    return this.base.size(path);
  }

  async rename(from: string, to: string): Promise<void> {
    this.check('rename', to);
    return this.base.rename(from, to);
  }

  async unlink(path: string): Promise<void> {
    this.check('unlink', path);
    return this.base.unlink(path);
  }

  async truncate(path: string, length: number): Promise<void> {
    this.check('truncate', path);
    return this.base.truncate(path, length);
  }

  async mkdir(path: string): Promise<void> {
    this.check('mkdir', path);
    return this.base.mkdir(path);
  }

  private active(op: WriteOp, path: string): Fault | null {
    const fault = typeof this.fault === 'function' ? this.fault(op, path) : this.fault;
    if (fault == null) return null;
    if (fault.ops && !fault.ops.includes(op)) return null;
    if (fault.path && !fault.path(path)) return null;
    return fault;
  }

  private check(op: WriteOp, path: string): void {
    const fault = this.active(op, path);
    if (fault == null) return;
    this.injected.push({ op, path, code: fault.code });
    if (fault.times != null) {
      fault.times -= 1;
      if (fault.times <= 0 && this.fault === fault) this.fault = null;
    }
    throw errnoError(fault.code, op, path);
  }
}
