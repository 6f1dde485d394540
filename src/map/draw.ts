import type { Map as MapLibreMap } from 'maplibre-gl';
import type { GeoJSONStoreFeatures, TerraDraw } from 'terra-draw';
import type { SupportedGeometry } from '../domain/geometry';

/**
 * terra-draw is loaded when drawing starts (and ahead of that, once the map is idle: see
 * preloadDrawing), not with the page: most visits never draw.
 */
let drawModules: Promise<[typeof import('terra-draw'), typeof import('terra-draw-maplibre-gl-adapter')]> | null = null;
export function preloadDrawing(): Promise<[typeof import('terra-draw'), typeof import('terra-draw-maplibre-gl-adapter')]> {
  drawModules ??= Promise.all([import('terra-draw'), import('terra-draw-maplibre-gl-adapter')]);
  return drawModules;
}

export type DrawableType = 'Point' | 'LineString' | 'Polygon';

const MODE_OF: Record<DrawableType, string> = { Point: 'point', LineString: 'linestring', Polygon: 'polygon' };
const DRAFT_ID = 'draft';
const EDIT_FLAGS = { feature: { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true } } };

/**
 * terra-draw behind our adapter: drawing a new geometry and reshaping an existing one. It is
 * started only while the user draws, so the map's own click-to-select works the rest of the time.
 */
export class Drafting {
  private draw: TerraDraw | null = null;
  /** Counts starts and stops, so a start still loading when the user stops (or starts again) does nothing. */
  private generation = 0;

  constructor(private readonly map: MapLibreMap) {}

  get active(): boolean {
    return this.draw !== null;
  }

  /** Lets the user draw one geometry; `onFinish` gets it in WGS 84 when it is complete. */
  async startDrawing(type: DrawableType, onFinish: (geometry: SupportedGeometry) => void): Promise<void> {
    const draw = await this.start();
    if (!draw) return;
    draw.setMode(MODE_OF[type]);
    draw.on('finish', (id) => {
      const feature = draw.getSnapshotFeature(id);
      if (feature) onFinish(feature.geometry as SupportedGeometry);
    });
  }

  /** Puts a geometry up for editing: drag it, drag its vertices, add a vertex at a midpoint. */
  async startReshaping(geometry: SupportedGeometry): Promise<boolean> {
    if (geometry.type !== 'Point' && geometry.type !== 'LineString' && geometry.type !== 'Polygon') return false;
    const draw = await this.start();
    if (!draw) return false;
    const feature = {
      type: 'Feature',
      id: DRAFT_ID,
      geometry,
      properties: { mode: MODE_OF[geometry.type] },
    } as unknown as GeoJSONStoreFeatures;
    const [validation] = draw.addFeatures([feature]);
    if (!validation?.valid) {
      this.stop();
      return false;
    }
    draw.setMode('select');
    draw.selectFeature(DRAFT_ID);
    return true;
  }

  /** The geometry being reshaped, as it is now. */
  currentGeometry(): SupportedGeometry | null {
    return (this.draw?.getSnapshotFeature(DRAFT_ID)?.geometry as SupportedGeometry | undefined) ?? null;
  }

  stop(): void {
    this.generation++;
    if (!this.draw) return;
    this.draw.stop();
    this.draw = null;
  }

  private async start(): Promise<TerraDraw | null> {
    this.stop();
    const generation = this.generation;
    const [{ TerraDraw, TerraDrawLineStringMode, TerraDrawPointMode, TerraDrawPolygonMode, TerraDrawSelectMode }, { TerraDrawMapLibreGLAdapter }] = await preloadDrawing();
    // Stopped, or started again, while terra-draw was loading: this start is void.
    if (generation !== this.generation) return null;
    const flags = { point: EDIT_FLAGS, linestring: EDIT_FLAGS, polygon: EDIT_FLAGS };
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map }),
      idStrategy: { isValidId: (id) => typeof id === 'string' || typeof id === 'number', getId: (() => { let n = 0; return () => `d${++n}`; })() },
      modes: [
        new TerraDrawPointMode({ editable: true }),
        new TerraDrawLineStringMode({ editable: true }),
        new TerraDrawPolygonMode({ editable: true }),
        new TerraDrawSelectMode({ flags }),
      ],
    });
    draw.start();
    this.draw = draw;
    return draw;
  }
}
