// The development provider's own interaction routes (oidc-provider ships none that check a
// password): GET /interaction/:uid shows the sign-in form, POST /interaction/:uid/login checks it.
// Consent is given without asking, because the only clients are the app's own first-party ones.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors, type Interaction, type Provider } from 'oidc-provider';
import { errorPage, loginPage, pageLanguage } from './pages';
import { checkLogin, type DevAccount } from './testAccounts';

const ROUTE = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/;
const MAX_BODY = 16 * 1024;

// No script is allowed on the page. No form-action directive: Chromium applies it to the
// redirects after the POST too, which would block the hop back to the app's redirect URI.
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, HEADERS);
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    throw new errors.InvalidRequest('the sign-in form must be posted as application/x-www-form-urlencoded');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new errors.InvalidRequest('the sign-in form is too large');
    chunks.push(chunk);
  }
  // Decoded whole, so a character split across chunks stays intact.
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Records a consent for everything the first-party client asked for and resumes the authorization. */
async function grantConsent(provider: Provider, req: IncomingMessage, res: ServerResponse, details: Interaction): Promise<void> {
  const accountId = details.session?.accountId;
  if (!accountId) throw new errors.SessionNotFound('no signed-in account for the consent step');
  const grant = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
  const target = grant ?? new provider.Grant({ accountId, clientId: details.params.client_id });
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = details.prompt.details;
  if (missingOIDCScope) target.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims) target.addOIDCClaims(missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missingResourceScopes ?? {})) {
    target.addResourceScope(resource, scopes.join(' '));
  }
  const grantId = await target.save();
  // An existing grant is modified in place; only a new one has to be handed over.
  await provider.interactionFinished(req, res, { consent: grant ? {} : { grantId } }, { mergeWithLastSubmission: true });
}

async function handle(provider: Provider, accounts: readonly DevAccount[], req: IncomingMessage, res: ServerResponse, uid: string, isLogin: boolean): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const lang = pageLanguage(details.params.ui_locales);
  // The cookie decides which interaction this is; a URL naming another one is a stale tab.
  if (details.uid !== uid) throw new errors.SessionNotFound('the sign-in page belongs to another sign-in attempt');
  const action = `/interaction/${details.uid}/login`;

  if (!isLogin && req.method === 'GET') {
    if (details.prompt.name === 'login') return send(res, 200, loginPage({ lang, action, accounts }));
    if (details.prompt.name === 'consent') return grantConsent(provider, req, res, details);
    return send(res, 400, errorPage(lang, `Unsupported step "${details.prompt.name}".`));
  }
  if (isLogin && req.method === 'POST' && details.prompt.name === 'login') {
    const form = await readForm(req);
    const email = form.get('email') ?? '';
    const account = checkLogin(accounts, email, form.get('password') ?? '');
    if (!account) return send(res, 200, loginPage({ lang, action, email, failed: true, accounts }));
    return provider.interactionFinished(req, res, { login: { accountId: account.sub, amr: ['pwd'] } }, { mergeWithLastSubmission: false });
  }
  res.writeHead(405, { allow: isLogin ? 'POST' : 'GET' }).end();
}

/** Returns a request handler that answers the interaction routes and says false for anything else. */
export function interactionRoutes(provider: Provider, accounts: readonly DevAccount[]) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const match = ROUTE.exec(new URL(req.url ?? '/', 'http://x').pathname);
    if (!match?.[1]) return false;
    try {
      await handle(provider, accounts, req, res, match[1], Boolean(match[2]));
    } catch (error) {
      // Before the interaction is known its language is not either; these pages are technical anyway.
      if (error instanceof errors.SessionNotFound) {
        send(res, 400, errorPage('en', `This sign-in attempt has expired or its cookie is missing (${error.error_description ?? error.message}). Go back to the app and sign in again.`));
      } else if (error instanceof errors.OIDCProviderError && error.status < 500) {
        send(res, error.status, errorPage('en', error.error_description ?? error.message));
      } else {
        throw error;
      }
    }
    return true;
  };
}
