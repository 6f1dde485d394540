// Turns the claims of an already verified access token into the app's user.
// Separate from the signature check so the mapping rules can be tested on plain objects.
import { ROLES } from '../../src/domain/rules/writePermission';
import { AuthError, type AuthUser, type Role } from './types';

export interface ClaimNames {
  /** Claim holding the role: a string, or an array with exactly one of the app's roles in it. */
  roleClaim: string;
  /** Claim holding the municipalities: an array of 4-digit kommunkod strings. */
  municipalitiesClaim: string;
  /** Claim holding the e-mail address. */
  emailClaim: string;
}

const KOMMUNKOD = /^\d{4}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a claim by name. A name that is not a top-level claim but contains dots is read as a
 * path, so nested claims such as Keycloak's `realm_access.roles` can be used as they are, while
 * namespaced claim names that contain dots themselves (`https://example.org/role`) still work.
 */
export function readClaim(payload: Record<string, unknown>, name: string): unknown {
  if (name in payload) return payload[name];
  if (!name.includes('.')) return undefined;
  let current: unknown = payload;
  for (const part of name.split('.')) {
    if (!isRecord(current)) return undefined;
    current = current[part];
  }
  return current;
}

const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

function roleFrom(value: unknown, claim: string): Role {
  if (isRole(value)) return value;
  // IdPs that emit app roles as a list (Azure AD `roles`, Keycloak realm roles) also carry
  // unrelated roles there; exactly one of ours must be present, otherwise the scope is ambiguous.
  if (Array.isArray(value)) {
    const ours = [...new Set(value.filter(isRole))];
    if (ours.length === 1 && ours[0]) return ours[0];
    if (ours.length > 1) {
      throw new AuthError(403, `The token's "${claim}" claim holds more than one role (${ours.join(', ')}); a user must have exactly one of ${ROLES.join(', ')}.`);
    }
  }
  if (value === undefined) {
    throw new AuthError(403, `The token has no "${claim}" claim; the identity provider must send one of ${ROLES.join(', ')}.`);
  }
  throw new AuthError(403, `The token's "${claim}" claim is not a known role; expected one of ${ROLES.join(', ')}.`);
}

function municipalitiesFrom(value: unknown, claim: string): string[] {
  if (value === undefined) {
    throw new AuthError(403, `The token has no "${claim}" claim; the identity provider must send the user's municipality codes.`);
  }
  if (!Array.isArray(value) || !value.every((code) => typeof code === 'string' && KOMMUNKOD.test(code))) {
    throw new AuthError(403, `The token's "${claim}" claim must be a list of 4-digit municipality codes (kommunkod), such as ["0182"].`);
  }
  return [...new Set(value as string[])];
}

/** Maps verified token claims to an AuthUser; throws AuthError(403) when a claim the app needs is missing or wrong. */
export function userFromClaims(payload: Record<string, unknown>, names: ClaimNames): AuthUser {
  const { sub } = payload;
  if (typeof sub !== 'string' || sub === '') {
    throw new AuthError(403, 'The token has no subject ("sub" claim).');
  }
  const email = readClaim(payload, names.emailClaim);
  if (typeof email !== 'string' || email === '') {
    throw new AuthError(403, `The token has no "${names.emailClaim}" claim with the user's e-mail address.`);
  }
  return {
    sub,
    email,
    role: roleFrom(readClaim(payload, names.roleClaim), names.roleClaim),
    municipalities: municipalitiesFrom(readClaim(payload, names.municipalitiesClaim), names.municipalitiesClaim),
  };
}
