/**
 * The first-page header (Nghị định 30 ô 1–4, 5b): a borderless two-column table.
 * Row 1: cơ quan chủ quản, cơ quan ban hành and its short rule | Quốc hiệu, Tiêu ngữ and its rule.
 * Row 2: Số (and the V/v trích yếu of a Công văn) | địa danh, ngày, on the same line as Số.
 */
import { Paragraph, type Table } from 'docx';
import type { DocumentModel } from '../../core/documents/model.js';
import { textWidth } from './measure.js';
import { QUOC_HIEU, TIEU_NGU, type Geometry } from './page.js';
import { ruleParagraph, shortRuleLength } from './rules.js';
import { SIZE } from './sizes.js';
import { STYLE } from './styles.js';
import { cellArea, layoutTable } from './tables.js';
import { upper } from './text.js';
import { textRun } from './line-breaks.js';

/** Space between the Số line and the V/v trích yếu: 6 pt. */
export const SUBJECT_SPACING_BEFORE = 120;

export function headerTable(model: DocumentModel, geometry: Geometry): Table {
  const [leftWidth, rightWidth] = geometry.columns;
  const { header } = model;
  const parent = header.parent.map(upper);
  const issuer = header.issuer.map(upper);

  const agency: Paragraph[] = [
    ...parent.map((line) => new Paragraph({ style: STYLE.parent, children: [textRun(line)] })),
    ...issuer.map((line) => new Paragraph({ style: STYLE.issuer, children: [textRun(line)] })),
  ];
  if (issuer.length > 0) {
    agency.push(ruleParagraph(cellArea(leftWidth), shortRuleLength(issuer, SIZE.issuer, 'bold', cellArea(leftWidth)), issuer.slice(-1)));
  }

  const nation: Paragraph[] = [
    new Paragraph({ style: STYLE.quocHieu, children: [textRun(QUOC_HIEU)] }),
    new Paragraph({ style: STYLE.tieuNgu, children: [textRun(TIEU_NGU)] }),
    ruleParagraph(cellArea(rightWidth), Math.round(textWidth(TIEU_NGU, SIZE.tieuNgu, 'bold')), [TIEU_NGU]),
  ];

  const number: Paragraph[] = [new Paragraph({ style: STYLE.number, children: [textRun(header.number)] })];
  (header.subject ?? []).forEach((line, i) => {
    number.push(
      new Paragraph({
        style: STYLE.subject,
        children: [textRun(line)],
        ...(i === 0 ? { spacing: { before: SUBJECT_SPACING_BEFORE } } : {}),
      }),
    );
  });

  const placeDate = [new Paragraph({ style: STYLE.placeDate, children: [textRun(header.placeDate)] })];

  return layoutTable(geometry, [
    [agency, nation],
    [number, placeDate],
  ]);
}
