/**
 * The document's styles. Fonts, sizes, alignment and spacing live here, defined once and referred to
 * by style id, so paragraphs and runs carry no formatting of their own (which keeps large appendix
 * tables small and fast to write).
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  type IIndentAttributesProperties,
  type IParagraphStyleOptions,
  type ISpacingProperties,
  type IStylesOptions,
} from 'docx';
import { halfPoints } from './units.js';
import { SIZE } from './sizes.js';

export const FONT = 'Times New Roman';
export const BLACK = '000000';
/** The documents' language, so that Word checks their spelling as Vietnamese. */
export const LANGUAGE = 'vi-VN';

/** Paragraph style ids. */
export const STYLE = {
  parent: 'DkParent',
  issuer: 'DkIssuer',
  number: 'DkNumber',
  subject: 'DkSubject',
  quocHieu: 'DkQuocHieu',
  tieuNgu: 'DkTieuNgu',
  placeDate: 'DkPlaceDate',
  rule: 'DkRule',
  titleName: 'DkTitleName',
  titleSummary: 'DkTitleSummary',
  kinhGui: 'DkKinhGui',
  body: 'DkBody',
  heading: 'DkHeading',
  noiNhanLabel: 'DkNoiNhanLabel',
  noiNhanItem: 'DkNoiNhanItem',
  signTitle: 'DkSignTitle',
  signGap: 'DkSignGap',
  signName: 'DkSignName',
  pageNumber: 'DkPageNumber',
  appendixNumber: 'DkAppendixNumber',
  appendixTitle: 'DkAppendixTitle',
  appendixNote: 'DkAppendixNote',
  appendixTableHeading: 'DkAppendixTableHeading',
  chart: 'DkChart',
  tableHead: 'DkTableHead',
  tableLeft: 'DkTableLeft',
  tableCenter: 'DkTableCenter',
  tableRight: 'DkTableRight',
  tableHeadSmall: 'DkTableHeadS',
  tableLeftSmall: 'DkTableLeftS',
  tableCenterSmall: 'DkTableCenterS',
  tableRightSmall: 'DkTableRightS',
  footnoteText: 'FootnoteText',
  sectionEnd: 'DkSectionEnd',
} as const;

/** Body spacing: 6 pt before, 0 after, 1.2 lines (a multiple, not exact). */
export const BODY_SPACING = { before: 120, after: 0, line: 288, lineRule: LineRuleType.AUTO } as const;
/** First-line indent of body paragraphs: 1.27 cm. */
export const FIRST_LINE_INDENT = 720;
/** Hanging indent of Nơi nhận items: 0.25 cm. */
export const NOI_NHAN_HANGING = 142;
/** Rules: 3 pt below the text above, line exactly 2 pt, a single border of 3/4 pt. */
export const RULE_BEFORE = 60;
export const RULE_LINE = 40;
export const RULE_BORDER_SIZE = 6;
/** Figures in appendix tables keep this much more room from the right border than the cell margin: 1 mm. */
export const FIGURE_RIGHT_INDENT = 57;
/** The paragraph that ends a section after a table: 1 pt text on a 1 pt line, no spacing. */
export const SECTION_END_SIZE = 1;
export const SECTION_END_LINE = 20;

const SINGLE = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } as const;

interface Options {
  bodySize: 13 | 14;
  quocHieuSize: 12 | 13;
}

function style(
  id: string,
  name: string,
  sizePt: number,
  opts: {
    bold?: boolean;
    italics?: boolean;
    alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
    spacing?: ISpacingProperties;
    indent?: IIndentAttributesProperties;
    basedOn?: string;
  } = {},
): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: opts.basedOn ?? 'Normal',
    quickFormat: true,
    paragraph: {
      alignment: opts.alignment ?? AlignmentType.CENTER,
      spacing: opts.spacing ?? SINGLE,
      ...(opts.indent ? { indent: opts.indent } : {}),
    },
    run: {
      size: halfPoints(sizePt),
      ...(opts.bold ? { bold: true } : {}),
      ...(opts.italics ? { italics: true } : {}),
    },
  };
}

/** Rules: empty centred paragraphs with a single top border; their indents give their length. */
function ruleStyle(): IParagraphStyleOptions {
  const base = style(STYLE.rule, 'Dk đường kẻ', 1);
  return {
    ...base,
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { before: RULE_BEFORE, after: 0, line: RULE_LINE, lineRule: LineRuleType.EXACT },
      border: { top: { style: BorderStyle.SINGLE, size: RULE_BORDER_SIZE, color: BLACK, space: 1 } },
    },
  };
}

