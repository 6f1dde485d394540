import { useState } from 'react';
import type { ChangeSet } from '../../domain/changes';
import { draftFromText } from '../../io/draftDocument/draft';
import type { DocumentDraft } from '../../io/draftDocument/types';
import { DraftReview } from './DraftReview';
import { DraftSource } from './DraftSource';

/** A new document from its text: read it (pasted, a text file or a PDF), draft it, review it part by part, save it. */
export function DraftFlow({ municipalities, onSave, onCancel }: { municipalities: readonly { code: string; name: string }[]; onSave(change: ChangeSet): Promise<boolean>; onCancel(): void }) {
  const [read, setRead] = useState<{ text: string; draft: DocumentDraft } | null>(null);
  if (!read)
    return (
      <DraftSource
        onCancel={onCancel}
        onText={({ text, sourceFile }) => setRead({ text, draft: draftFromText(text, { sourceFile, municipalities }) })}
      />
    );
  return <DraftReview draft={read.draft} text={read.text} municipalities={municipalities} onSave={onSave} onCancel={onCancel} />;
}
