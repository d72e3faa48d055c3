import { describe, expect, it } from 'vitest';
import type { CallContext, Conversation } from '../../shared';
import { ManualClock } from '../time/clock';
import { inboxOnEmulator, useCleanups } from '../test/inbox-harness';
import { smallScenario } from '../test/scenario';

const cleanup = useCleanups();
const MIN = 60_000;
const RANGE = { from: '2026-11-20T09:00:00.000Z', to: '2026-11-20T11:00:00.000Z' };
const STATEMENT_AT = '2026-11-20T10:00:00.000Z';

/**
 * The small scenario with three near-identical French questions (a cluster): before any statement,
 * X has Marie's thread (answered from another app at 09:05), the Dutch journalist (09:20) and the
 * three questions (09:30), unanswered; the Page has Klaus (answered with Hootsuite at 09:08) and
 * Giulia in Italian (09:25), unanswered.
 */
async function setUp() {
  const clock = new ManualClock('2026-11-20T09:59:00.000Z');
  const inbox = await inboxOnEmulator(cleanup, { scenario: smallScenario(3), clock });
  const { service } = inbox;
  const camille = await service.createAgent({ name: 'Camille Laurent', role: 'manager' });
  const manager: CallContext = { agent: camille.agent, client: 'browser' };
  const { items } = await service.listConversations({ limit: 50 });
  const byLanguage = (language: string) => items.filter((c) => c.language === language);
  return { ...inbox, clock, camille: camille.agent, manager, items, byLanguage };
}

describe('a conversation answered by a public statement', () => {
  it('counts as answered at the statement’s time, by its publisher, in every report figure', async () => {
    const { service, clock, camille, manager, x, byLanguage } = await setUp();
    const [marie] = byLanguage('fr').filter((c) => c.postCount > 1);
    const questions = byLanguage('fr').filter((c) => c.postCount === 1);
    const [journalist] = byLanguage('nl');
    const [giulia] = byLanguage('it');
    expect(questions).toHaveLength(3);
    const before = await service.getReport(RANGE);
    expect(before.team).toMatchObject({ conversations: 7, answered: 2 });
    expect(before.coverage.silentLanguages).toEqual(['it', 'nl']);
    const crisisAt = { at: STATEMENT_AT, hours: 24 };
    const [cluster] = (await service.getCrisis(crisisAt)).clusters;
    expect(cluster).toMatchObject({ size: 3, unanswered: 3 });

    clock.set(STATEMENT_AT);
    const answered = [journalist!, giulia!, ...questions, marie!].map((c) => c.id);
    await service.postStatement(
      {
        accountId: x.id,
        text: 'Every affected customer gets a refund.',
        conversationIds: answered,
      },
      manager,
    );

    const report = await service.getReport(RANGE);
    expect(report.team).toMatchObject({
      conversations: 7,
      answered: 7,
      // The three questions at 30 min, Giulia at 35, the journalist at 40; the others at 5 and 6.
      firstResponseMedianMs: 30 * MIN,
      firstResponseP90Ms: 40 * MIN,
      withinTarget: 7,
    });
    const byCamille = report.responders.find((r) => r.responder === camille.id);
    expect(byCamille).toMatchObject({ name: 'Camille Laurent' });
    expect(byCamille?.figures).toMatchObject({
      // She answered five first; Marie's thread had its answer from another app before.
      answered: 5,
      conversations: 6,
      repliesPublic: 6,
      repliesPrivate: 0,
      firstResponseMedianMs: 30 * MIN,
      firstResponseP90Ms: 40 * MIN,
    });
    expect(report.responders.find((r) => r.responder === 'outside')?.figures.answered).toBe(2);
    const language = (code: string) => report.byLanguage.find((l) => l.language === code)?.figures;
    expect(language('nl')).toMatchObject({ answered: 1, firstResponseMedianMs: 40 * MIN });
    expect(language('it')).toMatchObject({ answered: 1, firstResponseMedianMs: 35 * MIN });
    expect(language('fr')).toMatchObject({ conversations: 4, answered: 4 });
    expect(report.coverage.unanswered).toBe(0);
    expect(report.coverage.silentLanguages).toEqual([]);
    expect(report.coverage.byLanguage.every((l) => l.unanswered === 0)).toBe(true);
    const facebook = report.coverage.byPlatform.find((p) => p.platform === 'facebook');
    expect(facebook).toMatchObject({ arrived: 2, unanswered: 0 });

    // What a click on her figures lists.
    const drilled = await service.drillReport({
      ...RANGE,
      drill: { responder: camille.id, set: 'answered' },
    });
    expect(drilled.items.map((c) => c.id).sort()).toEqual(answered.slice(0, 5).sort());
    const unanswered = await service.drillReport({ ...RANGE, drill: { set: 'unanswered' } });
    expect(unanswered.items).toEqual([]);

    // The crisis view's cluster is answered too.
    const after = (await service.getCrisis(crisisAt)).clusters.find((c) => c.id === cluster!.id);
    expect(after).toMatchObject({ size: 3, unanswered: 0 });
  });

  it('keeps the statement on the conversation, its first response included, through a sync', async () => {
    const { service, clock, camille, manager, x, fb, byLanguage } = await setUp();
    const [journalist] = byLanguage('nl');
    clock.set(STATEMENT_AT);
    const result = await service.postStatement(
      { accountId: x.id, text: 'Wij reageren vandaag.', conversationIds: [journalist!.id] },
      manager,
    );
    clock.advance(5 * MIN);
    await service.syncAccountOnce(x.id);
    await service.syncAccountOnce(fb.id);
    const { conversation } = await service.getConversation({ id: journalist!.id });
    expect(conversation).toMatchObject<Partial<Conversation>>({
      status: 'done',
      firstResponseMs: 40 * MIN,
      statement: {
        postId: `x:${result.externalId}`,
        permalink: result.permalink,
        by: camille.id,
        at: STATEMENT_AT,
      },
    });
  });

  it('leaves the first answer of a conversation answered before as it was', async () => {
    const { service, clock, manager, x, byLanguage } = await setUp();
    const [marie] = byLanguage('fr').filter((c) => c.postCount > 1);
    clock.set(STATEMENT_AT);
    await service.postStatement(
      { accountId: x.id, text: 'Un remboursement pour tous.', conversationIds: [marie!.id] },
      manager,
    );
    const { conversation } = await service.getConversation({ id: marie!.id });
    expect(conversation.firstResponseMs).toBe(5 * MIN);
    const report = await service.getReport(RANGE);
    expect(report.responders.find((r) => r.responder === 'outside')?.figures.answered).toBe(2);
    expect(report.team.answered).toBe(2);
  });
});
