import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import { afterEach } from 'vitest';
import type { Config } from '../../src/config/schema.js';
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
// A minimal zip writer for hostile files (the guard reads no CRC).

export interface RawEntry {
  name: string;
  /** Deflated data. */
  data: Buffer;
  /** Sizes written in the headers (may lie). */
  uncompressedSize: number;
}

export function deflatedEntry(name: string, text: string, declaredSize?: number): RawEntry {
  const raw = Buffer.from(text, 'utf8');
  return { name, data: deflateRawSync(raw), uncompressedSize: declaredSize ?? raw.length };
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

export function writeZip(path: string, entries: RawEntry[]): void {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x0800, 6);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(0, 14);
    lh.writeUInt32LE(e.data.length, 18);
    lh.writeUInt32LE(Math.min(e.uncompressedSize, 0xfffffffe), 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, e.data);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(e.data.length, 20);
    ch.writeUInt32LE(Math.min(e.uncompressedSize, 0xfffffffe), 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(path, Buffer.concat([...locals, cd, end]));
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
