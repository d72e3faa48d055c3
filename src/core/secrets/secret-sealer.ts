import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';

/** A sealed secret: AES-256-GCM's nonce, and the ciphertext followed by its 16-byte tag. */
export interface Sealed {
  nonce: Buffer;
  sealed: Buffer;
}

const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed secret that does not open: another key sealed it, or it was changed. */
export class SealError extends Error {}

/**
 * Seals secrets with one key (AES-256-GCM): what is kept where others can read it (a database
 * shared by hub replicas) is useless without the key, which stays outside it. Each secret is bound
 * to its name, so a sealed value copied under another name does not open.
 */
export class SecretSealer {
  private constructor(private readonly key: Buffer) {}

  /** The key as 32 bytes, or as their base64 text (what `openssl rand -base64 32` writes). */
  static fromKey(key: Buffer | string): SecretSealer {
    const bytes = typeof key === 'string' ? Buffer.from(key.trim(), 'base64') : Buffer.from(key);
    const text = typeof key === 'string' ? key.trim() : null;
    const base64 = text == null || /^[A-Za-z0-9+/]+={0,2}$/.test(text);
    if (bytes.length !== KEY_BYTES || !base64)
      throw new SealError(
        `The secrets key must be ${KEY_BYTES} random bytes, written in base64 (make one with: openssl rand -base64 ${KEY_BYTES})`,
      );
    return new SecretSealer(bytes);
  }

  /** Reads the key from a file that only its owner may read. */
  static async fromFile(file: string): Promise<SecretSealer> {
    let mode: number;
    let text: string;
    try {
      mode = (await stat(file)).mode;
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new SealError(`The secrets key file ${file} cannot be read: ${(err as Error).message}`);
    }
    if ((mode & 0o077) !== 0)
      throw new SealError(
        `The secrets key file ${file} may be read by others (mode ${(mode & 0o777).toString(8)}): make it readable by the hub's user only (chmod 600)`,
      );
    return SecretSealer.fromKey(text);
  }

  seal(name: string, secret: string): Sealed {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(Buffer.from(name, 'utf8'));
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return { nonce, sealed: Buffer.concat([body, cipher.getAuthTag()]) };
  }

  open(name: string, { nonce, sealed }: Sealed): string {
    try {
      if (nonce.length !== NONCE_BYTES || sealed.length < TAG_BYTES) throw new Error('too short');
      const decipher = createDecipheriv('aes-256-gcm', this.key, nonce);
      decipher.setAAD(Buffer.from(name, 'utf8'));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      const body = sealed.subarray(0, sealed.length - TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      throw new SealError(
        `The secret ${name} does not open with this secrets key: every replica needs the same key`,
      );
    }
  }
}
