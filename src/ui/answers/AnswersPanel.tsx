import { useId } from 'react';
import { ANSWER_REJECT_TEXTS } from '../../io/answers/answerRows';
import { formatNumber, useI18n } from '../i18n';
import type { Answers } from './useAnswers';

/**
 * Survey answers as their own data: import a file of individual marks (CSV or GeoJSON points),
 * see it read with progress and cancel it, and the sets stored in this browser. The answers then
 * count in the density above, cell by cell.
 */
export function AnswersPanel({ answers }: { answers: Answers }) {
  const { t, language } = useI18n();
  const id = useId();
  const state = answers.importing;
  const n = (value: number) => formatNumber(value, language);
  return (
    <section aria-labelledby={`${id}-title`} className="answers-panel" data-testid="answers-panel">
      <h3 id={`${id}-title`}>{t.answers.title}</h3>
      <p className="muted">{t.answers.intro}</p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t.answers.file}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.txt,.geojson,.json"
          disabled={state.kind === 'reading'}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void answers.importFile(file);
          }}
        />
      </div>
      {state.kind === 'reading' && (
        <div role="status">
          <label htmlFor={`${id}-progress`}>{t.answers.reading(state.fileName, n(state.progress.accepted), n(state.progress.rejected))}</label>
          <progress id={`${id}-progress`} max={1} value={state.progress.fraction} />
          <button type="button" onClick={state.cancel}>
            {t.answers.cancel}
          </button>
        </div>
      )}
      {state.kind === 'done' && (
        <div role="status" data-testid="answers-result">
          <p>{t.answers.imported(state.fileName, n(state.result.accepted), n(state.result.rejectedTotal))}</p>
          {state.result.rejected.length > 0 && (
            <ul className="rejected">
              {state.result.rejected.slice(0, 5).map((r) => (
                <li key={r.index}>{t.answers.rejectedLine(r.index, ANSWER_REJECT_TEXTS[r.reason][language], r.detail[language])}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.kind === 'failed' && (
        <p role="alert">{t.answers.failed(state.fileName, state.message[language])}</p>
      )}
      <p data-testid="answers-count">{t.answers.held(n(answers.count))}</p>
      {answers.count > 0 && (
        <label className="check">
          <input type="checkbox" checked={answers.visible} onChange={(e) => answers.setVisible(e.currentTarget.checked)} /> {t.answers.showOnMap}
        </label>
      )}
      {answers.sets.length > 0 && (
        <ul className="answer-sets">
          {answers.sets.map((set) => (
            <li key={set.id}>
              {set.fileName}: {t.answers.setCount(n(set.count))}{' '}
              <button type="button" onClick={() => void answers.remove(set.id)} aria-label={t.answers.removeSet(set.fileName)}>
                {t.answers.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
