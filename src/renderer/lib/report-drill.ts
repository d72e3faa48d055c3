import type { ReportDrill } from '../../shared/report';

/** The figure a user chose to look behind: the drill-down and its words. */
export interface ChosenFigure {
  drill: ReportDrill;
  /** What the figure is, e.g. "Within 60 min · Jan de Wit". */
  label: string;
  count: number;
}

export function sameDrill(a: ReportDrill | undefined, b: ReportDrill | undefined): boolean {
  if (a == null || b == null) return false;
  return (
    a.set === b.set &&
    a.responder === b.responder &&
    a.platform === b.platform &&
    a.language === b.language &&
    a.conversationIds?.join() === b.conversationIds?.join()
  );
}
