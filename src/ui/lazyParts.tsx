import { lazy } from 'react';
import { loadDictionary } from './i18n';

/**
 * The parts of the app that are not needed to show the map, the table and the filters: loaded
 * apart from the page's first JavaScript (issue 12: at most 500 kB gzip, MapLibre included), and
 * then all fetched once the app is ready and idle (preloadParts), so a tab, a form or a report
 * opens at once later, and still opens when the network has gone in the meantime (an offline edit).
 */
const loaders = {
  planner: () => import('./views/PlannerView'),
  patrol: () => import('./views/PatrolView'),
  nearMe: () => import('./views/NearMeView'),
  areaIndex: () => import('./areaIndex/AreaIndexView'),
  report: () => import('./report/FollowUpReport'),
  importPanel: () => import('./importing/ImportPanel'),
  exportPanel: () => import('./exporting/ExportPanel'),
  featureForm: () => import('./editing/FeatureForm'),
  featurePanel: () => import('./FeaturePanel'),
  promiseTree: () => import('./PromiseTree'),
  draftFlow: () => import('./drafting/DraftFlow'),
  reportsPanel: () => import('./team/ReportsPanel'),
  featureNavigator: () => import('./map/FeatureNavigator'),
  // Only a signed-in team member meets these.
  conflicts: () => import('./ConflictPanel'),
  joinDialog: () => import('./JoinDialog'),
  // The table's CSV and GeoJSON export (with Turf's point on a feature).
  exportRows: () => import('../io/exportRows'),
  staleDialog: () => import('./StaleDialog'),
  // The other language's strings too, so a switch is instant.
  english: () => loadDictionary('en'),
};

export const PlannerView = lazy(() => loaders.planner().then((m) => ({ default: m.PlannerView })));
export const PatrolView = lazy(() => loaders.patrol().then((m) => ({ default: m.PatrolView })));
export const NearMeView = lazy(() => loaders.nearMe().then((m) => ({ default: m.NearMeView })));
export const AreaIndexView = lazy(() => loaders.areaIndex().then((m) => ({ default: m.AreaIndexView })));
export const FollowUpReport = lazy(() => loaders.report().then((m) => ({ default: m.FollowUpReport })));
export const ImportPanel = lazy(() => loaders.importPanel().then((m) => ({ default: m.ImportPanel })));
export const ExportPanel = lazy(() => loaders.exportPanel().then((m) => ({ default: m.ExportPanel })));
export const FeaturePanel = lazy(() => loaders.featurePanel().then((m) => ({ default: m.FeaturePanel })));
export const FeatureForm = lazy(() => loaders.featureForm().then((m) => ({ default: m.FeatureForm })));
export const PromiseTree = lazy(() => loaders.promiseTree().then((m) => ({ default: m.PromiseTree })));
export const ReportsPanel = lazy(() => loaders.reportsPanel().then((m) => ({ default: m.ReportsPanel })));
export const FeatureNavigator = lazy(() => loaders.featureNavigator().then((m) => ({ default: m.FeatureNavigator })));
export const ConflictPanel = lazy(() => loaders.conflicts().then((m) => ({ default: m.ConflictPanel })));
export const RejectedPanel = lazy(() => loaders.conflicts().then((m) => ({ default: m.RejectedPanel })));
export const StaleDialog = lazy(() => loaders.staleDialog().then((m) => ({ default: m.StaleDialog })));
/** The export functions, fetched when first used (or by preloadParts before). */
export const loadExportRows = () => loaders.exportRows();
export const JoinDialog = lazy(() => loaders.joinDialog().then((m) => ({ default: m.JoinDialog })));
export const DraftFlow = lazy(() => loaders.draftFlow().then((m) => ({ default: m.DraftFlow })));

let preloaded = false;
/** Fetches every part in the background, once (a failure is harmless: the part then loads when opened). */
export function preloadParts(): void {
  if (preloaded) return;
  preloaded = true;
  for (const load of Object.values(loaders)) void load().catch(() => {});
}
