import { createHash, randomBytes } from 'node:crypto';

/**
 * Helpers for the OAuth specs: read a consent page's form the way a browser would, submit it, and
 * make PKCE pairs. Only the emulator's tests use them.
 */

export interface FormView {
  action: string;
  /** Hidden fields, unescaped, in page order. */
  hidden: Array<[string, string]>;
  /** Radio buttons: value, label and whether it starts checked. */
  options: Array<{ name: string; value: string; label: string; checked: boolean }>;
  buttons: Array<{ name: string; value: string; label: string }>;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

export const unescapeHtml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);

const attr = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? unescapeHtml(match[1]!) : null;
};

/** The one form of a consent page. */
export function readForm(html: string): FormView {
  const form = /<form\b[^>]*>/.exec(html);
  if (!form) throw new Error('no form on the page');
  const hidden: FormView['hidden'] = [];
  for (const [tag] of html.matchAll(/<input type="hidden"[^>]*>/g))
    hidden.push([attr(tag, 'name')!, attr(tag, 'value')!]);
  const options: FormView['options'] = [];
  for (const match of html.matchAll(/<label><input type="radio"([^>]*)>\s*([^<]*)<\/label>/g)) {
    const tag = ` ${match[1]!}`;
    options.push({
      name: attr(tag, 'name')!,
      value: attr(tag, 'value')!,
      label: unescapeHtml(match[2]!.trim()),
      checked: /\schecked\b/.test(tag),
    });
  }
  const buttons: FormView['buttons'] = [];
  for (const match of html.matchAll(/<button type="submit"([^>]*)>([^<]*)<\/button>/g)) {
    const tag = ` ${match[1]!}`;
    buttons.push({
      name: attr(tag, 'name')!,
      value: attr(tag, 'value')!,
      label: unescapeHtml(match[2]!),
    });
  }
  return { action: attr(form[0], 'action')!, hidden, options, buttons };
}

/**
 * Submits a form as a browser does after a click on the button labelled `button`: hidden fields,
 * the checked radio (or the one whose value is `choose`), the button's own name and value. The
 * answer's redirect is not followed.
 */
export async function submitForm(
  origin: string,
  form: FormView,
  button: string,
  choose?: string,
): Promise<Response> {
  const body = new URLSearchParams(form.hidden);
  const radios = form.options;
  const chosen =
    choose !== undefined ? radios.find((o) => o.value === choose) : radios.find((o) => o.checked);
  if (chosen) body.set(chosen.name, chosen.value);
  else if (choose !== undefined && radios[0]) body.set(radios[0].name, choose);
  const clicked = form.buttons.find((b) => b.label === button);
  if (!clicked) throw new Error(`no button "${button}"`);
  body.set(clicked.name, clicked.value);
  return fetch(new URL(form.action, origin), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
    redirect: 'manual',
  });
}

/** A PKCE verifier and its S256 challenge (RFC 7636). */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** A form POST with fetch, redirects not followed. */
export function postForm(
  url: string,
  params: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
    redirect: 'manual',
  });
}

export const basicAuth = (id: string, secret: string) => ({
  authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
});
