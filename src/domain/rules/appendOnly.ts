import type { ChangeSet } from '../changes';
import type { Issue } from '../result';
import { sameRecord } from '../sameRecord';
import type { StatusEntry } from '../statusEntry';
import { text } from '../text';
import { ruleError } from './lookup';

/**
 * Status entries are added, never rewritten: an entry already stored may be written again only
 * unchanged (a retried or replayed change). A correction is a new entry. Removing one stays
 * possible, because undoing "add entry" is removing it; the change log keeps both steps.
 */
export function appendOnlyIssues(change: ChangeSet, stored: ReadonlyMap<string, StatusEntry>): Issue[] {
  const issues: Issue[] = [];
  for (const entry of change.put.statusEntries ?? []) {
    const old = stored.get(entry.id);
    if (old && !sameRecord(old, entry)) issues.push(
        ruleError('append-only', entry.id, text('en statuspost ändras inte i efterhand: lägg till en ny post i stället', 'a status entry is not changed afterwards: add a new entry instead')),
      );
  }
  return issues;
}
