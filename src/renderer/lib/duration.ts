/**
 * A response time as people say it, in the UI's language: "45 s", "32 min", "2 h 05 min",
 * "3 d 4 h". Units come from Intl, so French reads "2 h 05 min" and "3 j 4 h".
 */
export function formatDuration(ms: number | null, locale: string): string {
  if (ms == null || !Number.isFinite(ms)) return '—';
  const unit = (value: number, name: 'second' | 'minute' | 'hour' | 'day', pad = false) => {
    const text = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: name,
      unitDisplay: 'narrow',
      minimumIntegerDigits: pad ? 2 : 1,
    }).format(value);
    return text;
  };
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return unit(seconds, 'second');
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${unit(hours, 'hour')} ${unit(minutes % 60, 'minute', true)}`;
  const days = Math.floor(hours / 24);
  return `${unit(days, 'day')} ${unit(hours % 24, 'hour')}`;
}

/** A share from 0 to 1 as a percentage: "43 %" in French, "43%" in English. */
export function formatShare(share: number | null, locale: string): string {
  if (share == null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
}
