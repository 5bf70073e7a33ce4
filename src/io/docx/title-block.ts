/** The tên loại and trích yếu of a Báo cáo (ô 5a): centred, bold, with a short rule under them. */
import { Paragraph } from 'docx';
import type { DocumentModel } from '../../core/documents/model.js';
import type { Geometry } from './page.js';
import { ruleParagraph, shortRuleLength } from './rules.js';
import { SIZE } from './sizes.js';
import { STYLE } from './styles.js';
import { nfc, upper } from './text.js';
import { textRun } from './line-breaks.js';

export function titleBlock(title: NonNullable<DocumentModel['title']>, geometry: Geometry): Paragraph[] {
  const name = upper(title.name);
  const summary = title.summary.map(nfc);
  const ruleUnder = summary.length > 0 ? summary : [name];
  const size = summary.length > 0 ? SIZE.titleSummary : SIZE.titleName;
  return [
    new Paragraph({ style: STYLE.titleName, children: [textRun(name)] }),
    ...summary.map((line) => new Paragraph({ style: STYLE.titleSummary, children: [textRun(line)] })),
    ruleParagraph(geometry.textWidth, shortRuleLength(ruleUnder, size, 'bold', geometry.textWidth), ruleUnder.slice(-1)),
  ];
}
