import { ConfirmDialog } from './ConfirmDialog';
import { useI18n } from './i18n';

interface Props {
  open: boolean;
  storedFeatureCount: number;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before the shipped data replaces what the user has stored. */
export function RestoreDialog({ open, storedFeatureCount, onConfirm, onCancel }: Props) {
  const { t } = useI18n();
  return (
    <ConfirmDialog
      open={open}
      title={t.restoreQuestion}
      text={t.restoreExplanation(storedFeatureCount)}
      confirmLabel={t.restoreConfirm}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
