/**
 * Kính gửi (ô 9a). One recipient: "Kính gửi: X" on one centred line. Several: "Kính gửi:" at 3.5 cm,
 * then one line per recipient starting "- ", the hyphens aligned under the colon.
 */
import { AlignmentType, Paragraph } from 'docx';
import { textWidth } from './measure.js';
import { STYLE } from './styles.js';
import { withPrefix } from './text.js';
import { textRun } from './line-breaks.js';

export const KINH_GUI = 'Kính gửi:';
/** Indent of "Kính gửi:" when it stands alone: 3.5 cm, as in Mẫu 1.5. */
export const KINH_GUI_INDENT = 1985;
/** Space before the Kính gửi block (12 pt) and after it (6 pt). */
export const KINH_GUI_BEFORE = 240;
export const KINH_GUI_AFTER = 120;

/** The indent of the recipient lines: under the character after "Kính gửi: ". */
export function recipientIndent(bodySize: number): number {
  return KINH_GUI_INDENT + Math.round(textWidth(`${KINH_GUI} `, bodySize, 'regular'));
}

export function kinhGui(recipients: readonly string[], bodySize: number): Paragraph[] {
  if (recipients.length === 0) return [];
  if (recipients.length === 1) {
    return [
      new Paragraph({
        style: STYLE.kinhGui,
        alignment: AlignmentType.CENTER,
        spacing: { before: KINH_GUI_BEFORE, after: KINH_GUI_AFTER },
        children: [textRun(`${KINH_GUI} ${recipients[0]!}`)],
      }),
    ];
  }
  const indent = recipientIndent(bodySize);
  const last = recipients.length - 1;
  return [
    new Paragraph({
      style: STYLE.kinhGui,
      indent: { left: KINH_GUI_INDENT },
      spacing: { before: KINH_GUI_BEFORE },
      children: [textRun(KINH_GUI)],
    }),
    ...recipients.map(
      (r, i) =>
        new Paragraph({
          style: STYLE.kinhGui,
          indent: { left: indent },
          ...(i === last ? { spacing: { after: KINH_GUI_AFTER } } : {}),
          children: [textRun(withPrefix('- ', r))],
        }),
    ),
  ];
}
