import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import { afterEach } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { crc32, writeZip } from '../../src/io/zip.js';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import type { CellValue, Grid, MergeRange } from '../../src/io/table/grid.js';

const dirs: string[] = [];

/** A temp folder removed after the test. */
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'dakindex-readers-'));
  dirs.push(d);
  return d;
}

afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

export function configWith(input: Partial<Config['input']>): Config {
  return { ...DEFAULT_CONFIG, input: { ...DEFAULT_CONFIG.input, ...input } };
}

/** A Grid from rows given from row 1 (null rows skipped). */
export function grid(name: string, rows: Array<CellValue[] | null>, merges: MergeRange[] = []): Grid {
  return {
    name,
    rows: rows.flatMap((cells, i) => (cells && cells.some((c) => c !== null) ? [{ row: i + 1, cells }] : [])),
    merges,
  };
}

export async function expectThrows<T extends Error>(p: Promise<unknown> | (() => unknown), cls: new (...a: never[]) => T): Promise<T> {
  try {
    if (typeof p === 'function') await p();
    else await p;
  } catch (e) {
    if (e instanceof cls) return e;
    throw new Error(`expected ${cls.name}, got ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`);
  }
  throw new Error(`expected ${cls.name}, nothing thrown`);
}

// ---------------------------------------------------------------------------------------------
// Hostile zips: entries whose headers may lie about their sizes.

export interface RawEntry {
  name: string;
  /** Deflated data. */
  data: Buffer;
  /** Sizes written in the headers (may lie). */
  uncompressedSize: number;
  /** CRC-32 written in the headers; 0 when not computed. */
  crc?: number;
}

export function deflatedEntry(name: string, text: string, declaredSize?: number): RawEntry {
  const raw = Buffer.from(text, 'utf8');
  return { name, data: deflateRawSync(raw), uncompressedSize: declaredSize ?? raw.length, crc: crc32(raw) };
}

/** Deflate `bytes` zero bytes as a stream (the input is never held whole). */
export async function deflatedZeros(name: string, bytes: number, declaredSize?: number, prefix = ''): Promise<RawEntry> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const chunk = Buffer.alloc(1 << 20);
  if (prefix) deflate.write(Buffer.from(prefix, 'utf8'));
  let left = bytes;
  while (left > 0) {
    const n = Math.min(left, chunk.length);
    if (!deflate.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
      await new Promise((r) => deflate.once('drain', r));
    }
    left -= n;
  }
  deflate.end();
  await done;
  return { name, data: Buffer.concat(out), uncompressedSize: declaredSize ?? bytes + Buffer.byteLength(prefix) };
}

/** Write a zip whose headers declare the entries' (possibly false) sizes and CRCs. */
export function writeRawZip(path: string, entries: RawEntry[]): void {
  writeFileSync(
    path,
    writeZip(entries.map((e) => ({ name: e.name, method: 8, crc: e.crc ?? 0, size: e.uncompressedSize, stored: e.data }))),
  );
}

/** The small parts an xlsx needs besides its sheets. */
export function xlsxSkeleton(): RawEntry[] {
  return [
    deflatedEntry(
      'xl/workbook.xml',
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Xã Phường" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    deflatedEntry(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  ];
}
