import fc from 'fast-check';
import type { ListConversationsInput } from '../../../shared';
import { conversation } from '../../test/fixtures';

/** Conversations and list queries drawn for the list conformance specs, on every engine. */

const words = ['refund', 'Café', 'late', 'RÉSERVATION', 'lait', 'order', 'ok', 'é'];
export const arbConversation = (id: number) =>
  fc
    .record({
      platform: fc.constantFrom('x' as const, 'facebook' as const),
      accountId: fc.constantFrom('x:brand', 'facebook:page', 'x:other'),
      status: fc.constantFrom(
        'new' as const,
        'open' as const,
        'pending' as const,
        'done' as const,
        'spam' as const,
      ),
      assignee: fc.constantFrom(null, 'rita', 'sam'),
      tags: fc.uniqueArray(fc.constantFrom('billing', 'delay', 'vip'), { maxLength: 3 }),
      language: fc.constantFrom(null, 'fr', 'en', 'de'),
      priority: fc.constantFrom(
        'low' as const,
        'normal' as const,
        'high' as const,
        'urgent' as const,
      ),
      reach: fc.integer({ min: 0, max: 2 }),
      minute: fc.integer({ min: 0, max: 6 }),
      excerpt: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }),
      answeredOutside: fc.boolean(),
      sentiment: fc.constantFrom(
        undefined,
        null,
        'negative' as const,
        'neutral' as const,
        'positive' as const,
      ),
    })
    .map((r) =>
      conversation({
        id: `${r.platform}:${String(id).padStart(3, '0')}`,
        platform: r.platform,
        accountId: r.accountId,
        status: r.status,
        assignee: r.assignee,
        tags: r.tags,
        language: r.language,
        priority: r.priority,
        reach: r.reach,
        lastPostAt: new Date(Date.UTC(2026, 10, 20, 10, r.minute)).toISOString(),
        excerpt: r.excerpt.join(' '),
        ...(r.answeredOutside ? { answeredOutside: true } : {}),
        ...(r.sentiment === undefined ? {} : { sentiment: r.sentiment }),
      }),
    );

/** A filter present in about one query of four, so most queries match something. */
const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arb, weight: 1 });
export const arbQuery: fc.Arbitrary<ListConversationsInput> = fc
  .record({
    platform: sometimes(fc.constantFrom('x' as const, 'facebook' as const)),
    accountId: sometimes(fc.constantFrom('x:brand', 'facebook:page')),
    status: sometimes(
      fc.constantFrom('new' as const, 'open' as const, 'done' as const, 'active' as const),
    ),
    assignee: sometimes(fc.constantFrom('unassigned', 'rita')),
    tag: sometimes(fc.constantFrom('billing', 'vip')),
    language: sometimes(fc.constantFrom('fr', 'en')),
    priority: sometimes(fc.constantFrom('high' as const, 'normal' as const)),
    answered: sometimes(fc.constant('outside' as const)),
    sentiment: sometimes(fc.constantFrom('negative' as const, 'positive' as const)),
    q: sometimes(
      fc.constantFrom(
        'caf',
        'refund',
        'É',
        'ok',
        'servation',
        'lait late',
        'zzz',
        '"or',
        'an',
        'ana',
      ),
    ),
    sort: fc.constantFrom(
      'newest' as const,
      'oldest' as const,
      'priority' as const,
      'reach' as const,
    ),
    limit: fc.integer({ min: 1, max: 7 }),
  })
  .map((q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)));
