/**
 * Where platform credentials live. The desktop app and the hub use the OS keychain; nothing else in
 * the store ever holds a secret, only the key (`credentialRef`) to find it here.
 */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, secret: string): Promise<void>;
  delete(key: string): Promise<boolean>;
  /**
   * Where several processes share the secrets (hub replicas on one database): reads a secret and
   * replaces it (null: deletes it) with what `change` makes of it, while no other process changes
   * it, so two processes never both spend a refresh token. The new secret, as kept.
   */
  update?(
    key: string,
    change: (current: string | null) => Promise<string | null>,
  ): Promise<string | null>;
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
