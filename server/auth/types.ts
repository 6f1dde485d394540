import type { Role } from '../../src/domain/rules/writePermission';

/** The roles are the domain's (src/domain/rules/writePermission.ts): one list for browser and server. */
export type { Role };

/** Who a verified access token says the caller is. */
export interface AuthUser {
  sub: string;
  email: string;
  role: Role;
  municipalities: string[];
}

/** 401: no valid sign-in; 403: signed in, but not allowed. */
export class AuthError extends Error {
  constructor(
    readonly statusCode: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}
