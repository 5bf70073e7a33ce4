/**
 * .xlsx → Grids. The zip's parts are read once each under the size guard, CRC-checked and decoded
 * as UTF-8 whole (zip-guard.ts); the SpreadsheetML in them is scanned by our own small readers:
 * the workbook and its rels (sheet names and order), shared strings, styles (percent and date
 * formats) and each worksheet.
 */
import type { Config } from '../../config/schema.js';
import { DataError } from '../../core/errors.js';
import type { Grid } from '../table/grid.js';
import { ZipFormatError } from '../zip.js';
import { refuseOpenDocument } from './detect.js';
import { parseWorksheet } from './xlsx-sheet.js';
import { parseSharedStrings } from './xlsx-strings.js';
import { parseStyles } from './xlsx-styles.js';
import { parseWorkbook, WORKBOOK_PART, WORKBOOK_RELS_PART } from './xlsx-workbook.js';
import { GuardedZip } from './zip-guard.js';

async function readGrids(buf: Buffer, file: string, config: Config): Promise<Grid[]> {
  const zip = new GuardedZip(buf, file, config);
  const workbook = await zip.text(WORKBOOK_PART);
  if (workbook === null) {
    refuseOpenDocument(buf, file);
    throw new DataError(`${file}: là tệp zip nhưng không phải bảng tính .xlsx (không có xl/workbook.xml)`);
  }
  const rels = await zip.text(WORKBOOK_RELS_PART);
  if (rels === null) throw new ZipFormatError(`thiếu phần "${WORKBOOK_RELS_PART}"`);
  const layout = parseWorkbook(workbook, rels, (name) => zip.partName(name));
  const sharedStrings = layout.sharedStringsPart ? parseSharedStrings((await zip.text(layout.sharedStringsPart)) ?? '') : [];
  const styles = layout.stylesPart ? parseStyles((await zip.text(layout.stylesPart)) ?? '') : [];
  const grids: Grid[] = [];
  for (const sheet of layout.sheets) {
    const xml = (await zip.text(sheet.part)) ?? '';
    const { rows, merges } = parseWorksheet(xml, { file, sheet: sheet.name, config, sharedStrings, styles, date1904: layout.date1904 });
    grids.push({ name: sheet.name, rows, merges });
  }
  return grids;
}

/**
 * Read an .xlsx held in memory, one Grid per worksheet in workbook order. Throws DataError naming
 * the file for a damaged or oversized workbook.
 */
export async function readXlsx(buf: Buffer, file: string, config: Config): Promise<Grid[]> {
  try {
    return await readGrids(buf, file, config);
  } catch (err) {
    if (err instanceof ZipFormatError) {
      throw new DataError(`${file}: tệp .xlsx bị hỏng hoặc không đầy đủ (${err.message}); hãy tải lại hoặc lưu lại bằng Excel`);
    }
    throw err;
  }
}
