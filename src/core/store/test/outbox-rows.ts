import type { OutboxItem } from '../../outbox/outbox-item';

/** Two replies as a store kept them before it marked translated ones: one translated, one not. */
export function repliesOfBefore(): OutboxItem[] {
  const base = {
    platform: 'x' as const,
    accountId: 'x:brand',
    conversationId: 'x:1',
    replyTo: 'x:1',
    kind: 'public' as const,
    agentId: 'rita',
    client: 'browser',
    state: 'sent' as const,
    externalId: '900',
    error: null,
  };
  return [
    {
      ...base,
      key: 'translated',
      text: 'Bedankt voor je bericht!',
      translation: {
        draft: 'Merci pour votre message !',
        draftLanguage: 'fr',
        language: 'nl',
        provider: 'deepl',
        edited: false,
      },
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
    },
    {
      ...base,
      key: 'plain',
      text: 'Merci !',
      createdAt: '2026-11-20T10:01:00.000Z',
      updatedAt: '2026-11-20T10:01:00.000Z',
    },
  ];
}
