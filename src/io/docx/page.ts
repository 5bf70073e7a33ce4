/**
 * Page setup: A4, margins from the model, the header and appendix column widths, and the page-number
 * header (centred PAGE field, hidden on each section's first page).
 */
import {
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type ISectionPropertiesOptions,
} from 'docx';
import type { DocumentModel } from '../../core/documents/model.js';
import { DataError } from '../../core/errors.js';
import { A4, mmToTwips, TWIPS_PER_MM } from './units.js';
import { STYLE } from './styles.js';
import { textWidth } from './measure.js';

/** The header table's columns for a 9355-twip text width (6.5 cm / 10 cm), scaled to other widths. */
export const HEADER_COLUMNS_REFERENCE = { textWidth: 9355, left: 3686, right: 5669 } as const;
/** Left and right cell margin of the header and signature tables, twips. */
export const HEADER_CELL_MARGIN = 57;
/** Header distance from the page edge: 10 mm. */
export const HEADER_DISTANCE = 567;
export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Geometry {
  margins: Margins;
  /** Portrait text width (page width minus left and right margins), twips. */
  textWidth: number;
  /** Landscape text width, twips. */
  landscapeTextWidth: number;
  /** Header and signature table columns, twips; they add up to textWidth. */
  columns: readonly [number, number];
  /** Quốc hiệu size: 13 pt when it fits the right column on one line, else 12 pt. */
  quocHieuSize: 12 | 13;
  bodySize: 13 | 14;
}

/** Narrower than this, the header's two columns and the appendix tables cannot be laid out. */
const MIN_TEXT_WIDTH = 4000;

const mmOf = (twips: number): string => (twips / TWIPS_PER_MM).toFixed(0);

export function geometryOf(model: DocumentModel): Geometry {
  const m = model.layout.margins;
  const margins = {
    top: mmToTwips(m.top),
    bottom: mmToTwips(m.bottom),
    left: mmToTwips(m.left),
    right: mmToTwips(m.right),
  };
  const textWidth_ = A4.width - margins.left - margins.right;
  const landscapeTextWidth = A4.height - margins.left - margins.right;
  if (textWidth_ < MIN_TEXT_WIDTH) {
    throw new DataError(
      `Lề trái ${m.left} mm và lề phải ${m.right} mm chỉ để lại ${mmOf(textWidth_)} mm cho chữ trên khổ A4 (cần ít nhất ${mmOf(MIN_TEXT_WIDTH)} mm): giảm layout.margins.left, layout.margins.right trong cấu hình.`,
    );
  }
  const left = Math.round((textWidth_ * HEADER_COLUMNS_REFERENCE.left) / HEADER_COLUMNS_REFERENCE.textWidth);
  const right = textWidth_ - left;
  const room = right - 2 * HEADER_CELL_MARGIN;
  const quocHieuSize = textWidth(QUOC_HIEU, 13, 'bold') <= room ? 13 : 12;
  if (quocHieuSize === 12 && textWidth(QUOC_HIEU, 12, 'bold') > room) {
    throw new DataError(
      `Quốc hiệu "${QUOC_HIEU}" không vừa một dòng của cột phải phần đầu văn bản (${mmOf(right)} mm), kể cả cỡ chữ 12: giảm lề trái, phải (layout.margins.left, layout.margins.right trong cấu hình).`,
    );
  }
  return { margins, textWidth: textWidth_, landscapeTextWidth, columns: [left, right], quocHieuSize, bodySize: model.layout.bodySize };
}

/** Section properties: A4 portrait or landscape, the margins, first page with its own (empty) header. */
export function sectionProperties(geometry: Geometry, options: { landscape?: boolean; restartNumbering?: boolean } = {}): ISectionPropertiesOptions {
  const { margins } = geometry;
  return {
    titlePage: true,
    page: {
      // docx takes the portrait size and swaps width and height itself for a landscape page.
      size: {
        width: A4.width,
        height: A4.height,
        orientation: options.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: { ...margins, header: HEADER_DISTANCE, footer: HEADER_DISTANCE, gutter: 0 },
      ...(options.restartNumbering ? { pageNumbers: { start: 1 } } : {}),
    },
  };
}

/** Headers of every section: an empty first-page header and a default header with the page number. */
export function pageHeaders(): { first: Header; default: Header } {
  return {
    first: new Header({ children: [new Paragraph({ style: STYLE.pageNumber })] }),
    default: new Header({
      children: [new Paragraph({ style: STYLE.pageNumber, children: [new TextRun({ children: [PageNumber.CURRENT] })] })],
    }),
  };
}

/**
 * The empty paragraph that ends the main section after the signature table (a section ends inside a
 * paragraph): 1 pt text on a 1 pt line with no spacing (STYLE.sectionEnd), so that it cannot spill
 * onto a blank page of its own when the signature block ends at the foot of a page.
 */
export function sectionEndParagraph(): Paragraph {
  return new Paragraph({ style: STYLE.sectionEnd });
}
