import { useEffect, useState } from 'react';
import { z } from 'zod';

const configSchema = z.object({
  basemapStyleUrl: z.string().url().nullable().default(null),
  /** A Nominatim-style search URL with {q} where the query goes; null keeps place search offline. */
  geocoderUrl: z.string().url().includes('{q}').nullable().default(null),
  /** The team server (absolute, or relative to the app: "./" when the server serves the app); null: local only. */
  serverUrl: z.string().min(1).nullable().default(null),
});
const manifestSchema = z.union([
  z.object({ available: z.literal(true), attribution: z.string(), attributions: z.object({ sv: z.string(), en: z.string() }).optional() }),
  z.object({ available: z.literal(false), reason: z.string() }),
]);
const boundsSchema = z.record(
  z.string(),
  z.object({ name: z.string(), bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]) }),
);

export interface RuntimeConfig {
  basemapStyleUrl: string | null;
  geocoderUrl: string | null;
  serverUrl: string | null;
  basemapUrl: string | null;
  /** The offline basemap's credit in each UI language (an older manifest's single credit in both). */
  attribution: { sv: string; en: string } | null;
  municipalityBounds: z.infer<typeof boundsSchema>;
}

/**
 * Reads config.json (a deployment may set an online basemap style there without rebuilding) and
 * the manifest of the offline basemap. Anything missing or malformed falls back to offline defaults.
 */
export function useRuntimeConfig(): RuntimeConfig | null {
  const [config, setConfig] = useState<RuntimeConfig | null>(null);
  useEffect(() => {
    const basemapUrl = new URL('basemap/', document.baseURI).href;
    const getJson = (url: string) => fetch(url).then((r) => (r.ok ? (r.json() as Promise<unknown>) : null)).catch(() => null);
    Promise.all([getJson('config.json'), getJson(`${basemapUrl}manifest.json`), getJson(`${basemapUrl}municipality-bounds.json`)]).then(
      ([rawConfig, rawManifest, rawBounds]) => {
        const parsedConfig = configSchema.safeParse(rawConfig ?? {});
        const manifest = manifestSchema.safeParse(rawManifest);
        const available = manifest.success && manifest.data.available;
        const bounds = boundsSchema.safeParse(rawBounds);
        setConfig({
          basemapStyleUrl: parsedConfig.success ? parsedConfig.data.basemapStyleUrl : null,
          geocoderUrl: parsedConfig.success ? parsedConfig.data.geocoderUrl : null,
          serverUrl: parsedConfig.success ? parsedConfig.data.serverUrl : null,
          basemapUrl: available ? basemapUrl : null,
          attribution: manifest.success && manifest.data.available ? (manifest.data.attributions ?? { sv: manifest.data.attribution, en: manifest.data.attribution }) : null,
          municipalityBounds: bounds.success ? bounds.data : {},
        });
      },
    );
  }, []);
  return config;
}
