import type { Figures, Report } from '../../shared/report';

/**
 * What a spreadsheet may read as the start of a formula: `=`, `+`, `-`, `@`, a tab, a carriage
 * return, `;` (a field separator in some locales, so `;=1+1` is a formula there) and the fullwidth
 * forms `＝＋－＠`, which some spreadsheets fold into their ASCII forms.
 */
const FORMULA_START = /^[\s;]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r;]/;

/** One CSV field (RFC 4180): quoted when it must be; text that could start a formula is defused. */
export function csvField(value: string | number | null): string {
  if (value == null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | null)[]): string {
  return values.map(csvField).join(',');
}

const minutes = (ms: number | null) => (ms == null ? null : Math.round(ms / 600) / 100);
const share = (s: number | null) => (s == null ? null : Math.round(s * 10_000) / 10_000);

export const FIGURE_COLUMNS = [
  'conversations',
  'answered',
  'replies_public',
  'replies_private',
  'first_response_median_min',
  'first_response_p90_min',
  'within_target',
  'within_target_share',
] as const;

function figureCells(f: Figures): (number | null)[] {
  return [
    f.conversations,
    f.answered,
    f.repliesPublic,
    f.repliesPrivate,
    minutes(f.firstResponseMedianMs),
    minutes(f.firstResponseP90Ms),
    f.withinTarget,
    share(f.withinTargetShare),
  ];
}

/**
 * The report's figures as one CSV table: a row per group (team, each responder, each platform,
 * each language). Times in minutes, shares from 0 to 1.
 */
export function figuresCsv(report: Report): string {
  const rows: string[] = [
    csvRow(['section', 'group', 'name', ...FIGURE_COLUMNS, 'from', 'to', 'target_min']),
  ];
  const range = [report.from, report.to, report.targetMinutes];
  const add = (section: string, group: string, name: string, f: Figures) =>
    rows.push(csvRow([section, group, name, ...figureCells(f), ...range]));
  add('team', 'team', 'Team', report.team);
  for (const r of report.responders) add('responder', r.responder, r.name, r.figures);
  for (const p of report.byPlatform) add('platform', p.platform, p.platform, p.figures);
  for (const l of report.byLanguage) add('language', l.language, l.language, l.figures);
  return rows.join('\r\n') + '\r\n';
}

/** The brand replies made outside the inbox, as their own CSV table (another file). */
export function outsideRepliesCsv(report: Report): string {
  const rows = [csvRow(['conversation', 'platform', 'app', 'created_at', 'text'])];
  for (const r of report.outside.replies)
    rows.push(csvRow([r.conversationId, r.platform, r.app ?? '', r.createdAt, r.excerpt]));
  return rows.join('\r\n') + '\r\n';
}

export type ReportTable = 'figures' | 'outside-replies';

/** A file name for one table of the report: `social-inbox-figures-2026-03-01-to-2026-03-07.csv`. */
export function reportFileName(report: Pick<Report, 'from' | 'to'>, table: ReportTable): string {
  const day = (iso: string) => iso.slice(0, 10);
  return `social-inbox-${table}-${day(report.from)}-to-${day(report.to)}.csv`;
}

/** One table of the report as a CSV file. */
export function reportCsvFile(report: Report, table: ReportTable): { name: string; text: string } {
  return {
    name: reportFileName(report, table),
    text: table === 'figures' ? figuresCsv(report) : outsideRepliesCsv(report),
  };
}
