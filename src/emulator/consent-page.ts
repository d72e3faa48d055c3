import type { EmuResponse } from './http-kit';

/**
 * The HTML pages of the emulated x.com and www.facebook.com: a consent form and an error page. They
 * are self-contained (no script, no external resource) and every value is escaped, since most come
 * from the query string of whoever opened the page.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export interface ConsentForm {
  /** Shown above the heading: which platform's page this stands for. */
  site: string;
  title: string;
  heading: string;
  /** Where the form posts (a path on the emulator). */
  action: string;
  /** The authorisation request's parameters, carried back by the form. */
  hidden: Array<[string, string]>;
  /** One choice among several (the account to sign in as); the first is checked. */
  choice: { name: string; legend: string; options: Array<{ value: string; label: string }> };
  /** The permissions asked for. */
  listTitle: string;
  items: string[];
  /** Submit buttons; the clicked one sends `name=value`. */
  buttons: Array<{ name: string; value: string; label: string; primary?: boolean }>;
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f0f2f5;color:#1c1e21;margin:0}
main{max-width:28rem;margin:3rem auto;background:#fff;border-radius:12px;padding:2rem;box-shadow:0 2px 8px #0002}
.site{font-weight:700;color:#555;margin:0 0 1rem}
h1{font-size:1.3rem;margin:0 0 1rem}
fieldset{border:1px solid #ddd;border-radius:8px;margin:0 0 1rem}
label{display:block;padding:.25rem 0}
ul{padding-left:1.2rem}
.buttons{display:flex;gap:.5rem;margin-top:1.5rem}
button{flex:1;padding:.6rem;border-radius:999px;border:1px solid #ccc;background:#fff;font-size:1rem}
button.primary{background:#1d1d1f;color:#fff;border-color:#1d1d1f}
.detail{color:#666;font-size:.9rem}`;

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  // No form-action directive: browsers apply it to the redirect that follows the form's POST, which
  // leaves for the app's redirect_uri.
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
};

function page(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    `<body><main>${body}</main></body>`,
    '</html>',
    '',
  ].join('\n');
}

export function consentPage(form: ConsentForm): EmuResponse {
  const e = escapeHtml;
  const hidden = form.hidden.map(
    ([name, value]) => `<input type="hidden" name="${e(name)}" value="${e(value)}">`,
  );
  const options = form.choice.options.map(
    (option, i) =>
      `<label><input type="radio" name="${e(form.choice.name)}" value="${e(option.value)}"${
        i === 0 ? ' checked' : ''
      }> ${e(option.label)}</label>`,
  );
  const buttons = form.buttons.map(
    (b) =>
      `<button type="submit" name="${e(b.name)}" value="${e(b.value)}"${
        b.primary ? ' class="primary"' : ''
      }>${e(b.label)}</button>`,
  );
  const body = [
    `<p class="site">${e(form.site)}</p>`,
    `<h1>${e(form.heading)}</h1>`,
    `<form method="post" action="${e(form.action)}">`,
    ...hidden,
    `<fieldset><legend>${e(form.choice.legend)}</legend>`,
    ...options,
    '</fieldset>',
    `<p>${e(form.listTitle)}</p>`,
    `<ul>${form.items.map((item) => `<li>${e(item)}</li>`).join('')}</ul>`,
    `<div class="buttons">${buttons.join('')}</div>`,
    '</form>',
  ].join('\n');
  return { status: 200, headers: HEADERS, body: page(form.title, body) };
}

/** A page that explains why the request cannot go on; it never redirects (the URI is not trusted). */
export function errorPage(
  status: number,
  site: string,
  title: string,
  message: string,
  detail: string,
): EmuResponse {
  const e = escapeHtml;
  const body = [
    `<p class="site">${e(site)}</p>`,
    `<h1>${e(title)}</h1>`,
    `<p>${e(message)}</p>`,
    `<p class="detail">${e(detail)}</p>`,
  ].join('\n');
  return { status, headers: HEADERS, body: page(title, body) };
}
