/**
 * What the docx writer says when a document cannot be written: a data error in Vietnamese naming
 * what to change, never a bare RangeError.
 */
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/core/errors.js';
import { appendixTableXml } from '../../src/io/docx/appendix-table.js';
import { renderDocx } from '../../src/io/docx/render.js';
import { writeZip, type ZipFile } from '../../src/io/zip.js';
import { baoCaoModel } from './sample-model.js';

describe('docx writer errors', () => {
  it('names the margins to reduce when they leave no room for the text', async () => {
    const model = baoCaoModel({ layout: { margins: { top: 20, bottom: 20, left: 100, right: 80 }, bodySize: 14 } });
    const render = renderDocx(model);
    await expect(render).rejects.toThrow(DataError);
    await expect(render).rejects.toThrow(
      'Lề trái 100 mm và lề phải 80 mm chỉ để lại 30 mm cho chữ trên khổ A4 (cần ít nhất 71 mm): giảm layout.margins.left, layout.margins.right trong cấu hình.',
    );
  });

  it('names the margins when the Quốc hiệu no longer fits the header column', async () => {
    const model = baoCaoModel({ layout: { margins: { top: 20, bottom: 20, left: 60, right: 60 }, bodySize: 14 } });
    await expect(renderDocx(model)).rejects.toThrow(/^Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" không vừa một dòng của cột phải phần đầu văn bản \(\d+ mm\), kể cả cỡ chữ 12: giảm lề trái, phải/);
  });

  it('refuses a table without columns, naming its Phụ lục', () => {
    expect(() => appendixTableXml({ columns: [], rows: [] }, 9000, 'Phụ lục II')).toThrow(DataError);
    expect(() => appendixTableXml({ columns: [], rows: [] }, 9000, 'Phụ lục II')).toThrow(/^Phụ lục II: bảng không có cột nào/);
  });

  it('says how to split a document too large for a .docx', () => {
    const entry: ZipFile = { name: 'a', method: 0, crc: 0, size: 0, stored: Buffer.alloc(0) };
    const entries = Array.from({ length: 0x10000 }, () => entry);
    expect(() => writeZip(entries)).toThrow(DataError);
    expect(() => writeZip(entries)).toThrow(/^Văn bản quá lớn để ghi thành tệp \.docx \(\d+ MB, 65536 phần; tối đa 4096 MB và 65535 phần\): chia thành nhiều văn bản/);
  });
});
