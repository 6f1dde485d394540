import { useI18n } from '../i18n';
import type { EditorState } from './useEditor';

interface Props {
  editor: EditorState;
  undoLabel: string | null;
  redoLabel: string | null;
  onNew(): void;
  onImport(): void;
  onExport(): void;
  /** Planners signed in to a team server: the citizens' reports and Publish. */
  onReports?(): void;
  onUndo(): void;
  onRedo(): void;
  onCancel(): void;
  onSaveShape(): void;
  disabled: boolean;
}

/** The planner's tools above the map, and the instructions while drawing or reshaping. */
export function EditingToolbar(props: Props) {
  const { t } = useI18n();
  const { editor } = props;
  return (
    <div className="edit-toolbar" role="toolbar" aria-label={t.edit.toolbar}>
      <button type="button" onClick={props.onNew} disabled={props.disabled || editor.kind !== 'idle'}>
        {t.edit.newPlace}
      </button>
      <button type="button" onClick={props.onImport} disabled={props.disabled || editor.kind !== 'idle'}>
        {t.edit.importFile}
      </button>
      <button type="button" onClick={props.onExport} disabled={props.disabled || editor.kind !== 'idle'}>
        {t.exp.toolbarButton}
      </button>
      {props.onReports && (
        <button type="button" onClick={props.onReports} disabled={props.disabled || editor.kind !== 'idle'}>
          {t.reportsOpen}
        </button>
      )}
      <button type="button" onClick={props.onUndo} disabled={!props.undoLabel} title={props.undoLabel ? t.edit.undo(props.undoLabel) : undefined}>
        {props.undoLabel ? t.edit.undo(props.undoLabel) : t.edit.nothingToUndo}
      </button>
      <button type="button" onClick={props.onRedo} disabled={!props.redoLabel}>
        {props.redoLabel ? t.edit.redo(props.redoLabel) : t.edit.nothingToRedo}
      </button>
      {(editor.kind === 'drawing' || editor.kind === 'reshaping') && (
        <div className="draw-banner" role="status">
          <span>{editor.kind === 'drawing' ? t.edit.drawingHelp[editor.type] : t.edit.reshapeHelp}</span>
          {editor.kind === 'reshaping' && (
            <button type="button" className="primary" onClick={props.onSaveShape}>
              {t.edit.saveShape}
            </button>
          )}
          <button type="button" onClick={props.onCancel}>
            {t.edit.cancel}
          </button>
        </div>
      )}
    </div>
  );
}
