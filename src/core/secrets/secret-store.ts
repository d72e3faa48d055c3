/**
 * Where platform credentials live. The desktop app and the hub use the OS keychain; nothing else in
 * the store ever holds a secret, only the key (`credentialRef`) to find it here.
 */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, secret: string): Promise<void>;
  delete(key: string): Promise<boolean>;
}

/** Keeps secrets in process memory only: for demo mode, whose tokens are the emulator's. */
export class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();

  async get(key: string): Promise<string | null> {
    return this.secrets.get(key) ?? null;
  }

  async set(key: string, secret: string): Promise<void> {
    this.secrets.set(key, secret);
  }

  async delete(key: string): Promise<boolean> {
    return this.secrets.delete(key);
  }
}
