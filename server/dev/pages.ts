// HTML of the development provider's pages: sign-in form, sign-out question, errors. Plain
// server-rendered HTML without script or remote resources (oidc-provider's default pages load
// Google Fonts, and the app makes no request off the machine); usable by keyboard and screen reader.
import type { DevAccount } from './testAccounts';

export type PageLanguage = 'sv' | 'en';

const TEXT = {
  sv: {
    title: 'Logga in – Trygghetskartan',
    heading: 'Logga in',
    intro: 'Lokal inloggning för utveckling och test.',
    email: 'E-postadress',
    password: 'Lösenord',
    submit: 'Logga in',
    wrong: 'Fel e-postadress eller lösenord.',
    accounts: 'Testkonton (lösenord "test"):',
    errorHeading: 'Inloggningen kunde inte fortsätta',
    logoutHeading: 'Logga ut från Trygghetskartan?',
    logoutYes: 'Logga ut',
    logoutNo: 'Förbli inloggad',
    loggedOut: 'Du är utloggad.',
  },
  en: {
    title: 'Sign in – Trygghetskartan',
    heading: 'Sign in',
    intro: 'Local sign-in for development and tests.',
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
    wrong: 'Wrong email address or password.',
    accounts: 'Test accounts (password "test"):',
    errorHeading: 'The sign-in could not continue',
    logoutHeading: 'Sign out of Trygghetskartan?',
    logoutYes: 'Sign out',
    logoutNo: 'Stay signed in',
    loggedOut: 'You are signed out.',
  },
} as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The app passes ui_locales (OIDC Core 3.1.2.1); the first of sv/en named wins, Swedish otherwise. */
export function pageLanguage(uiLocales: unknown): PageLanguage {
  for (const tag of String(uiLocales ?? '').toLowerCase().split(/\s+/)) {
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'sv' || tag.startsWith('sv-')) return 'sv';
  }
  return 'sv';
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1b1f24}
main{max-width:24rem;margin:3rem auto;padding:1.5rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px #0003}
label{display:block;margin-top:1rem;font-weight:600}input{box-sizing:border-box;width:100%;padding:.5rem;font:inherit;border:1px solid #5a6270;border-radius:4px}
button{margin-top:1.25rem;padding:.6rem 1.2rem;font:inherit;background:#0b4f8a;color:#fff;border:0;border-radius:4px;cursor:pointer}
:focus-visible{outline:3px solid #0b4f8a;outline-offset:2px}.error{color:#a4161a;font-weight:600}small{color:#4a515c}`;

function layout(lang: PageLanguage, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">`
    + `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>`
    + `<style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export interface LoginPageInput {
  lang: PageLanguage;
  action: string;
  email?: string;
  failed?: boolean;
  accounts: readonly DevAccount[];
}

export function loginPage({ lang, action, email = '', failed = false, accounts }: LoginPageInput): string {
  const t = TEXT[lang];
  const invalid = failed ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  const list = accounts.map((a) => `<li>${escapeHtml(a.email)}</li>`).join('');
  return layout(lang, t.title, `<h1>${t.heading}</h1><p>${t.intro}</p>`
    + (failed ? `<p id="login-error" class="error" role="alert">${t.wrong}</p>` : '')
    + `<form method="post" action="${escapeHtml(action)}">`
    + `<label for="email">${t.email}</label>`
    + `<input id="email" name="email" type="email" autocomplete="username" required autofocus value="${escapeHtml(email)}"${invalid}>`
    + `<label for="password">${t.password}</label>`
    + `<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}>`
    + `<button type="submit">${t.submit}</button></form>`
    + `<p><small>${t.accounts}</small></p><ul>${list}</ul>`);
}

export function errorPage(lang: PageLanguage, message: string): string {
  const t = TEXT[lang];
  return layout(lang, t.errorHeading, `<h1>${t.errorHeading}</h1><p class="error" role="alert">${escapeHtml(message)}</p>`);
}

/** `form` is oidc-provider's own hidden form (with its anti-forgery token); the buttons submit it. */
export function logoutPage(lang: PageLanguage, form: string): string {
  const t = TEXT[lang];
  return layout(lang, t.logoutHeading, `<h1>${t.logoutHeading}</h1>${form}`
    + `<button autofocus type="submit" form="op.logoutForm" name="logout" value="yes">${t.logoutYes}</button> `
    + `<button type="submit" form="op.logoutForm">${t.logoutNo}</button>`);
}

export function loggedOutPage(lang: PageLanguage): string {
  const t = TEXT[lang];
  return layout(lang, t.loggedOut, `<h1>${t.loggedOut}</h1>`);
}
