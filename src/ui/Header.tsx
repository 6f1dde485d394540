import { useId, useState } from 'react';
import { restoreShippedData } from '../data/seed';
import { SHIPPED_DATASET_VERSION, shippedDataset } from '../data/shipped';
import type { FacetOption } from './FilterPanel';
import { useI18n, type Language } from './i18n';
import { RestoreDialog } from './RestoreDialog';
import { getDatabase } from '../data/store';
import type { StorageState } from './useStoredData';
import { TeamStatus } from './TeamStatus';
import type { TeamState } from './useTeamSync';

interface Props {
  municipalities: FacetOption[];
  onMunicipality(code: string): void;
  language: Language;
  onLanguage(language: Language): void;
  storage: StorageState;
  storedFeatureCount: number;
  onStatus(message: string): void;
  onRestored(): void;
  team: TeamState;
}

export function Header(props: Props) {
  const { t } = useI18n();
  const pickerId = useId();
  const languageId = useId();
  const [municipality, setMunicipality] = useState('');
  const [restoreOpen, setRestoreOpen] = useState(false);

  const restore = async () => {
    setRestoreOpen(false);
    if (!shippedDataset.ok) return props.onStatus(t.datasetInvalid);
    try {
      await restoreShippedData(getDatabase(), shippedDataset.value, SHIPPED_DATASET_VERSION);
      props.onRestored();
      props.onStatus(t.restored);
    } catch (error) {
      props.onStatus(t.restoreFailed(error instanceof Error ? error.message : String(error)));
    }
  };

  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t.appTitle}</h1>
        <p>{t.appTagline}</p>
      </div>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={pickerId}>{t.goToMunicipality}</label>
          <select
            id={pickerId}
            value={municipality}
            onChange={(e) => {
              setMunicipality(e.currentTarget.value);
              props.onMunicipality(e.currentTarget.value);
            }}
          >
            <option value="">{t.allMunicipalities}</option>
            {props.municipalities.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={languageId}>{t.language}</label>
          <select id={languageId} value={props.language} onChange={(e) => props.onLanguage(e.currentTarget.value as Language)}>
            <option value="sv" lang="sv">
              Svenska
            </option>
            <option value="en" lang="en">
              English
            </option>
          </select>
        </div>
        <TeamStatus team={props.team} />
        <button type="button" onClick={() => setRestoreOpen(true)} disabled={props.storage.kind !== 'ready'}>
          {t.restore}
        </button>
      </div>
      <RestoreDialog open={restoreOpen} storedFeatureCount={props.storedFeatureCount} onConfirm={restore} onCancel={() => setRestoreOpen(false)} />
    </header>
  );
}
