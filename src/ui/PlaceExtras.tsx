import type { FeatureAttributes } from '../domain/attributes';
import type { Finding } from '../domain/findings';
import { useI18n } from './i18n';

/** A walk's findings as a list; those with a position (GPX waypoints) say where. Text only, never HTML. */
export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  const { t, language } = useI18n();
  if (!findings.length) return <>{t.notGiven}</>;
  // Five decimals is about a metre: what a GPS waypoint can tell.
  const format = new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 5 });
  const degrees = (n: number) => format.format(n);
  return (
    <ul className="findings">
      {findings.map((finding, i) => (
        <li key={`${i}-${finding.text}`}>
          {finding.text}
          {finding.point && <span className="muted"> ({t.findingAt(degrees(finding.point[1]), degrees(finding.point[0]))})</span>}
        </li>
      ))}
    </ul>
  );
}

/** The imported file's own properties, as the file named them. Values are shown as text, never as HTML or links. */
export function AttributesSection({ attributes }: { attributes: FeatureAttributes }) {
  const { t } = useI18n();
  const entries = Object.entries(attributes);
  if (!entries.length) return null;
  return (
    <section aria-labelledby="panel-attributes">
      <h3 id="panel-attributes">{t.attributesTitle}</h3>
      <dl className="attributes">
        {entries.map(([key, value]) => (
          <div className="row" key={key}>
            <dt>{key}</dt>
            <dd>{value === null || value === '' ? t.notGiven : typeof value === 'boolean' ? (value ? t.yes : t.no) : String(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
