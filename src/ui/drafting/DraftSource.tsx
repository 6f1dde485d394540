import { useId, useState } from 'react';
import { isText } from '../../domain/text';
import { useI18n, type Language } from '../i18n';
import { useDraftingStrings, type DraftingStrings } from '../strings/drafting';

export interface DraftInput {
  text: string;
  sourceFile: string;
}

const MAX_FILE_BYTES = 30 * 1024 * 1024;

/**
 * Where a draft starts: the text of a medborgarlöfte pasted in, or a file (plain text or PDF).
 * pdf.js is loaded only when a PDF is chosen. A file that cannot be read says why and leaves
 * everything as it was.
 */
export function DraftSource({ onText, onCancel }: { onText(input: DraftInput): void; onCancel(): void }) {
  const { t, language } = useI18n();
  const drafting = useDraftingStrings();
  const id = useId();
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  // Worded when shown, so the message follows a language switch.
  const [error, setError] = useState<((d: DraftingStrings, language: Language) => string) | null>(null);
  const [reading, setReading] = useState(false);

  const readFile = async (file: File) => {
    setError(null);
    if (file.size > MAX_FILE_BYTES) return setError(() => (d: DraftingStrings) => d.tooLarge);
    setReading(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const isPdf = file.name.toLowerCase().endsWith('.pdf') || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46);
      // Loaded here, not with the page: pdf.js is about a megabyte.
      const content = isPdf ? await (await import('../../io/draftDocument/readPdfText')).readPdfText(bytes) : new TextDecoder('utf-8').decode(bytes);
      if (!content.trim()) return setError(() => (d: DraftingStrings) => (isPdf ? d.noTextInPdf : d.empty));
      onText({ text: content, sourceFile: file.name });
    } catch (e) {
      // A PdfReadError says why in both languages; anything else has only its own message.
      const reason = e instanceof Error && 'text' in e && isText(e.text) ? e.text : null;
      const message = e instanceof Error ? e.message : String(e);
      setError(() => (d: DraftingStrings, l: Language) => d.unreadable(reason ? reason[l] : message));
    } finally {
      setReading(false);
    }
  };

  return (
    <div className="activity-form" data-testid="draft-source">
      <h3>{drafting.title}</h3>
      <p className="muted">{drafting.intro}</p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{drafting.file}</label>
        <input id={`${id}-file`} type="file" accept=".txt,.pdf,text/plain,application/pdf" onChange={(e) => e.currentTarget.files?.[0] && void readFile(e.currentTarget.files[0])} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{drafting.paste}</label>
        <textarea id={`${id}-text`} value={text} rows={8} onChange={(e) => setText(e.currentTarget.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>{drafting.pastedSource}</label>
        <input id={`${id}-name`} value={name} maxLength={300} onChange={(e) => setName(e.currentTarget.value)} />
      </div>
      {reading && <p role="status">{drafting.reading}</p>}
      {error && (
        <p role="alert" className="form-error">
          {error(drafting, language)}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {t.edit.cancel}
        </button>
        <button type="button" className="primary" disabled={reading} onClick={() => (text.trim() ? onText({ text, sourceFile: name.trim() || drafting.pastedName }) : setError(() => (d: DraftingStrings) => d.empty))}>
          {drafting.makeDraft}
        </button>
      </div>
    </div>
  );
}
