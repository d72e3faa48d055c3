/** A message tree: the English one defines the keys, every other language must give them all. */
export type MessageTree = { readonly [key: string]: string | MessageTree };

/** The same keys as `T`, each with a string of its own (ICU MessageFormat, e.g. `{name}`). */
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]>;
};
