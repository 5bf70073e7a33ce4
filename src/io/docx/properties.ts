/**
 * The package's core properties (docProps/core.xml): the issuing office as author, the document's
 * trích yếu as its title, so that Word's and the file manager's "Author" and "Title" name the office
 * and the document rather than the program.
 */
import type { DocumentModel } from '../../core/documents/model.js';
import { nfc } from './text.js';

export interface CoreProperties {
  creator: string;
  lastModifiedBy: string;
  title: string;
}

const oneLine = (lines: readonly string[]): string =>
  lines
    .map((l) => nfc(l).trim())
    .filter((l) => l !== '')
    .join(' ');

/** The office as the header names it: "VĂN PHÒNG UBND TỈNH ĐẮK LẮK", "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK". */
export function authorOf(model: DocumentModel): string {
  return oneLine([...model.header.issuer, ...model.header.parent]);
}

/**
 * The trích yếu as printed: a Báo cáo's summary lines ("Kết quả đánh giá ... tuần 02 tháng 11/2025"),
 * a Công văn's V/v lines ("V/v công khai kết quả ... tháng 5/2024"); without one, the tên loại.
 */
export function titleOf(model: DocumentModel): string {
  const summary = oneLine(model.title?.summary ?? model.header.subject ?? []);
  if (summary !== '') return summary;
  return model.title ? oneLine([model.title.name]) : 'Công văn';
}

export function coreProperties(model: DocumentModel): CoreProperties {
  const author = authorOf(model);
  return { creator: author, lastModifiedBy: author, title: titleOf(model) };
}
