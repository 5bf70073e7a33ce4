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
  | { type: 'plus'; runs: Inline[] };

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
  table: Table;
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
