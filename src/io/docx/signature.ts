/**
 * The signature block: a borderless one-row table with the header's columns. Left: "Nơi nhận:" and
 * its items (ô 9b). Right: quyền hạn, chức vụ (ô 7a), a gap for the signature and seal, họ tên (ô 7b).
 */
import { Paragraph, type Table } from 'docx';
import type { DocumentModel } from '../../core/documents/model.js';
import type { Geometry } from './page.js';
import { STYLE } from './styles.js';
import { layoutTable } from './tables.js';
import { nfc, upper, withPrefix } from './text.js';
import { textRun } from './line-breaks.js';

export const NOI_NHAN = 'Nơi nhận:';
/** Empty lines left for the signature and seal. */
export const SIGNATURE_GAP_LINES = 5;
/** Space between the end of the body and the signature row: 12 pt, as a top cell margin. */
export const SIGNATURE_TOP = 240;

export function signatureTable(signature: DocumentModel['signature'], geometry: Geometry): Table {
  const left: Paragraph[] = [];
  if (signature.recipients.length > 0) {
    left.push(new Paragraph({ style: STYLE.noiNhanLabel, children: [textRun(NOI_NHAN)] }));
    for (const item of signature.recipients) {
      left.push(new Paragraph({ style: STYLE.noiNhanItem, children: [textRun(withPrefix('- ', item))] }));
    }
  }
  const right: Paragraph[] = signature.title.map((line) => new Paragraph({ style: STYLE.signTitle, children: [textRun(upper(line))] }));
  for (let i = 0; i < SIGNATURE_GAP_LINES; i++) right.push(new Paragraph({ style: STYLE.signGap }));
  const name = nfc(signature.name).trim();
  if (name !== '') right.push(new Paragraph({ style: STYLE.signName, children: [textRun(name)] }));
  // The row does not split: the signature block stays beside its Nơi nhận, on one page.
  return layoutTable(geometry, [[left, right]], { top: SIGNATURE_TOP, cantSplit: true });
}