export function documentStyles({ bodySize, quocHieuSize }: Options): IStylesOptions {
  const tableSpacing = { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO } as const;
  const tableStyles = (small: boolean): IParagraphStyleOptions[] => {
    const size = small ? SIZE.tableSmall : SIZE.table;
    const s = small ? ' small' : '';
    return [
      style(small ? STYLE.tableHeadSmall : STYLE.tableHead, `Dk table head${s}`, size, { bold: true, spacing: tableSpacing }),
      style(small ? STYLE.tableLeftSmall : STYLE.tableLeft, `Dk table left${s}`, size, { alignment: AlignmentType.LEFT, spacing: tableSpacing }),
      style(small ? STYLE.tableCenterSmall : STYLE.tableCenter, `Dk table center${s}`, size, { spacing: tableSpacing }),
      style(small ? STYLE.tableRightSmall : STYLE.tableRight, `Dk table right${s}`, size, {
        alignment: AlignmentType.RIGHT,
        spacing: tableSpacing,
        indent: { right: FIGURE_RIGHT_INDENT },
      }),
    ];
  };
  return {
    default: {
      document: {
        run: {
          font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT },
          size: halfPoints(bodySize),
          sizeComplexScript: halfPoints(bodySize),
          color: BLACK,
          language: { value: LANGUAGE },
        },
        paragraph: { spacing: SINGLE },
      },
    },
    paragraphStyles: [
      style(STYLE.parent, 'Dk cơ quan chủ quản', SIZE.parent),
      style(STYLE.issuer, 'Dk cơ quan ban hành', SIZE.issuer, { bold: true }),
      style(STYLE.number, 'Dk số ký hiệu', SIZE.number, { spacing: { ...SINGLE, before: 120 } }),
      style(STYLE.subject, 'Dk trích yếu công văn', SIZE.subject),
      style(STYLE.quocHieu, 'Dk quốc hiệu', quocHieuSize, { bold: true }),
      style(STYLE.tieuNgu, 'Dk tiêu ngữ', SIZE.tieuNgu, { bold: true }),
      style(STYLE.placeDate, 'Dk địa danh ngày', SIZE.placeDate, { italics: true, spacing: { ...SINGLE, before: 120 } }),
      ruleStyle(),
      style(STYLE.titleName, 'Dk tên loại', SIZE.titleName, { bold: true, spacing: { ...SINGLE, before: 360 } }),
      style(STYLE.titleSummary, 'Dk trích yếu', SIZE.titleSummary, { bold: true }),
      // Left-aligned: a recipient line that wraps (a list of communes) is not stretched.
      style(STYLE.kinhGui, 'Dk kính gửi', bodySize, { alignment: AlignmentType.LEFT }),
      style(STYLE.body, 'Dk nội dung', bodySize, {
        alignment: AlignmentType.JUSTIFIED,
        spacing: BODY_SPACING,
        indent: { firstLine: FIRST_LINE_INDENT },
      }),
      style(STYLE.heading, 'Dk đề mục', bodySize, { bold: true, basedOn: STYLE.body, alignment: AlignmentType.JUSTIFIED, spacing: BODY_SPACING, indent: { firstLine: FIRST_LINE_INDENT } }),
      style(STYLE.noiNhanLabel, 'Dk nơi nhận', SIZE.noiNhanLabel, { bold: true, italics: true, alignment: AlignmentType.LEFT }),
      style(STYLE.noiNhanItem, 'Dk nơi nhận mục', SIZE.noiNhanItem, {
        alignment: AlignmentType.LEFT,
        indent: { left: NOI_NHAN_HANGING, hanging: NOI_NHAN_HANGING },
      }),
      style(STYLE.signTitle, 'Dk chức vụ', SIZE.signTitle, { bold: true }),
      style(STYLE.signGap, 'Dk chỗ ký', SIZE.signName),
      style(STYLE.signName, 'Dk họ tên', SIZE.signName, { bold: true }),
      style(STYLE.pageNumber, 'Dk số trang', SIZE.pageNumber),
      style(STYLE.appendixNumber, 'Dk phụ lục số', SIZE.appendixNumber, { bold: true }),
      style(STYLE.appendixTitle, 'Dk phụ lục tên', SIZE.appendixTitle, { bold: true }),
      style(STYLE.appendixNote, 'Dk phụ lục chỉ dẫn', SIZE.appendixNote, { italics: true }),
      style(STYLE.appendixTableHeading, 'Dk phụ lục tên bảng', SIZE.appendixTableHeading, {
        bold: true,
        alignment: AlignmentType.LEFT,
        spacing: { ...SINGLE, before: 240, after: 120 },
      }),
      // A chart: centred on a line of its own, 6 pt above and below; the line grows with the drawing.
      style(STYLE.chart, 'Dk biểu đồ', bodySize, { spacing: { ...SINGLE, before: 120, after: 120 } }),
      ...tableStyles(false),
      ...tableStyles(true),
      style(STYLE.footnoteText, 'footnote text', SIZE.footnote, { alignment: AlignmentType.JUSTIFIED }),
      style(STYLE.sectionEnd, 'Dk hết phần', SECTION_END_SIZE, {
        alignment: AlignmentType.LEFT,
        spacing: { before: 0, after: 0, line: SECTION_END_LINE, lineRule: LineRuleType.EXACT },
      }),
    ],
  };
}
