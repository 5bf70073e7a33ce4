/**
 * Size guard for .xlsx workbooks, run before exceljs sees the file (shared/spec/inputs.md §1): the
 * zip central directory is read (no extraction) and the declared sizes summed; then each part is
 * inflated as a stream into nothing, counting bytes and worksheet rows, so that a part that lies
 * about its size is caught too. Memory stays bounded whatever the file inflates to. The same pass
 * collects the merged ranges of each worksheet (exceljs's streaming reader does not report them).
 */
import { createInflateRaw } from 'node:zlib';
import { Readable } from 'node:stream';
import type { Config } from '../../config/schema.js';
import { DataError } from '../../core/errors.js';
import { columnNumber, type MergeRange } from '../table/grid.js';
import { readCentralDirectory, storedBytes, ZipFormatError } from '../zip.js';

export interface GuardFigures {
  declaredBytes: number;
  inflatedBytes: number;
  /** Rows counted per worksheet part. */
  rows: Record<string, number>;
  /** Merged ranges per worksheet part ("xl/worksheets/sheet1.xml"). */
  merges: Record<string, MergeRange[]>;
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
/** A `<row ...>` start tag, with an optional namespace prefix; not `<rowBreaks>`. */
const ROW_TAG = /<(?:[A-Za-z_][\w.-]{0,20}:)?row[\s>/]/g;
/** `<mergeCell ref="A1:H1"/>`. */
const MERGE_TAG = /<(?:[A-Za-z_][\w.-]{0,20}:)?mergeCell\s[^>]{0,200}?ref\s*=\s*"\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})"/g;
/** Longest tag the scan must see whole across chunk boundaries. */
const TAG_MAX = 300;

function inflatedSizeMessage(file: string, bytes: number, config: Config): string {
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return (
    `${file}: tệp giải nén ra hơn ${mb(config.input.maxInflatedBytes)} (giới hạn input.maxInflatedBytes = ` +
    `${config.input.maxInflatedBytes} byte; khai báo ${mb(bytes)}); từ chối đọc. ` +
    'Nếu tệp đúng là lớn như vậy, tăng input.maxInflatedBytes trong tệp cấu hình.'
  );
}

function rowsMessage(file: string, part: string, rows: number, config: Config): string {
  return (
    `${file}: sheet "${part}" có hơn ${config.input.maxRows} dòng (đếm được ít nhất ${rows}; giới hạn ` +
    `input.maxRows = ${config.input.maxRows}); từ chối đọc. Nếu cần, tăng input.maxRows trong tệp cấu hình.`
  );
}

/**
 * Check a zip against config.input.maxInflatedBytes and config.input.maxRows. Throws DataError
 * (naming the bound and its configuration key) or ZipFormatError. `sheetName` maps a worksheet
 * part to its sheet name for messages.
 */
export async function guardZip(
  buf: Buffer,
  file: string,
  config: Config,
  sheetName: (part: string) => string = (p) => p,
): Promise<GuardFigures> {
  const entries = readCentralDirectory(buf);
  const max = config.input.maxInflatedBytes;
  let declared = 0;
  for (const e of entries) {
    if (e.flags & 0x1) throw new ZipFormatError(`phần "${e.name}" được mã hóa`);
    declared += e.uncompressedSize;
  }
  if (declared > max) throw new DataError(inflatedSizeMessage(file, declared, config));

  let inflated = 0;
  const rows: Record<string, number> = {};
  const merges: Record<string, MergeRange[]> = {};
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const data = storedBytes(buf, e);
    const isSheet = WORKSHEET.test(e.name);
    let count = 0;
    const ranges: MergeRange[] = [];
    let tail = '';
    let size = 0;
    const onChunk = (chunk: Buffer): void => {
      size += chunk.length;
      inflated += chunk.length;
      if (inflated > max) throw new DataError(inflatedSizeMessage(file, inflated, config));
      if (isSheet) {
        const text = tail + chunk.toString('latin1');
        ROW_TAG.lastIndex = 0;
        for (let m = ROW_TAG.exec(text); m; m = ROW_TAG.exec(text)) {
          // Count each tag once: in the chunk where it ends.
          if (m.index + m[0].length > tail.length) count++;
        }
        if (count > config.input.maxRows) {
          throw new DataError(rowsMessage(file, sheetName(e.name), count, config));
        }
        MERGE_TAG.lastIndex = 0;
        for (let m = MERGE_TAG.exec(text); m; m = MERGE_TAG.exec(text)) {
          if (m.index + m[0].length <= tail.length) continue;
          const [top, bottom] = [Number(m[2]), Number(m[4])];
          const [left, right] = [columnNumber(m[1]!), columnNumber(m[3]!)];
          ranges.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) });
        }
        tail = text.slice(-TAG_MAX);
      }
    };
    if (e.method === 0) {
      onChunk(data);
    } else if (e.method === 8) {
      const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
      const source = Readable.from([data]);
      try {
        for await (const chunk of source.pipe(inflate)) onChunk(chunk as Buffer);
      } catch (err) {
        source.destroy();
        inflate.destroy();
        if (err instanceof DataError) throw err;
        throw new ZipFormatError(`không giải nén được phần "${e.name}" (tệp hỏng)`);
      }
    } else {
      throw new ZipFormatError(`phần "${e.name}" dùng kiểu nén ${e.method} không hỗ trợ`);
    }
    if (size !== e.uncompressedSize) {
      throw new ZipFormatError(`phần "${e.name}" có kích thước khác với khai báo (tệp hỏng)`);
    }
    if (isSheet) {
      rows[e.name] = count;
      merges[e.name] = ranges;
    }
  }
  return { declaredBytes: declared, inflatedBytes: inflated, rows, merges };
}
