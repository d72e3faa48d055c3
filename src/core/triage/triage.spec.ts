import { describe, expect, it } from 'vitest';
import type { Post } from '../../shared';
import { author, brandThread, draft, post } from '../test/fixtures';
import { languageOf } from './language';
import { priorityOf, summarize } from './summarize';
import { threadPosts } from './threading';

describe('threadPosts', () => {
  it('joins replies to their parent conversation whatever order they arrive in', () => {
    const { root, brand, followUp } = brandThread();
    const placed = threadPosts([followUp, brand, root], () => undefined);
    expect(placed.map((p) => [p.id, p.conversationId, p.inReplyTo])).toEqual([
      ['x:100', 'x:100', null],
      ['x:101', 'x:100', 'x:100'],
      ['x:102', 'x:100', 'x:101'],
    ]);
  });

  it('uses stored parents, skips posts already stored, keeps replies to unknown posts, and drops broadcasts', () => {
    const stored = new Map<string, Post>([
      ['x:1', post({ externalId: '1', conversationId: 'x:1' })],
    ]);
    const placed = threadPosts(
      [
        draft({ externalId: '1' }),
        draft({ externalId: '2', parentId: 'x:1', createdAt: '2026-11-20T11:00:00.000Z' }),
        draft({ externalId: '3', direction: 'outbound', parentId: 'x:999' }),
        draft({ externalId: '4', parentId: 'x:888' }),
        draft({ externalId: '5', direction: 'outbound', parentId: null }),
      ],
      (id) => stored.get(id),
    );
    expect(placed.map((p) => [p.id, p.conversationId, p.inReplyTo])).toEqual([
      ['x:3', 'x:3', 'x:999'],
      ['x:4', 'x:4', 'x:888'],
      ['x:2', 'x:1', 'x:1'],
    ]);
  });
});

describe('languageOf', () => {
  it('trusts a real platform tag and ignores "und"', async () => {
    expect(await languageOf('whatever text this is', 'nl')).toBe('nl');
    expect(
      await languageOf('Ik wacht al drie weken op mijn bestelling en niemand antwoordt', 'und'),
    ).toBe('nl');
  });

  it.each([
    [
      'fr',
      'Bonjour, je voudrais savoir pourquoi ma carte de fidélité ne fonctionne plus depuis hier.',
    ],
    ['en', 'Hello, I would like to know why my loyalty card stopped working yesterday evening.'],
    [
      'de',
      'Hallo, ich möchte wissen, warum meine Kundenkarte seit gestern nicht mehr funktioniert.',
    ],
    ['nl', 'Hallo, ik wil graag weten waarom mijn klantenkaart sinds gisteren niet meer werkt.'],
    ['es', 'Hola, me gustaría saber por qué mi tarjeta de fidelidad dejó de funcionar ayer.'],
    ['it', 'Ciao, vorrei sapere perché la mia carta fedeltà non funziona più da ieri sera.'],
  ])('detects %s from the text, ignoring mentions and links', async (lang, text) => {
    expect(await languageOf(`@CafeAurore ${text} https://t.co/abc123`)).toBe(lang);
  });

  it('says nothing about text too short to tell', async () => {
    expect(await languageOf('@CafeAurore ok')).toBeNull();
  });
});

describe('summarize', () => {
  const now = new Date('2026-11-20T12:00:00.000Z');
  const posts: Post[] = [
    post({
      externalId: '1',
      conversationId: 'x:1',
      createdAt: '2026-11-20T10:00:00.000Z',
      author: author({ followers: 50 }),
    }),
    post({
      externalId: '2',
      conversationId: 'x:1',
      createdAt: '2026-11-20T10:12:30.000Z',
      direction: 'outbound',
      outside: true,
      author: author({ id: 'brand', followers: 999_999 }),
    }),
    post({
      externalId: '3',
      conversationId: 'x:1',
      createdAt: '2026-11-20T10:20:00.000Z',
      text: 'Still   waiting\nfor an answer',
      author: author({ id: 'u2', followers: 150_000 }),
    }),
  ];

  it('derives the list fields from the posts', () => {
    const c = summarize(undefined, posts, now);
    expect(c).toMatchObject({
      id: 'x:1',
      rootPostId: 'x:1',
      status: 'new',
      postCount: 3,
      reach: 150_000,
      priority: 'high',
      firstResponseMs: 750_000,
      excerpt: 'Still waiting for an answer',
      lastPostAt: '2026-11-20T10:20:00.000Z',
      version: 1,
      updatedAt: now.toISOString(),
    });
  });

  it('keeps people’s decisions, bumps the version, and reopens a done conversation on a new customer post', () => {
    const before = summarize(undefined, posts.slice(0, 2), now);
    const decided = { ...before, status: 'done' as const, assignee: 'agent-1', tags: ['refund'] };
    const after = summarize(decided, posts, now);
    expect(after).toMatchObject({
      status: 'open',
      assignee: 'agent-1',
      tags: ['refund'],
      version: 2,
    });
    expect(summarize(decided, posts.slice(0, 2), now).status).toBe('done');
  });

  it('ranks priority by reach and verification', () => {
    expect(priorityOf(10, false)).toBe('normal');
    expect(priorityOf(10, true)).toBe('high');
    expect(priorityOf(100_000, false)).toBe('high');
    expect(priorityOf(1_000_000, false)).toBe('urgent');
  });
});
