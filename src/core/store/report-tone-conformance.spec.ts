import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportDrill } from '../../shared';
import { clusterConversations } from '../reports/clusters';
import { Reports } from '../reports/reports';
import { TONE_DAY, toneDay } from '../test/tone-day';
import { ManualClock, dateOf } from '../time/clock';
import { STORE_ENGINES, engineTitle } from './test/store-engines';
import type { EngineStore } from './test/store-engines';

const { range, agents } = TONE_DAY;

// The reports read from the customers' tone and language, over the same hand-built day in every
// engine: each figure below is worked out by hand from the table in tone-day.ts.
describe.each(STORE_ENGINES)('reports of tone and language on $name', (engine) => {
  describe.skipIf(engine.skipped != null)(engineTitle(engine), () => {
    let opened: EngineStore;
    let reports: Reports;
    beforeEach(async () => {
      const clock = new ManualClock('2026-11-21T09:00:00.000Z');
      opened = await engine.open(clock);
      const day = toneDay();
      await opened.store.commit(
        [],
        [
          { kind: 'posts.add', posts: day.posts },
          { kind: 'conversations.put', conversations: day.conversations },
          { kind: 'outbox.put', items: day.outbox },
        ],
      );
      reports = new Reports({
        store: opened.store,
        agents: () => [...agents],
        now: () => dateOf(clock),
        cluster: async (members) => clusterConversations(members),
      });
    });
    afterEach(() => opened.dispose());

    it('gives the share of negative posts per hour on the crisis view', async () => {
      const view = await reports.crisis({ at: TONE_DAY.at, hours: 4 });
      expect(view.hours).toEqual([
        {
          start: '2026-11-20T10:00:00.000Z',
          arrivals: 6,
          scored: 5,
          negative: 4,
          negativeShare: 0.8,
        },
        {
          start: '2026-11-20T11:00:00.000Z',
          arrivals: 2,
          scored: 2,
          negative: 1,
          negativeShare: 0.5,
        },
        {
          start: '2026-11-20T12:00:00.000Z',
          arrivals: 2,
          scored: 2,
          negative: 2,
          negativeShare: 1,
        },
        {
          start: '2026-11-20T13:00:00.000Z',
          arrivals: 1,
          scored: 1,
          negative: 0,
          negativeShare: 0,
        },
      ]);
      // An hour without a post that has a tone has no share, rather than 0 %.
      const before = await reports.crisis({ at: '2026-11-20T09:30:00.000Z', hours: 1 });
      expect(before.hours).toEqual([
        {
          start: '2026-11-20T09:00:00.000Z',
          arrivals: 0,
          scored: 0,
          negative: 0,
          negativeShare: null,
        },
      ]);
    });

    it('counts the answers in the customer’s language, by language, the translated ones marked', async () => {
      const report = await reports.report({ ...range, targetMinutes: 60 });
      expect(report.team.conversations).toBe(7);
      expect(report.languageAnswers).toEqual({
        // c1, c3 and c4 in their language, c1 and c4 translated by the inbox ("9am" has no
        // language to detect: the outbox's record says English); c2 in English to a French
        // customer; c6 (a statement) cannot be judged.
        team: {
          answered: 5,
          inLanguage: 3,
          translated: 2,
          otherLanguage: 1,
          notJudged: 1,
          share: 0.6,
        },
        byLanguage: [
          {
            language: 'fr',
            answered: 3,
            inLanguage: 1,
            translated: 1,
            otherLanguage: 1,
            notJudged: 1,
            share: 1 / 3,
          },
          {
            language: 'en',
            answered: 2,
            inLanguage: 2,
            translated: 1,
            otherLanguage: 0,
            notJudged: 0,
            share: 1,
          },
        ],
      });
    });

    it('marks nothing translated when the reply failed or was never the first', async () => {
      const day = toneDay();
      const c1 = day.outbox[0]!;
      // The translated reply to c1 failed, and the one to c4 came after another reply of Jan's.
      await opened.store.commit(
        [],
        [
          { kind: 'outbox.put', items: [{ ...c1, state: 'failed', externalId: null }] },
          {
            kind: 'posts.add',
            posts: [
              {
                ...day.posts.find((p) => p.id === 'facebook:c4.1')!,
                id: 'facebook:c4.0',
                externalId: 'c4.0',
                text: 'Bonjour',
                language: null,
                createdAt: '2026-11-20T11:19:00.000Z',
              },
            ],
          },
        ],
      );
      const { languageAnswers } = await reports.report({ ...range, targetMinutes: 60 });
      // c1's reply post is judged by its detected language (French): in language, not marked.
      expect(languageAnswers.team).toMatchObject({ inLanguage: 2, translated: 0, notJudged: 2 });
    });

    it('measures reassurance per agent, language and platform', async () => {
      const { reassurance } = await reports.report({ ...range, targetMinutes: 60 });
      const figures = (b: number, a: number, w: number, r: number) => ({
        beganNegative: b,
        answered: a,
        wroteAgain: w,
        reassured: r,
        share: b === 0 ? null : r / b,
      });
      expect(reassurance).toEqual({
        team: figures(5, 4, 3, 2),
        byResponder: [
          { responder: 'jan', name: 'Jan de Wit', figures: figures(1, 1, 1, 1) },
          { responder: 'rita', name: 'Rita Hale', figures: figures(2, 2, 2, 1) },
          { responder: 'outside', name: 'Outside the inbox', figures: figures(1, 1, 0, 0) },
        ],
        byLanguage: [
          { language: 'fr', figures: figures(3, 3, 3, 2) },
          { language: 'de', figures: figures(1, 0, 0, 0) },
          { language: 'en', figures: figures(1, 1, 0, 0) },
        ],
        byPlatform: [
          { platform: 'facebook', figures: figures(1, 1, 0, 0) },
          { platform: 'x', figures: figures(4, 3, 3, 2) },
        ],
      });
    });

    it('reassures only by the word of the customer who began the conversation', async () => {
      const rita = async () =>
        (await reports.report({ ...range, targetMinutes: 60 })).reassurance.byResponder.find(
          (r) => r.responder === 'rita',
        )!.figures;
      // Marc's positive post in c2 is not the customer's: c2 stays negative.
      expect(await rita()).toMatchObject({ wroteAgain: 2, reassured: 1 });
      const marc = toneDay().posts.find((p) => p.id === 'x:c2.3')!;
      expect(marc.author.id).not.toBe(toneDay().posts.find((p) => p.id === 'x:c2')!.author.id);
      // Were it the customer's own, c2 would end reassured.
      const customer = toneDay().posts.find((p) => p.id === 'x:c2')!.author;
      await opened.store.commit(
        [],
        [{ kind: 'posts.replace', posts: [{ ...marc, author: customer }] }],
      );
      expect(await rita()).toMatchObject({ wroteAgain: 2, reassured: 2 });
    });

    it('drills down to the conversations behind each figure, newest first', async () => {
      const drilled = async (drill: ReportDrill) =>
        (await reports.drill({ ...range, drill })).items.map((c) => c.id);
      expect(await drilled({ set: 'reassured' })).toEqual(['x:c6', 'x:c1']);
      expect(await drilled({ set: 'reassured', responder: 'rita' })).toEqual(['x:c6']);
      expect(await drilled({ set: 'began-negative', responder: 'rita' })).toEqual(['x:c6', 'x:c2']);
      expect(await drilled({ set: 'began-negative', language: 'de' })).toEqual(['x:c5']);
      expect(await drilled({ set: 'negative-answered', platform: 'x' })).toEqual([
        'x:c6',
        'x:c2',
        'x:c1',
      ]);
      expect(await drilled({ set: 'negative-wrote-again', responder: 'outside' })).toEqual([]);
      expect(await drilled({ set: 'answered-in-language' })).toEqual([
        'facebook:c4',
        'facebook:c3',
        'x:c1',
      ]);
      expect(await drilled({ set: 'answered-translated' })).toEqual(['facebook:c4', 'x:c1']);
      expect(await drilled({ set: 'answered-translated', language: 'fr' })).toEqual(['x:c1']);
      expect(await drilled({ set: 'answered-translated', platform: 'facebook' })).toEqual([
        'facebook:c4',
      ]);
      expect(await drilled({ set: 'answered-other-language', language: 'fr' })).toEqual(['x:c2']);
      expect(await drilled({ set: 'answer-language-not-judged' })).toEqual(['x:c6']);
    });

    it('gathers what customer service should hear: stories and recurring words of negative posts', async () => {
      const complaints = await reports.complaints(range);
      // c8 arrived before the week: its negative post is not one of them.
      expect(complaints.negativePosts).toBe(6);
      expect(complaints.conversations).toBe(5);
      expect(complaints.stories).toHaveLength(1);
      const [story] = complaints.stories;
      expect(story).toMatchObject({
        id: 'x:c1',
        posts: 5,
        conversations: 4,
        conversationIds: ['x:c6', 'facebook:c3', 'x:c2', 'x:c1'],
        languages: ['en', 'fr'],
      });
      expect(story!.examples.map((e) => e.postId)).toEqual(['x:c6', 'facebook:c3', 'x:c2.2']);
      expect(complaints.keywords.map((k) => [k.language, k.negativePosts])).toEqual([
        ['fr', 4],
        ['de', 1],
        ['en', 1],
      ]);
      const fr = complaints.keywords[0]!.words;
      expect(fr.map((w) => [w.word, w.posts, w.conversations])).toEqual([
        ['lamentable', 4, 3],
        ['commande', 3, 3],
        ['commandefroide', 3, 3],
        ['froide', 3, 3],
        ['service', 3, 3],
      ]);
      expect(fr[0]!.conversationIds).toEqual(['x:c6', 'x:c2', 'x:c1']);
      expect(fr[0]!.examples.map((e) => e.postId)).toEqual(['x:c6', 'x:c2.2', 'x:c2']);
      // One post a language is no recurrence.
      expect(complaints.keywords[1]!.words).toEqual([]);
    });
  });
});
