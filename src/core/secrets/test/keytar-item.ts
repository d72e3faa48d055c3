import { spawnSync } from 'node:child_process';

// The keychain tests' view of the Secret Service through Debian's `secret-tool` (libsecret-tools):
// it writes items exactly as keytar did, and reads items by any attributes, independently of the
// code under test.

function secretTool(args: string[], input?: string): { status: number | null; stdout: string } {
  const result = spawnSync('secret-tool', args, { input, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout };
}

/**
 * Stores a secret the way keytar did on Linux: libsecret's generic schema (`xdg:schema`), the
 * `service` and `account` attributes, and the label `service/account`.
 */
export function storeAsKeytar(service: string, account: string, secret: string): void {
  const { status } = secretTool(
    [
      'store',
      `--label=${service}/${account}`,
      ...['xdg:schema', 'org.freedesktop.Secret.Generic'],
      ...['service', service, 'account', account],
    ],
    secret,
  );
  if (status !== 0) throw new Error(`secret-tool store exited ${status}`);
}

/** The secret of an item that has these attributes (among others), or null when none has. */
export function lookup(attributes: Record<string, string>): string | null {
  const { status, stdout } = secretTool(['lookup', ...Object.entries(attributes).flat()]);
  return status === 0 ? stdout : null;
}
