/**
 * The document model: what a document says and how its parts are structured, with no layout
 * measurements. The docx writer (src/io/docx) turns it into a Nghị định 30 document.
 */

/** A run of text. `footnote` attaches a real footnote whose reference mark follows this run. */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  footnote?: string;
}

export type Block =
  /** "1. Về cách tính điểm ...": khoản with a title, bold. */
  | { type: 'heading'; runs: Inline[] }
  /** "a) Các sở, ban, ngành:": điểm, regular (italic when the template says so). */
  | { type: 'subheading'; runs: Inline[] }
  /** Body paragraph: justified, first-line indent. */
  | { type: 'paragraph'; runs: Inline[] }
  /** "- ..." item, laid out like a body paragraph starting with "- ". */
  | { type: 'dash'; runs: Inline[] }
  /** "+ ..." item. */
  | { type: 'plus'; runs: Inline[] }
  /** A chart, centred on a paragraph of its own, where the template's "@bieu-do" line stands. */
  | { type: 'chart'; chart: Chart };

/** The blocks that hold text: every block but a chart. */
export type TextBlock = Exclude<Block, { type: 'chart' }>;

/**
 * A line chart of one or two series over the same categories, the second series on an axis of its
 * own at the right. The writer (src/io/docx/chart.ts) draws it as a native Word chart whose cached
 * values are these.
 */
export interface Chart {
  /** Above the plot: "Điểm số, thứ hạng của tỉnh Đắk Lắk". */
  title: string;
  /** The category axis, left to right: "Quý III/2023", "T5/2024". */
  categories: string[];
  series: ChartSeries[];
}

export interface ChartSeries {
  /** In the legend: "Điểm số". */
  name: string;
  /** One per category; null where the category has no value (a gap in the line, never a zero). */
  values: (number | null)[];
  /** The left (first) or the right (second) value axis. */
  axis: 'left' | 'right';
  /** The title of its value axis: "Điểm". */
  axisTitle: string;
  /** Smaller values at the top, as for ranks (1 is best): up is better. */
  reversed: boolean;
  /** Decimals of its values in the labels: 2 for scores, 0 for ranks. */
  decimals: number;
  /** Bounds its axis must include besides the values: ranks start at 1 and end at the number ranked. */
  bounds?: { min?: number; max?: number };
}

export type Align = 'left' | 'center' | 'right';

export interface TableColumn {
  header: string;
  /** Relative width; the writer scales the columns to the text width. */
  width: number;
  align: Align;
  /** Every cell on one line ("Không có dữ liệu", figures): the writer widens the column to fit. */
  oneLine?: boolean;
}

export interface Table {
  columns: TableColumn[];
  rows: string[][];
}

export interface Appendix {
  /** "I", "II", ... */
  number: string;
  /** Upper-case title: "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁC SỞ, BAN, NGÀNH". */
  title: string;
  /** "(Kèm theo Báo cáo số      /BC-VPUBND ngày      tháng 11 năm 2025 của Văn phòng UBND tỉnh)" */
  note: string;
  landscape: boolean;
  /** Its tables, in order; a table may have a line above it naming what it lists ("Các sở, ban, ngành"). */
  tables: { heading?: string; table: Table }[];
}

export interface DocumentModel {
  kind: 'bao-cao' | 'cong-van';
  layout: {
    /** Millimetres, inside Nghị định 30's ranges. */
    margins: { top: number; bottom: number; left: number; right: number };
    /** Body font size in points: 13 or 14. */
    bodySize: 13 | 14;
  };
  header: {
    /** Cơ quan chủ quản lines, regular; empty when none. */
    parent: string[];
    /** Cơ quan ban hành lines, bold, with the short rule under them. */
    issuer: string[];
    /** "Số:      /BC-VPUBND" */
    number: string;
    /** Công văn only: the "V/v ..." trích yếu lines under Số. */
    subject?: string[];
    /** "Đắk Lắk, ngày      tháng 11 năm 2025" */
    placeDate: string;
  };
  /** Báo cáo only: tên loại and trích yếu lines, with the short rule under them. */
  title?: { name: string; summary: string[] };
  /**
   * Kính gửi. One recipient: printed on the "Kính gửi:" line. Several: each on its own line,
   * starting "- ", aligned under the colon.
   */
  recipients?: string[];
  body: Block[];
  signature: {
    /** Nơi nhận items, each starting "- " when printed. */
    recipients: string[];
    /** Quyền hạn, chức vụ lines: ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]. */
    title: string[];
    name: string;
  };
  appendices: Appendix[];
}
