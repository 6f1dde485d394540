/**
 * The address the app was opened at, read when the page starts: the app's URL state rewrites the
 * query string on its first render, before the provider's ?code=…&state=… could be read, and the
 * sign-in code (auth.ts) loads later, only for a team deployment. Imported eagerly by useTeamSync.
 */
export const openedAt = typeof window === 'undefined' ? null : window.location.href;
