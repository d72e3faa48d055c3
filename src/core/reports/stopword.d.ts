/** The part of stopword the complaints' keywords use (the package ships no types). */
declare module 'stopword' {
  /** Each language's stop words, lower case, by its ISO 639-3 code. */
  export const eng: readonly string[];
  export const fra: readonly string[];
  export const deu: readonly string[];
  export const nld: readonly string[];
  export const spa: readonly string[];
  export const ita: readonly string[];
  export const por: readonly string[];
  export const pol: readonly string[];
  export const swe: readonly string[];
  export const dan: readonly string[];
  export const tur: readonly string[];
}
