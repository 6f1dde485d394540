import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { mapKeysStrings } from '../strings/mapKeys';
import type { MapAdapter, MapView } from '../../map/adapter';
import { useI18n } from '../i18n';
import { nearestInDirection, nearestTo, readingOrder, type Direction, type ScreenPlace } from './nearestInDirection';

interface Props {
  adapterRef: RefObject<MapAdapter | null>;
  /** The map's view and data: the places in view are read again when either changes. */
  view: MapView | null;
  dataVersion: unknown;
  describe(id: string): { name: string; layer: string } | null;
  onActive(id: string | null): void;
  onOpen(id: string): void;
}

// The listbox names each place it holds; past this many in view, the nearest to the centre.
const MOST_OPTIONS = 300;
const KEYS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/**
 * The places on the map, reachable without a mouse: a listbox over the map whose options are the
 * places in view. The arrow keys move to the nearest place in that direction on screen, Enter opens
 * its panel, Escape lets go. The active place shows its tooltip and outline on the map and is
 * announced (the option's name, and "n of m").
 */
export function FeatureNavigator({ adapterRef, view, dataVersion, describe, onActive, onOpen }: Props) {
  const { language } = useI18n();
  const k = mapKeysStrings(language);
  const id = useId();
  const [focused, setFocused] = useState(false);
  const [shown, setPlaces] = useState<ScreenPlace[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const activeRef = useRef(active);
  activeRef.current = active;

  const read = () => {
    const map = adapterRef.current;
    if (!map) return [];
    const all = map.featuresInView();
    const canvas = document.querySelector('#map .maplibregl-canvas');
    const cx = (canvas?.clientWidth ?? 0) / 2;
    const cy = (canvas?.clientHeight ?? 0) / 2;
    const nearest = all.length > MOST_OPTIONS ? [...all].sort((a, b) => (a.x - cx) ** 2 + (a.y - cy) ** 2 - ((b.x - cx) ** 2 + (b.y - cy) ** 2)).slice(0, MOST_OPTIONS) : all;
    return readingOrder(nearest);
  };
  // While the keyboard is here, the list follows the map (it pans to the active place, the data changes).
  useEffect(() => {
    if (focused) setPlaces(read());
  }, [focused, view, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps

  const activate = (next: string | null) => {
    setActive(next);
    setNotice('');
    onActive(next);
    if (next) adapterRef.current?.ensureVisible(next);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const direction = KEYS[e.key];
    // Read at focus; read again if the map was still drawing then (nothing was placed yet).
    let places = shown;
    if (!places.length && (direction || e.key === 'Home' || e.key === 'End')) {
      places = read();
      setPlaces(places);
    }
    const current = places.find((p) => p.id === activeRef.current) ?? null;
    if (direction) {
      e.preventDefault();
      if (!places.length) return setNotice(k.noneInView);
      const canvas = document.querySelector('#map .maplibregl-canvas');
      const next = current ? nearestInDirection(current, places, direction) : nearestTo((canvas?.clientWidth ?? 0) / 2, (canvas?.clientHeight ?? 0) / 2, places);
      if (next) activate(next.id);
      else setNotice(k.noneThatWay(k.directions[direction]));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      const next = e.key === 'Home' ? places[0] : places[places.length - 1];
      if (next) activate(next.id);
    } else if (e.key === 'Enter' || e.key === ' ') {
      if (!current) return;
      e.preventDefault();
      onOpen(current.id);
    } else if (e.key === 'Escape' && current) {
      e.preventDefault();
      activate(null);
    }
  };

  const places = shown;
  const activeIndex = places.findIndex((p) => p.id === active);
  const activeText = active ? describe(active) : null;
  return (
    <div className="map-keys" data-focused={focused || undefined}>
      <div
        role="listbox"
        tabIndex={0}
        aria-label={k.label}
        aria-describedby={`${id}-help`}
        aria-activedescendant={activeIndex >= 0 ? `${id}-${activeIndex}` : undefined}
        data-testid="map-feature-list"
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          onActive(null);
        }}
        onKeyDown={onKeyDown}
      >
        <span className="map-keys-chip" aria-hidden="true">
          {focused && activeText ? `${activeText.name} · ${k.position(activeIndex + 1, places.length)}` : focused ? k.start(places.length) : k.chip}
        </span>
        {focused &&
          places.map((place, i) => {
            const d = describe(place.id);
            return (
              <div key={place.id} id={`${id}-${i}`} role="option" aria-selected={place.id === active} className="visually-hidden">
                {d ? `${d.name}, ${d.layer}` : place.id}
              </div>
            );
          })}
      </div>
      <p id={`${id}-help`} className="visually-hidden">
        {k.help}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {notice || (focused && activeText ? `${activeText.name}, ${activeText.layer}. ${k.position(activeIndex + 1, places.length)}` : '')}
      </p>
    </div>
  );
}
