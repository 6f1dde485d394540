import { useMemo } from 'react';
import { fitFrame, scaleBar, spreadMarkers, type ScreenPoint, type SheetFrame } from '../../../analysis/patrolSheet';
import type { SheetArea, SheetBasemap } from './useSheetBasemap';

interface Props {
  /** The listed places' points (WGS 84 lon, lat), in list order: place i gets number i + 1. */
  points: readonly (readonly [number, number])[];
  basemap: SheetBasemap;
  title: string;
  scaleLabel(metres: number): string;
}

export const SHEET_WIDTH = 720;
export const SHEET_HEIGHT = 460;
/** A marker's diameter: big enough to read a two-digit number on paper (about 6 mm at 18 cm wide). */
export const MARKER_SIZE = 24;
const LABEL_FONT = 11;

const intersects = (a: readonly number[], b: readonly number[]) => a[0]! <= b[2]! && a[2]! >= b[0]! && a[1]! <= b[3]! && a[3]! >= b[1]!;

function pathOf(area: SheetArea, frame: SheetFrame): string {
  const parts: string[] = [];
  for (const polygon of area.polygons)
    for (const ring of polygon) {
      let last: ScreenPoint | null = null;
      const points: string[] = [];
      for (const position of ring) {
        const [lon, lat] = position;
        if (typeof lon !== 'number' || typeof lat !== 'number') continue;
        const p = frame.project(lon, lat);
        // Vertices closer than half a unit add bytes, not detail.
        if (last && Math.abs(p.x - last.x) < 0.5 && Math.abs(p.y - last.y) < 0.5) continue;
        points.push(`${p.x.toFixed(1)},${p.y.toFixed(1)}`);
        last = p;
      }
      if (points.length > 2) parts.push(`M${points.join('L')}Z`);
    }
  return parts.join('');
}

/**
 * The printed sheet's map as plain SVG (as the follow-up report's): it prints sharply with no
 * WebGL, tiles or network, and shows exactly the area of the listed places. Municipality borders,
 * water and place names come from the offline basemap when it is there. The numbers are spread
 * so that none covers another (spreadMarkers), with a leader line to a moved number's place.
 */
export function PatrolSheetMap({ points, basemap, title, scaleLabel }: Props) {
  const drawn = useMemo(() => {
    if (!points.length) return null;
    const frame = fitFrame(points, { width: SHEET_WIDTH, height: SHEET_HEIGHT, pad: MARKER_SIZE * 1.5, minSpanMetres: 1500 });
    const anchors = points.map(([lon, lat]) => frame.project(lon, lat));
    const markers = spreadMarkers(anchors, { size: MARKER_SIZE, width: SHEET_WIDTH, height: SHEET_HEIGHT, gap: 3 });
    const near = (area: SheetArea) => intersects(area.bounds, frame.bounds);
    const water = basemap.water.filter(near).map((area) => pathOf(area, frame));
    const municipalities = basemap.municipalities.filter(near).map((m) => ({ code: m.code, d: pathOf(m, frame) }));
    // Place names where they cover no number and no other name, so the numbers stay readable.
    const taken: { x: number; y: number; w: number; h: number }[] = markers.map((m) => ({ x: m.x - MARKER_SIZE / 2, y: m.y - MARKER_SIZE / 2, w: MARKER_SIZE, h: MARKER_SIZE }));
    const free = (b: { x: number; y: number; w: number; h: number }) => taken.every((o) => b.x + b.w < o.x || o.x + o.w < b.x || b.y + b.h < o.y || o.y + o.h < b.y);
    const labels = basemap.localities.flatMap((locality) => {
      const p = frame.project(locality.point[0], locality.point[1]);
      const box = { x: p.x - 3, y: p.y - LABEL_FONT, w: 10 + locality.name.length * LABEL_FONT * 0.6, h: LABEL_FONT + 4 };
      if (box.x < 0 || box.y < 0 || box.x + box.w > SHEET_WIDTH || box.y + box.h > SHEET_HEIGHT || !free(box)) return [];
      taken.push(box);
      return [{ name: locality.name, ...p }];
    });
    const bar = scaleBar(frame.metresPerUnit, 140);
    return { anchors, markers, water, municipalities, labels, bar };
  }, [points, basemap]);
  if (!drawn) return null;
  const { anchors, markers, water, municipalities, labels, bar } = drawn;

  return (
    <svg className="patrol-sheet-map" viewBox={`0 0 ${SHEET_WIDTH} ${SHEET_HEIGHT}`} role="img" aria-label={title} data-testid="patrol-sheet-map">
      <rect width={SHEET_WIDTH} height={SHEET_HEIGHT} fill="#f4f1ea" />
      {water.map((d, i) => (
        <path key={`w${i}`} d={d} fill="#cfe0ee" stroke="none" fillRule="evenodd" />
      ))}
      {municipalities.map((m) => (
        <path key={m.code} d={m.d} fill="none" stroke="#6b6b6b" strokeWidth={1.2} strokeDasharray="6 3" />
      ))}
      {labels.map((label) => (
        <g key={`${label.name}-${label.x}`} className="sheet-locality">
          <circle cx={label.x} cy={label.y} r={2} fill="#555" />
          <text x={label.x + 5} y={label.y + 1} fontSize={LABEL_FONT} fill="#333" fontStyle="italic">
            {label.name}
          </text>
        </g>
      ))}
      {markers.map((m, i) =>
        m.moved ? (
          <g key={`l${i}`}>
            <line x1={anchors[i]!.x} y1={anchors[i]!.y} x2={m.x} y2={m.y} stroke="#1a1a1a" strokeWidth={1.2} />
            <circle cx={anchors[i]!.x} cy={anchors[i]!.y} r={3} fill="#1a1a1a" stroke="#fff" strokeWidth={1} />
          </g>
        ) : null,
      )}
      {markers.map((m, i) => (
        <g key={`m${i}`} className="sheet-marker" data-number={i + 1}>
          <circle cx={m.x} cy={m.y} r={MARKER_SIZE / 2 - 1} fill="#1a1a1a" stroke="#fff" strokeWidth={2} />
          <text x={m.x} y={m.y + 4.5} textAnchor="middle" fontSize={13} fontWeight="bold" fill="#fff">
            {i + 1}
          </text>
        </g>
      ))}
      <g transform={`translate(12 ${SHEET_HEIGHT - 14})`}>
        <rect x={-4} y={-16} width={bar.units + 70} height={22} fill="#fff" fillOpacity={0.85} />
        <line x1={0} y1={0} x2={bar.units} y2={0} stroke="#1a1a1a" strokeWidth={3} />
        <text x={bar.units + 6} y={4} fontSize={11} fill="#1a1a1a">
          {scaleLabel(bar.metres)}
        </text>
      </g>
      <text x={SHEET_WIDTH - 14} y={22} textAnchor="end" fontSize={13} fontWeight="bold" fill="#1a1a1a">
        N ↑
      </text>
      <rect width={SHEET_WIDTH} height={SHEET_HEIGHT} fill="none" stroke="#1a1a1a" strokeWidth={1} />
    </svg>
  );
}

