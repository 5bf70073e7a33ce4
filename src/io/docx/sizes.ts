/**
 * Font sizes in points, one per component (Nghị định 30, Phụ lục I; values inside the legal range,
 * see shared/spec/nd30.md §3–§9). The Quốc hiệu (12 or 13) and the body (13 or 14) depend on the
 * document: see Geometry.
 */
export const SIZE = {
  /** Cơ quan chủ quản: 12–13, regular. */
  parent: 13,
  /** Cơ quan ban hành: 12–13, bold. */
  issuer: 13,
  /** Số, ký hiệu: 13. */
  number: 13,
  /** Trích yếu of a Công văn (V/v): 12–13, regular. */
  subject: 12,
  /** Tiêu ngữ: 13–14, bold. */
  tieuNgu: 14,
  /** Địa danh, ngày: 13–14, italic. */
  placeDate: 14,
  /** Tên loại (BÁO CÁO): 13–14, bold. */
  titleName: 14,
  /** Trích yếu of a Báo cáo: 13–14, bold. */
  titleSummary: 14,
  /** "Nơi nhận:": 12, bold italic. */
  noiNhanLabel: 12,
  /** Nơi nhận items: 11, regular. */
  noiNhanItem: 11,
  /** Quyền hạn, chức vụ: 13–14, bold. */
  signTitle: 14,
  /** Họ tên: 13–14, bold. */
  signName: 14,
  /** Page number: 13–14. */
  pageNumber: 14,
  /** "Phụ lục I": 14, bold. */
  appendixNumber: 14,
  /** Appendix title: 13–14, bold. */
  appendixTitle: 14,
  /** Appendix chỉ dẫn line: 13–14, italic. */
  appendixNote: 13,
  /** The line above each table of an appendix of several tables ("Các sở, ban, ngành"): bold. */
  appendixTableHeading: 13,
  /** Footnote text: 10–12. */
  footnote: 11,
  /** Appendix table text. */
  table: 12,
  /** Appendix table text when the table has more than 9 columns. */
  tableSmall: 11,
} as const;

/** Tables with more columns than this use SIZE.tableSmall. */
export const SMALL_TABLE_COLUMNS = 9;
