import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import { DataError } from '../../src/core/errors.js';
import { readScoreFile } from '../../src/io/readers/read-score-file.js';
import { readXlsx } from '../../src/io/readers/xlsx.js';
import { readCentralDirectory } from '../../src/io/zip.js';
import { configWith, deflatedEntry, deflatedZeros, expectThrows, tempDir, writeRawZip, xlsxSkeleton } from './helpers.js';

const FIXTURE = new URL('../../fixtures/daklak/diem-766-2025-11-14.xlsx', import.meta.url).pathname;
const MB = 1024 * 1024;

describe('zip size guard', () => {
  it('reads the central directory of a real workbook', () => {
    const entries = readCentralDirectory(readFileSync(FIXTURE));
    expect(entries.map((e) => e.name)).toContain('xl/workbook.xml');
    expect(entries.filter((e) => e.name.startsWith('xl/worksheets/sheet'))).toHaveLength(3);
  });

  it('counts worksheet rows and collects merged ranges', async () => {
    const g = await readXlsx(readFileSync(FIXTURE), 'f', DEFAULT_CONFIG);
    // Provinces: 2 title rows, the header, 34 provinces (the blank row is not stored).
    expect(g[0]!.rows).toHaveLength(2 + 1 + 34);
    expect(g[2]!.rows).toHaveLength(2 + 1 + 102);
    expect(g[0]!.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 10 },
      { top: 2, left: 1, bottom: 2, right: 10 },
    ]);
  });

  it('counts rows exactly across chunk boundaries, not <rowBreaks>', async () => {
    const n = 60_000;
    const rows = Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join('');
    const xml = `<worksheet><sheetData>${rows}</sheetData><rowBreaks count="1"><brk id="5"/></rowBreaks></worksheet>`;
    const file = join(tempDir(), 'rows.xlsx');
    writeRawZip(file, [...xlsxSkeleton(), deflatedEntry('xl/worksheets/sheet1.xml', xml)]);
    const g = await readXlsx(readFileSync(file), file, DEFAULT_CONFIG);
    expect(g[0]!.rows).toHaveLength(n);
    const e = await expectThrows(readScoreFile(file, { config: configWith({ maxRows: n - 1 }) }), DataError);
    expect(e.message).toBe(
      `${file}: sheet "Xã Phường" có hơn ${n - 1} dòng (đếm được ít nhất ${n}; giới hạn input.maxRows = ${n - 1}); từ chối đọc. Nếu cần, tăng input.maxRows trong tệp cấu hình.`,
    );
  });

  it('refuses a sheet with more rows holding values than input.maxRows', async () => {
    const e = await expectThrows(readScoreFile(FIXTURE, { config: configWith({ maxRows: 50 }) }), DataError);
    expect(e.message).toMatch(/sheet "Xã Phường" có hơn 50 dòng .*input\.maxRows = 50.*tăng input\.maxRows/);
  });

  it('refuses a zip that declares a huge inflated size, at once', async () => {
    const file = join(tempDir(), 'khai-lon.xlsx');
    writeRawZip(file, [...xlsxSkeleton(), deflatedEntry('xl/worksheets/sheet1.xml', '<worksheet/>', 3_000_000_000)]);
    const t0 = Date.now();
    const e = await expectThrows(readScoreFile(file, { config: DEFAULT_CONFIG }), DataError);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(e.message).toMatch(/^.*khai-lon\.xlsx: tệp giải nén ra hơn 200 MB \(giới hạn input\.maxInflatedBytes = 209715200 byte; khai báo 2861 MB\); từ chối đọc\. Nếu tệp đúng là lớn như vậy, tăng input\.maxInflatedBytes trong tệp cấu hình\.$/);
  });

  it('refuses a zip bomb that lies about its size, within bounded memory', async () => {
    // 300 MB of zeros deflate to about 300 KB; the headers claim 1 KB.
    const file = join(tempDir(), 'bom.xlsx');
    const bomb = await deflatedZeros('xl/worksheets/sheet1.xml', 300 * MB, 1024, '<worksheet><sheetData>');
    writeRawZip(file, [...xlsxSkeleton(), bomb]);
    expect(statSync(file).size).toBeLessThan(1 * MB);
    const before = process.memoryUsage().rss;
    const e = await expectThrows(readScoreFile(file, { config: DEFAULT_CONFIG }), DataError);
    const grown = process.memoryUsage().rss - before;
    expect(e.message).toContain('tệp giải nén ra hơn 200 MB (giới hạn input.maxInflatedBytes = 209715200 byte');
    expect(grown).toBeLessThan(100 * MB);
  });

  it('refuses a part whose inflated size differs from the declared one, under the bound', async () => {
    const file = join(tempDir(), 'sai-kich-thuoc.xlsx');
    writeRawZip(file, [...xlsxSkeleton(), await deflatedZeros('xl/worksheets/sheet1.xml', 2 * MB, 100)]);
    const e = await expectThrows(readScoreFile(file, { config: DEFAULT_CONFIG }), DataError);
    expect(e.message).toBe(
      `${file}: tệp .xlsx bị hỏng hoặc không đầy đủ (phần "xl/worksheets/sheet1.xml" có kích thước khác với khai báo (tệp hỏng)); hãy tải lại hoặc lưu lại bằng Excel`,
    );
  });

  it('honours a lowered input.maxInflatedBytes, for the file itself too', async () => {
    const small = configWith({ maxInflatedBytes: 50_000 });
    const e = await expectThrows(readScoreFile(FIXTURE, { config: small }), DataError);
    expect(e.message).toMatch(/input\.maxInflatedBytes = 50000/);
    const tiny = configWith({ maxInflatedBytes: 1000 });
    const e2 = await expectThrows(readScoreFile(FIXTURE, { config: tiny }), DataError);
    expect(e2.message).toMatch(/^.*: tệp lớn \d+ byte, vượt giới hạn input\.maxInflatedBytes = 1000; từ chối đọc\./);
  });
});
