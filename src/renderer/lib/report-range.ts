/** The report's range as the user picks it: whole local days, the end day included. */
export interface DayRange {
  /** `YYYY-MM-DD`, local. */
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last `days` days, today included. */
export function lastDays(days: number, now = new Date()): DayRange {
  const start = new Date(now);
  start.setDate(start.getDate() - (days - 1));
  return { from: localDay(start), to: localDay(now) };
}

/** The instants the report covers: from the start of the first day to the end of the last one. */
export function rangeInstants(range: DayRange): { from: string; to: string } | null {
  const start = new Date(`${range.from}T00:00:00`);
  const end = new Date(`${range.to}T00:00:00`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end < start) return null;
  end.setDate(end.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** The last `days` days of a range of instants, when it is longer. */
export function lastDaysOf(
  range: { from: string; to: string },
  days: number,
): { from: string; to: string; cut: boolean } {
  const earliest = Date.parse(range.to) - days * 86_400_000;
  return Date.parse(range.from) < earliest
    ? { from: new Date(earliest).toISOString(), to: range.to, cut: true }
    : { ...range, cut: false };
}
