import { UNKNOWN_LANGUAGE } from '../../shared';
import type {
  LanguageAnswers,
  Platform,
  Reassurance,
  ReassuranceFigures,
  ReportDrill,
} from '../../shared';
import type { ReportCase } from './report-case';

/** How a conversation's answer stands to its language. */
export type AnswerLanguage = 'in-language' | 'other-language' | 'not-judged';

/**
 * Whether the team answered a conversation in its customer's language: the language of the
 * brand's first reply post against the conversation's. Null when it was not answered.
 *
 * This is the one place a reply's language is judged for the reports, and every figure and
 * drill-down of answers in the customer's language goes through it. A reply the inbox sent
 * translated is in the language it was translated into (the outbox's record says so, where
 * detection may find nothing in a short reply); any other is in the language detected on it.
 */
export function answerLanguage(c: ReportCase): AnswerLanguage | null {
  if (c.firstResponseMs == null) return null;
  const reply = c.firstReply;
  const language = reply?.translatedInto ?? reply?.language ?? null;
  if (language == null || c.language === UNKNOWN_LANGUAGE) return 'not-judged';
  return language === c.language ? 'in-language' : 'other-language';
}

/**
 * Answered in the customer's language through the inbox's translation: the agent drafted the
 * first reply in their own language and the inbox sent it in the customer's.
 */
export function answeredTranslated(c: ReportCase): boolean {
  return c.firstReply?.translatedInto != null && answerLanguage(c) === 'in-language';
}

type Counts = Omit<LanguageAnswers, 'language'>;

function languageCounts(cases: readonly ReportCase[]): Counts {
  const counts = { answered: 0, inLanguage: 0, translated: 0, otherLanguage: 0, notJudged: 0 };
  for (const c of cases) {
    const judged = answerLanguage(c);
    if (judged == null) continue;
    counts.answered++;
    if (answeredTranslated(c)) counts.translated++;
    if (judged === 'in-language') counts.inLanguage++;
    else if (judged === 'other-language') counts.otherLanguage++;
    else counts.notJudged++;
  }
  return { ...counts, share: counts.answered === 0 ? null : counts.inLanguage / counts.answered };
}

/** Orders languages as the report does: the most first, `unknown` last, then by code. */
function byLanguageOrder(a: [string, number], b: [string, number]): number {
  return (
    Number(a[0] === UNKNOWN_LANGUAGE) - Number(b[0] === UNKNOWN_LANGUAGE) ||
    b[1] - a[1] ||
    (a[0] < b[0] ? -1 : 1)
  );
}

function grouped<K extends string>(
  cases: readonly ReportCase[],
  key: (c: ReportCase) => K | null,
): Map<K, ReportCase[]> {
  const groups = new Map<K, ReportCase[]>();
  for (const c of cases) {
    const k = key(c);
    if (k == null) continue;
    const list = groups.get(k);
    if (list) list.push(c);
    else groups.set(k, [c]);
  }
  return groups;
}

/** Answers in the customer's language: the team's, and a row per language with answers. */
export function languageAnswers(cases: readonly ReportCase[]): {
  team: Counts;
  byLanguage: LanguageAnswers[];
} {
  const answered = cases.filter((c) => c.firstResponseMs != null);
  const groups = grouped(answered, (c) => c.language);
  return {
    team: languageCounts(answered),
    byLanguage: [...groups]
      .map(([language, list]) => [language, list.length, list] as const)
      .sort((a, b) => byLanguageOrder([a[0], a[1]], [b[0], b[1]]))
      .map(([language, , list]) => ({ language, ...languageCounts(list) })),
  };
}

const reassured = (c: ReportCase) =>
  c.toneAfterAnswer === 'neutral' || c.toneAfterAnswer === 'positive';

function reassuranceFigures(cases: readonly ReportCase[]): ReassuranceFigures {
  let answered = 0;
  let wroteAgain = 0;
  let turned = 0;
  for (const c of cases) {
    if (c.firstResponseMs != null) answered++;
    if (c.toneAfterAnswer != null) wroteAgain++;
    if (reassured(c)) turned++;
  }
  return {
    beganNegative: cases.length,
    answered,
    wroteAgain,
    reassured: turned,
    share: cases.length === 0 ? null : turned / cases.length,
  };
}

/**
 * Reassurance: of the conversations that began negative, those whose customer wrote again after
 * the team's first answer and whose latest post since reads neutral or positive. By the one who
 * answered first (their row counts the ones they answered first), by language and by platform.
 */
export function reassurance(
  cases: readonly ReportCase[],
  nameOf: (responder: string) => string,
): Reassurance {
  const negative = cases.filter((c) => c.openedNegative);
  const responders = grouped(negative, (c) => c.firstResponder);
  const languages = grouped(negative, (c) => c.language);
  const platforms = grouped<Platform>(negative, (c) => c.platform);
  const outsideLast = (a: string, b: string) =>
    Number(a === 'outside') - Number(b === 'outside') || nameOf(a).localeCompare(nameOf(b));
  return {
    team: reassuranceFigures(negative),
    byResponder: [...responders.keys()].sort(outsideLast).map((responder) => ({
      responder,
      name: nameOf(responder),
      figures: reassuranceFigures(responders.get(responder)!),
    })),
    byLanguage: [...languages]
      .map(([language, list]) => [language, list.length, list] as const)
      .sort((a, b) => byLanguageOrder([a[0], a[1]], [b[0], b[1]]))
      .map(([language, , list]) => ({ language, figures: reassuranceFigures(list) })),
    byPlatform: [...platforms]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([platform, list]) => ({ platform, figures: reassuranceFigures(list) })),
  };
}

/** The drill-down sets of this module. */
const TONE_SETS = new Set<ReportDrill['set']>([
  'answered-in-language',
  'answered-translated',
  'answered-other-language',
  'answer-language-not-judged',
  'began-negative',
  'negative-answered',
  'negative-wrote-again',
  'reassured',
]);

export function isToneSet(set: ReportDrill['set']): boolean {
  return TONE_SETS.has(set);
}

/**
 * Whether a case is behind a figure of this module (its scope, platform and language, already
 * checked): a responder's reassurance rows count the conversations they answered first.
 */
export function inToneSet(c: ReportCase, drill: ReportDrill): boolean {
  if (drill.responder != null && c.firstResponder !== drill.responder) return false;
  switch (drill.set) {
    case 'answered-in-language':
      return answerLanguage(c) === 'in-language';
    case 'answered-translated':
      return answeredTranslated(c);
    case 'answered-other-language':
      return answerLanguage(c) === 'other-language';
    case 'answer-language-not-judged':
      return answerLanguage(c) === 'not-judged';
    case 'began-negative':
      return c.openedNegative;
    case 'negative-answered':
      return c.openedNegative && c.firstResponseMs != null;
    case 'negative-wrote-again':
      return c.openedNegative && c.toneAfterAnswer != null;
    case 'reassured':
      return c.openedNegative && reassured(c);
    default:
      return false;
  }
}
