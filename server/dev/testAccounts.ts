// The local test accounts of the development OpenID Connect provider. Their password is public
// (it is in the README), so they must never exist outside development and tests.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Role } from '../auth/types';

export interface DevAccount {
  sub: string;
  email: string;
  name: string;
  password: string;
  role: Role;
  /** Kommunkoder the account may work in. */
  municipalities: string[];
}

const PASSWORD = 'test';

export const TEST_ACCOUNTS: readonly DevAccount[] = [
  { sub: 'planner-nacka', email: 'planner@nacka.test', name: 'Planerare Nacka', password: PASSWORD, role: 'planner', municipalities: ['0182'] },
  // Lokalpolisområde Nacka covers Nacka and Värmdö (the medborgarlöften documents of both
  // municipalities are signed by LPO Nacka).
  { sub: 'police-nacka', email: 'police@nacka.test', name: 'Polis LPO Nacka', password: PASSWORD, role: 'police', municipalities: ['0182', '0120'] },
  { sub: 'reader-nacka', email: 'reader@nacka.test', name: 'Läsare Nacka', password: PASSWORD, role: 'reader', municipalities: ['0182'] },
  { sub: 'planner-ekero', email: 'planner@ekero.test', name: 'Planerare Ekerö', password: PASSWORD, role: 'planner', municipalities: ['0125'] },
];

const ALLOWED_ENVIRONMENTS = ['development', 'test'];

/** Throws unless NODE_ENV is development or test: a public password must not guard real data. */
export function assertDevEnvironment(nodeEnv: string | undefined): void {
  if (!nodeEnv || !ALLOWED_ENVIRONMENTS.includes(nodeEnv)) {
    throw new Error(
      `Refusing to start the local OpenID Connect provider with its test accounts (password "test") because NODE_ENV is ${nodeEnv ? `"${nodeEnv}"` : 'not set'}; `
      + 'it runs only with NODE_ENV=development or NODE_ENV=test. In production, configure a real identity provider (OIDC_ISSUER).',
    );
  }
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Finds the account for a login; the password comparison takes the same time whether it matches or not. */
export function checkLogin(accounts: readonly DevAccount[], email: string, password: string): DevAccount | undefined {
  const wanted = email.trim().toLowerCase();
  const account = accounts.find((candidate) => candidate.email === wanted);
  const matches = timingSafeEqual(digest(password), digest(account?.password ?? `\0${password}`));
  return account && matches ? account : undefined;
}
