import { gunzipSync, gzipSync } from 'fflate';
import { bytesToHeader, readVarint, tileIdToZxy, zxyToTileId } from 'pmtiles';

/**
 * A PMTiles v3 archive written by hand (the `pmtiles` package only reads them), per the spec
 * (github.com/protomaps/PMTiles, spec/v3/spec.md): a 127-byte header, the root directory, the JSON
 * metadata, the leaf directories, then the tile data in tile-id (Hilbert) order. Directories and
 * tiles are gzip-compressed; the root directory stays under 16 KiB with its header, so a reader's
 * first request of 16 KiB holds both, and a large archive gets leaf directories.
 */
export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  /** The tile's bytes, uncompressed (an MVT); the writer gzips them. */
  data: Uint8Array;
}

export interface ArchiveInfo {
  /** [west, south, east, north] in degrees. */
  bounds: readonly [number, number, number, number];
  center: readonly [number, number, number];
  metadata: Record<string, unknown>;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_BYTES = 127;
const ROOT_LIMIT = 16_384 - HEADER_BYTES;
const GZIP = 2;
const MVT = 1;

export function writePmtiles(tiles: readonly ArchiveTile[], info: ArchiveInfo): Uint8Array {
  const sorted = tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), z: t.z, data: t.data })).sort((a, b) => a.id - b.id);
  const chunks: Uint8Array[] = [];
  const entries: Entry[] = [];
  // Identical tiles (open sea, the same cell seen twice) are stored once; consecutive ones as one run.
  const seen = new Map<string, { offset: number; length: number; bytes: Uint8Array }>();
  let offset = 0;
  for (const tile of sorted) {
    if (entries.length && entries[entries.length - 1]!.tileId === tile.id) throw new Error(`tile ${tile.id} given twice`);
    const bytes = gzipSync(tile.data, { level: 6, mtime: 0 });
    const key = hashKey(bytes);
    let place = seen.get(key);
    if (!place || !sameBytes(place.bytes, bytes)) {
      place = { offset, length: bytes.length, bytes };
      seen.set(key, place);
      chunks.push(bytes);
      offset += bytes.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.offset === place.offset && last.tileId + last.runLength === tile.id) last.runLength++;
    else entries.push({ tileId: tile.id, offset: place.offset, length: place.length, runLength: 1 });
  }
  const { root, leaves } = directories(entries);
  const metadata = gzipSync(new TextEncoder().encode(JSON.stringify(info.metadata)), { mtime: 0 });
  const tileData = concat(chunks);
  const header = new DataView(new ArrayBuffer(HEADER_BYTES));
  const bytes = new Uint8Array(header.buffer);
  bytes.set(new TextEncoder().encode('PMTiles'), 0);
  bytes[7] = 3;
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leavesOffset = metadataOffset + metadata.length;
  const dataOffset = leavesOffset + leaves.length;
  const u64 = (at: number, value: number) => header.setBigUint64(at, BigInt(value), true);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, leavesOffset);
  u64(48, leaves.length);
  u64(56, dataOffset);
  u64(64, tileData.length);
  u64(72, sorted.length);
  u64(80, entries.length);
  u64(88, chunks.length);
  bytes[96] = 1; // clustered: tile data in tile-id order
  bytes[97] = GZIP;
  bytes[98] = GZIP;
  bytes[99] = MVT;
  // Loops, not Math.min(...zooms): spread past about 120 000 tiles overflows the stack.
  bytes[100] = sorted.length ? sorted.reduce((z, t) => Math.min(z, t.z), Infinity) : 0;
  bytes[101] = sorted.length ? sorted.reduce((z, t) => Math.max(z, t.z), 0) : 0;
  const e7 = (at: number, degrees: number) => header.setInt32(at, Math.round(degrees * 1e7), true);
  e7(102, info.bounds[0]);
  e7(106, info.bounds[1]);
  e7(110, info.bounds[2]);
  e7(114, info.bounds[3]);
  bytes[118] = info.center[2];
  e7(119, info.center[0]);
  e7(123, info.center[1]);
  return concat([bytes, root, metadata, leaves, tileData]);
}

