import type { Translation } from './types';

/** The app's own states: opening, unreachable. */
export const en = {
  opening: 'Opening the inbox…',
  unreachable: 'The inbox cannot be reached',
} as const;

export const fr: Translation<typeof en> = {
  opening: 'Ouverture de la boîte de réception…',
  unreachable: 'La boîte de réception est injoignable',
};
