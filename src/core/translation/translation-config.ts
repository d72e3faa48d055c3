import { SaveTranslationSettingsInputSchema } from '../../shared';
import type { ApiInput, ApiOutput } from '../../shared';
import type { Actor } from '../audit/audit-facts';
import type { SecretStore } from '../secrets/secret-store';
import type { InboxCommits } from '../store/inbox-commits';
import type { WorkspaceStore } from '../store/workspace-store';
import { TRANSLATION_KEY_REFS } from './translation-provider';
import type { TranslationProvider, TranslationProviderName } from './translation-provider';
import { createTranslationProvider } from './translation-settings';
import type { TranslationSettings } from './translation-settings';

/** What managers chose in the UI, kept in the settings document; each field overrides the start's. */
export interface TranslationChoice {
  provider?: TranslationProviderName | null;
  deeplServerUrl?: string | null;
  libreTranslateUrl?: string;
}

const PROVIDERS: TranslationProviderName[] = ['deepl', 'libretranslate'];

/**
 * The translation service the inbox uses: the one it was started with (flags, environment), or
 * the one managers chose since, kept in the settings document. Keys go straight into the secret
 * store (the OS keychain, the hub's store): this answers whether one is set, never the key.
 */
export class TranslationConfig {
  private made: { settings: string; provider: TranslationProvider | null } | null = null;

  constructor(
    private readonly started: TranslationSettings,
    private readonly workspace: WorkspaceStore,
    private readonly commits: InboxCommits,
    private readonly secrets: SecretStore,
  ) {}

  /** The settings in force: the start's, with the managers' choice over them. */
  settings(): TranslationSettings {
    const choice = this.workspace.data.translation ?? {};
    return {
      ...this.started,
      ...(choice.provider !== undefined ? { provider: choice.provider } : {}),
      ...(choice.deeplServerUrl !== undefined ? { deeplServerUrl: choice.deeplServerUrl } : {}),
      ...(choice.libreTranslateUrl !== undefined
        ? { libreTranslateUrl: choice.libreTranslateUrl }
        : {}),
    };
  }

  /** The provider for the settings in force (made again when they change); null: off. */
  provider(): TranslationProvider | null {
    const settings = this.settings();
    const text = JSON.stringify(settings);
    if (this.made?.settings !== text)
      this.made = { settings: text, provider: createTranslationProvider(settings, this.secrets) };
    return this.made.provider;
  }

  async view(): Promise<ApiOutput<'getTranslationSettings'>> {
    const settings = this.settings();
    const set = await Promise.all(
      PROVIDERS.map(async (p) => (await this.secrets.get(TRANSLATION_KEY_REFS[p])) != null),
    );
    return {
      provider: settings.provider,
      deeplUrl: settings.deeplServerUrl,
      libreTranslateUrl: settings.libreTranslateUrl,
      keys: { deepl: set[0]!, libretranslate: set[1]! },
    };
  }

  /** A manager's change: the key first (into the secret store), then the choice, recorded. */
  async save(
    input: ApiInput<'saveTranslationSettings'>,
    by: Actor,
  ): Promise<ApiOutput<'saveTranslationSettings'>> {
    const change = SaveTranslationSettingsInputSchema.parse(input);
    if (change.key)
      await this.secrets.set(TRANSLATION_KEY_REFS[change.key.provider], change.key.value);
    if (change.removeKey) await this.secrets.delete(TRANSLATION_KEY_REFS[change.removeKey]);
    const before = this.workspace.data.translation ?? {};
    const next: TranslationChoice = {
      ...before,
      ...(change.provider !== undefined ? { provider: change.provider } : {}),
      ...(change.deeplUrl !== undefined ? { deeplServerUrl: change.deeplUrl } : {}),
      ...(change.libreTranslateUrl !== undefined
        ? { libreTranslateUrl: change.libreTranslateUrl }
        : {}),
    };
    const keys = {
      ...(change.key ? { keySet: change.key.provider } : {}),
      ...(change.removeKey ? { keyRemoved: change.removeKey } : {}),
    };
    const moved = JSON.stringify(next) !== JSON.stringify(before);
    if (moved || Object.keys(keys).length > 0)
      await this.commits.commit(
        [
          {
            ...by,
            action: 'translation.settings',
            conversationId: null,
            // What changed, and which key was set or removed: never the key.
            details: { from: before, to: next, ...keys },
          },
        ],
        moved ? { settings: [(data) => void (data.translation = next)] } : {},
      );
    return this.view();
  }
}