/** The root directory alone when it fits, else a root of leaf directories of growing size until it does. */
function directories(entries: readonly Entry[]): { root: Uint8Array; leaves: Uint8Array } {
  const single = serializeDirectory(entries);
  if (single.length <= ROOT_LIMIT) return { root: single, leaves: new Uint8Array(0) };
  for (let leafSize = 4096; ; leafSize = Math.ceil(leafSize * 1.2)) {
    const rootEntries: Entry[] = [];
    const leafChunks: Uint8Array[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leaf = serializeDirectory(entries.slice(i, i + leafSize));
      rootEntries.push({ tileId: entries[i]!.tileId, offset, length: leaf.length, runLength: 0 });
      leafChunks.push(leaf);
      offset += leaf.length;
    }
    const root = serializeDirectory(rootEntries);
    if (root.length <= ROOT_LIMIT) return { root, leaves: concat(leafChunks) };
  }
}

function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    writeVarint(out, i > 0 && previous && e.offset === previous.offset + previous.length ? 0 : e.offset + 1);
  });
  return gzipSync(Uint8Array.from(out), { mtime: 0 });
}

function writeVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function hashKey(bytes: Uint8Array): string {
  // FNV-1a over the bytes plus the length: enough to find candidates; equal keys are compared in full.
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return `${bytes.length}:${h >>> 0}:${Array.from(bytes.subarray(0, 32)).join(',')}:${Array.from(bytes.subarray(-32)).join(',')}`;
}

/**
 * Every tile an archive addresses, read by walking its directories (root and leaves), each run
 * expanded: what the privacy check decodes. Reads gzip or uncompressed archives.
 */
export function archiveTiles(archive: Uint8Array): { z: number; x: number; y: number; data: Uint8Array }[] {
  const buffer = archive.buffer.slice(archive.byteOffset, archive.byteOffset + archive.byteLength) as ArrayBuffer;
  const header = bytesToHeader(buffer);
  if (header.specVersion !== 3) throw new Error(`PMTiles version ${header.specVersion}, expected 3`);
  const inflate = (bytes: Uint8Array, compression: number) => (compression === GZIP ? gunzipSync(bytes) : compression === 1 ? bytes : fail(`compression ${compression}`));
  const out: { z: number; x: number; y: number; data: Uint8Array }[] = [];
  const walk = (offset: number, length: number, depth: number) => {
    if (depth > 3) throw new Error('directories nested too deep');
    for (const e of deserializeDirectory(inflate(archive.subarray(offset, offset + length), header.internalCompression))) {
      if (e.runLength === 0) {
        walk(header.leafDirectoryOffset + e.offset, e.length, depth + 1);
        continue;
      }
      const start = header.tileDataOffset + e.offset;
      const data = inflate(archive.subarray(start, start + e.length), header.tileCompression);
      for (let i = 0; i < e.runLength; i++) {
        const [z, x, y] = tileIdToZxy(e.tileId + i);
        out.push({ z, x, y, data });
      }
    }
  };
  walk(header.rootDirectoryOffset, header.rootDirectoryLength, 0);
  if (out.length !== header.numAddressedTiles) throw new Error(`${out.length} tiles found, the header says ${header.numAddressedTiles}`);
  return out;
}

function deserializeDirectory(bytes: Uint8Array): Entry[] {
  const p = { buf: bytes, pos: 0 };
  const n = readVarint(p);
  const entries: Entry[] = [];
  let id = 0;
  for (let i = 0; i < n; i++) {
    id += readVarint(p);
    entries.push({ tileId: id, offset: 0, length: 0, runLength: 1 });
  }
  for (const e of entries) e.runLength = readVarint(p);
  for (const e of entries) e.length = readVarint(p);
  entries.forEach((e, i) => {
    const v = readVarint(p);
    const previous = entries[i - 1];
    e.offset = v === 0 && previous ? previous.offset + previous.length : v - 1;
  });
  return entries;
}

function fail(message: string): never {
  throw new Error(message);
}
