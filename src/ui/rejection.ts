import { ChangeRejected } from '../data/history';
import type { Dictionary } from './strings/sv';

/** A refused write in the UI language: each record with why (Swedish keeps the rule's own detail). */
export function rejectionText(error: unknown, t: Dictionary): string {
  if (error instanceof ChangeRejected) {
    const shown = error.issues.slice(0, 5).map((issue) => {
      const translated = t.ruleMessages[issue.code];
      return `${issue.subject}: ${translated ? `${translated} (${issue.message})` : issue.message}`;
    });
    return error.issues.length > 5 ? `${shown.join('; ')} …(+${error.issues.length - 5})` : shown.join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}
