import { err, type Result } from '../../domain/result';
import { decodeText } from '../decodeText';
import type { SourceCrs } from '../importTypes';
import { parseAreaIndexCsv } from './parseAreaIndexCsv';
import { parseAreaPolygons } from './parseAreaPolygons';
import { MAX_AREA_INDEX_BYTES, type AreaIndexFailure, type ParsedAreaIndexCsv, type ParsedAreaPolygons, type PolygonPropertyChoice } from './types';

/** Bytes that are surely no text file: too large, empty, or with NUL bytes (a spreadsheet, an image). */
function checkBytes(bytes: Uint8Array): AreaIndexFailure | null {
  if (bytes.length > MAX_AREA_INDEX_BYTES) return { code: 'too-large', detail: `${Math.round(bytes.length / 1024 / 1024)} MB` };
  if (bytes.length === 0) return { code: 'empty' };
  for (let i = 0; i < Math.min(bytes.length, 8192); i++) if (bytes[i] === 0) return { code: 'binary' };
  return null;
}

export function readAreaIndexCsv(bytes: Uint8Array, fileName: string): Result<ParsedAreaIndexCsv, AreaIndexFailure> {
  const failure = checkBytes(bytes);
  return failure ? err(failure) : parseAreaIndexCsv(decodeText(bytes), fileName);
}

export function readAreaPolygons(bytes: Uint8Array, fileName: string, choice: PolygonPropertyChoice & { crs?: SourceCrs } = {}): Result<ParsedAreaPolygons, AreaIndexFailure> {
  const failure = checkBytes(bytes);
  return failure ? err(failure) : parseAreaPolygons(decodeText(bytes), fileName, choice);
}
