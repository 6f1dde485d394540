import { LAYER_GEOMETRY, type LayerKind } from '../../domain/layers';
import type { ImportAdvice as Advice, ReasonCount } from '../../io/importAdvice';
import { REJECT_TEXTS } from '../../io/importTypes';
import { useI18n } from '../i18n';
import { importStrings } from './strings';

interface Props {
  advice: readonly Advice[];
  onLayer(layer: LayerKind): void;
}

/** Why the counts are what they are, and what the user can do, in the UI language. */
export function ImportAdvice({ advice, onLayer }: Props) {
  const { t, language } = useI18n();
  const imp = importStrings(language);
  const a = imp.advice;
  if (!advice.length) return null;
  const list = (types: readonly string[]) => [...new Set(types.map((g) => imp.geometryNames[g] ?? g))].join(imp.and);
  const reasons = (counts: readonly ReasonCount[]) => (
    <ul>
      {counts.map(({ reason, count }) => (
        <li key={reason}>{a.reasonCount(REJECT_TEXTS[reason][language], count)}</li>
      ))}
    </ul>
  );
  const switches = (layers: readonly LayerKind[]) => (
    <div className="dialog-actions advice-actions">
      {layers.map((layer) => (
        <button key={layer} type="button" onClick={() => onLayer(layer)}>
          {a.switchTo(t.layerNames[layer])}
        </button>
      ))}
    </div>
  );

  const render = (item: Advice) => {
    switch (item.code) {
      case 'locator-unavailable':
        return <p className="warning">{a.locatorUnavailable}</p>;
      case 'app-export':
        return <p>{a.appExport(item.count, item.replaced)}</p>;
      case 'nothing-valid':
        return (
          <p className="warning">
            {a.nothingValid(item.rejected)} {item.reason && a.commonReason(REJECT_TEXTS[item.reason][language])}{' '}
            {item.hint === 'crs' && a.hintCrs}
            {item.hint === 'columns' && a.hintColumns}
          </p>
        );
      case 'walk-needs-line':
        return (
          <>
            <p className="warning">{a.walkNeedsLine(item.waypoints)}</p>
            {switches(item.alternatives)}
          </>
        );
      case 'layer-takes-none':
        return (
          <>
            <p className="warning">{a.layerTakesNone(t.layerNames[item.layer], item.skipped, list(item.types), list(LAYER_GEOMETRY[item.layer]))}</p>
            {switches(item.alternatives)}
          </>
        );
      case 'none-importable':
        return (
          <div className="warning">
            {a.noneImportable(item.skipped)}
            {reasons(item.reasons)}
          </div>
        );
      case 'some-skipped':
        return (
          <div>
            {a.someSkipped(item.skipped)}
            {reasons(item.reasons)}
          </div>
        );
      case 'waypoints-as-findings':
        return <p>{a.waypointsAsFindings(item.waypoints)}</p>;
      case 'waypoints-as-points':
        return <p>{a.waypointsAsPoints(item.waypoints, t.layerNames[item.layer])}</p>;
      case 'all-left-out':
        return <p className="warning">{a.allLeftOut(item.count)}</p>;
      case 'choose-activity':
        return <p>{a.chooseActivity}</p>;
      case 'attributes-trimmed':
        return <p className="muted">{a.attributesTrimmed}</p>;
    }
  };
  return (
    <div className="import-advice" aria-live="polite" data-testid="import-advice">
      {advice.map((item) => (
        <div key={item.code}>{render(item)}</div>
      ))}
    </div>
  );
}
