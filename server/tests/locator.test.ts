import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASEMAP_DIR, loadMunicipalityLocator } from '../locator';

describe('the server municipality locator', () => {
  it.skipIf(!existsSync(join(BASEMAP_DIR, 'municipalities.geojson')))('reads the polygons the build writes, as the browser does', () => {
    const locator = loadMunicipalityLocator();
    expect(locator).not.toBeNull();
    expect(locator?.locatePosition(18.1639, 59.3108)?.code).toBe('0182'); // Nacka
    expect(locator?.locatePosition(12.5683, 55.6761)).toBeNull(); // Copenhagen
  });

  it('is null, with a line saying why, for a folder without the polygons', () => {
    const lines: string[] = [];
    expect(loadMunicipalityLocator('/nonexistent', (line) => lines.push(line))).toBeNull();
    expect(lines.join('\n')).toMatch(/No municipality polygons in \/nonexistent/);
  });
});
