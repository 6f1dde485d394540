import { useEffect, useState } from 'react';
import { formatNumber, useI18n } from '../i18n';
import type { Answers } from './useAnswers';

interface Props {
  point: readonly [number, number];
  answers: Pick<Answers, 'count' | 'countsAt'>;
}

/** The individual survey answers that are an unsafe place's evidence: those in its H3 cell, counted in the worker. */
export function PlaceAnswers({ point, answers }: Props) {
  const { t, language } = useI18n();
  const [count, setCount] = useState<number | null>(null);
  const [lon, lat] = point;
  useEffect(() => {
    let live = true;
    answers
      .countsAt([[lon, lat]], {})
      .then((counts) => live && setCount(counts ? (counts[0] ?? 0) : null))
      .catch(() => live && setCount(null));
    return () => {
      live = false;
    };
  }, [lon, lat, answers.count]); // eslint-disable-line react-hooks/exhaustive-deps
  if (count === null) return null;
  return (
    <p className="place-answers" data-testid="place-answers">
      {t.answers.inCell(count, formatNumber(count, language))}
    </p>
  );
}
