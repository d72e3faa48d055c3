export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The most the figure may be; null when it is printed for information only. */
  budget: number | null;
  /** What the figure includes, when its name cannot say it all. */
  note?: string;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** One JSON line per figure, as `npm run bench` promises. */
export function report(figures: Figure[]): boolean {
  let ok = true;
  for (const f of figures) {
    const line = {
      name: f.name,
      value: Math.round(f.value * 100) / 100,
      unit: f.unit,
      budget: f.budget,
      ok: f.budget == null || f.value <= f.budget,
      ...(f.note ? { note: f.note } : {}),
    };
    ok &&= line.ok;
    console.log(JSON.stringify(line));
  }
  return ok;
}
