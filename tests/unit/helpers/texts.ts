import type { Text } from '../../../src/domain/text';

/** The Swedish (or English) of each message, for assertions on what the importers say. */
export const sv = (texts: readonly Text[]): string[] => texts.map((t) => t.sv);
export const en = (texts: readonly Text[]): string[] => texts.map((t) => t.en);
