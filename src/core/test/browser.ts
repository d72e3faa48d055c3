import { readForm, submitForm } from '../../emulator/oauth-test-kit';

/**
 * The user's browser on a platform's consent page: opens it, clicks `button` (choosing the radio
 * option `choose`, if given), and follows the redirect back to the app's loopback listener.
 * Returns that last answer (the page the user sees at the end).
 */
export async function answerConsent(
  authorizeUrl: string,
  button: string,
  choose?: string,
): Promise<Response> {
  const page = await fetch(authorizeUrl);
  if (!page.ok) throw new Error(`consent page answered ${page.status}: ${await page.text()}`);
  const form = readForm(await page.text());
  const answer = await submitForm(new URL(authorizeUrl).origin, form, button, choose);
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location)
    throw new Error(`consent form answered ${answer.status}: ${await answer.text()}`);
  return fetch(location);
}
