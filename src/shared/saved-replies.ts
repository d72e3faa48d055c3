import { z } from 'zod';
import { LanguageCodeSchema } from './model';
import { safeText } from './text';

/** The variables a saved reply may use, and what each one stands for. */
export const REPLY_VARIABLES = ['author.name', 'author.handle', 'agent.name', 'brand'] as const;
export type ReplyVariable = (typeof REPLY_VARIABLES)[number];
export type ReplyValues = Record<ReplyVariable, string | null>;

const VARIABLE = /\{\{|\}\}|\{([^{}]*)\}/g;

/** The variables a text uses that are not known (`{author.nmae}`), to say so. */
export function unknownVariables(text: string): string[] {
  const unknown: string[] = [];
  for (const m of text.matchAll(VARIABLE)) {
    const name = m[1];
    if (name !== undefined && !(REPLY_VARIABLES as readonly string[]).includes(name.trim()))
      unknown.push(name);
  }
  return unknown;
}

/**
 * A saved reply with its variables filled in: `{author.name}` → "Marie Dupont", `{author.handle}`
 * → "@marie" (an X handle gets its @), a value not known → the variable is dropped with the space
 * before it. `{{` and `}}` write a brace.
 */
export function fillReply(text: string, values: ReplyValues): string {
  return text.replace(
    /( ?)(\{\{|\}\}|\{([^{}]*)\})/g,
    (_whole, space: string, token: string, name: string | undefined) => {
      if (token === '{{') return `${space}{`;
      if (token === '}}') return `${space}}`;
      const value = values[(name ?? '').trim() as ReplyVariable];
      return value == null || value === '' ? '' : `${space}${value}`;
    },
  );
}

export const SavedReplySchema = z.object({
  id: z.string(),
  title: z.string(),
  /** ISO 639-1: the language it is written in, offered first on conversations in that language. */
  language: z.string(),
  text: z.string(),
});
export type SavedReply = z.infer<typeof SavedReplySchema>;

export const SaveSavedReplyInputSchema = z
  .object({
    id: z.string().min(1).max(100).optional(),
    title: safeText().trim().min(1, 'give the saved reply a title').max(80),
    language: LanguageCodeSchema,
    text: safeText()
      .trim()
      .min(1, 'write the reply')
      .max(4000)
      .refine((t) => unknownVariables(t).length === 0, {
        error: (issue) =>
          `unknown variable {${unknownVariables(String(issue.input))[0]}}: use ${REPLY_VARIABLES.map((v) => `{${v}}`).join(', ')}`,
      }),
  })
  .strict();
export type SaveSavedReplyInput = z.input<typeof SaveSavedReplyInputSchema>;

export const SavedReplyIdInputSchema = z.object({ id: z.string().min(1).max(100) }).strict();
