/** What a key does in the conversation list: move the selection to an index, open one, or nothing. */
export type ListKeyAction = { move: number } | { open: number } | null;

/**
 * The list's keyboard: j/k and arrows move, PageUp/PageDown move a screenful, Home/End go to the
 * ends, Enter or Space open the selected conversation. `from` is the selected index (-1 for none).
 */
export function listKeyAction(
  key: string,
  from: number,
  count: number,
  pageSize: number,
): ListKeyAction {
  switch (key) {
    case 'j':
    case 'ArrowDown':
      return { move: from + 1 };
    case 'k':
    case 'ArrowUp':
      return { move: from < 0 ? 0 : from - 1 };
    case 'PageDown':
      return { move: from + pageSize };
    case 'PageUp':
      return { move: from - pageSize };
    case 'Home':
      return { move: 0 };
    case 'End':
      return { move: count - 1 };
    case 'Enter':
    case ' ':
      return from >= 0 ? { open: from } : null;
    default:
      return null;
  }
}
