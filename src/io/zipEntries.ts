/**
 * Reads a zip's central directory (APPNOTE 6.3.x, section 4.3.12) without inflating anything: names,
 * sizes and methods, so the importer can refuse a zip bomb, or say "no .shp in this zip", before
 * it unpacks a single byte.
 */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated; others are refused. */
  method: number;
  /** General-purpose flags; bit 0 = encrypted. */
  flags: number;
  /** As the central directory declares them: not to be trusted until inflated. */
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const MAX32 = 0xffffffff;

export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65 535 (max comment) bytes.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const extraAt = offset + 46 + nameLength;
    if (extraAt + extraLength > bytes.length) return null;
    const sizes = zip64Sizes(view, extraAt, extraLength, {
      uncompressedSize: view.getUint32(offset + 24, true),
      compressedSize: view.getUint32(offset + 20, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    });
    entries.push({
      name: decoder.decode(bytes.subarray(offset + 46, extraAt)),
      method: view.getUint16(offset + 10, true),
      flags: view.getUint16(offset + 8, true),
      ...sizes,
    });
    offset = extraAt + extraLength + commentLength;
  }
  return entries;
}

type Sizes = Pick<ZipEntry, 'uncompressedSize' | 'compressedSize' | 'localHeaderOffset'>;

/**
 * Fields that do not fit 32 bits are 0xFFFFFFFF and live in the Zip64 extra field, in this order
 * (APPNOTE 4.5.3). Some writers use it for small files too, so it is read, not refused.
 */
function zip64Sizes(view: DataView, at: number, length: number, sizes: Sizes): Sizes {
  const result = { ...sizes };
  const end = at + length;
  for (let p = at; p + 4 <= end; ) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === ZIP64_EXTRA) {
      let q = p + 4;
      for (const key of ['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const) {
        if (result[key] !== MAX32 || q + 8 > p + 4 + size) continue;
        // Beyond 2^53 would not be a real file anyway; Number keeps the comparison with limits simple.
        result[key] = Number(view.getBigUint64(q, true));
        q += 8;
      }
    }
    p += 4 + size;
  }
  return result;
}

/** Lists the file names in a zip; null when the central directory cannot be read. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  return zipEntries(bytes)?.map((e) => e.name) ?? null;
}

/** The compressed bytes of an entry, found through its local header; null when they lie outside the file. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const at = entry.localHeaderOffset;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return null;
  // The local header's own name and extra lengths may differ from the central directory's.
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  return end <= bytes.length ? bytes.subarray(start, end) : null;
}
