import { ChangeRejected } from '../data/history';
import { isText, type Language } from '../domain/text';
import type { Dictionary } from './strings/sv';

/**
 * A refused write in the UI language: each record with why. The rules word their issues in both
 * languages (issue.text); an issue without (from an older server, or zod's own) falls back to the
 * rule's name in the dictionary, and to its Swedish message only when there is nothing else.
 */
export function rejectionText(error: unknown, t: Dictionary, language: Language): string {
  if (error instanceof ChangeRejected) {
    const shown = error.issues.slice(0, 5).map((issue) => {
      // From the server's JSON or a stored queue entry: checked, not trusted to be a Text.
      const both = isText(issue.text) ? issue.text : null;
      const why = both ? both[language] : language === 'sv' ? issue.message : (t.ruleMessages[issue.code] ?? issue.message);
      return `${issue.subject}: ${why}`;
    });
    return error.issues.length > 5 ? `${shown.join('; ')} …(+${error.issues.length - 5})` : shown.join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}
