/**
 * The layout of a workbook from xl/workbook.xml and xl/_rels/workbook.xml.rels: the worksheets in
 * workbook order with their names and parts, the date system, and where the shared strings and
 * styles are. Sheet names always come from workbook.xml, whatever form the rels' targets take
 * ("worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml" as openpyxl writes, "../xl/…").
 */
import { posix } from 'node:path';
import { ZipFormatError } from '../zip.js';
import { attr, startTags } from './xlsx-xml.js';

export const WORKBOOK_PART = 'xl/workbook.xml';
export const WORKBOOK_RELS_PART = 'xl/_rels/workbook.xml.rels';

export interface WorkbookSheet {
  name: string;
  /** Zip part of the worksheet ("xl/worksheets/sheet1.xml"). */
  part: string;
}

export interface WorkbookLayout {
  sheets: WorkbookSheet[];
  /** Serial numbers count from 1/1/1904 (old Mac workbooks). */
  date1904: boolean;
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

interface Relationship {
  type: string;
  part: string;
}

/** A relationship target as a zip part name, relative to the workbook's folder unless absolute. */
function resolveTarget(target: string): string {
  const t = target.replace(/\\/g, '/');
  const joined = t.startsWith('/') ? t.slice(1) : posix.join(posix.dirname(WORKBOOK_PART), t);
  return posix.normalize(joined).replace(/^(\.\/)+/, '');
}

function relationships(rels: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  for (const a of startTags(rels, 'Relationship')) {
    const id = attr(a, 'Id');
    const target = attr(a, 'Target');
    if (!id || !target || attr(a, 'TargetMode') === 'External') continue;
    out.set(id, { type: attr(a, 'Type') ?? '', part: resolveTarget(target) });
  }
  return out;
}

const isType = (rel: Relationship, kind: string) => rel.type.endsWith(`/${kind}`);

/**
 * Parse the workbook and its relationships. `partName` finds a part in the zip (null if absent).
 * Throws ZipFormatError when a worksheet the workbook lists is missing.
 */
export function parseWorkbook(workbook: string, rels: string, partName: (name: string) => string | null): WorkbookLayout {
  const byId = relationships(rels);
  const sheets: WorkbookSheet[] = [];
  for (const a of startTags(workbook, 'sheet')) {
    const name = attr(a, 'name');
    const id = attr(a, '[\\w.-]+:id');
    const rel = id ? byId.get(id) : undefined;
    if (name === null) throw new ZipFormatError('xl/workbook.xml có sheet không tên');
    if (!rel) throw new ZipFormatError(`sheet "${name}" không trỏ tới phần nào của tệp`);
    // Chart sheets and dialog sheets hold no cells.
    if (rel.type && !isType(rel, 'worksheet')) continue;
    const part = partName(rel.part);
    if (!part) throw new ZipFormatError(`thiếu phần "${rel.part}" của sheet "${name}"`);
    sheets.push({ name, part });
  }
  const pr = startTags(workbook, 'workbookPr')[0];
  const flag = pr === undefined ? null : attr(pr, 'date1904');
  const rel = (kind: string, fallback: string) => {
    const r = [...byId.values()].find((x) => isType(x, kind));
    return partName(r?.part ?? fallback);
  };
  return {
    sheets,
    date1904: flag === '1' || flag === 'true',
    sharedStringsPart: rel('sharedStrings', 'xl/sharedStrings.xml'),
    stylesPart: rel('styles', 'xl/styles.xml'),
  };
}
