import type { Level } from './types.js';

/** How each level is named in sentences and appendix titles (seeds 001, 002). */
export interface LevelWording {
  /** Sub-section heading: "Các sở, ban, ngành:". */
  heading: string;
  /** Counted noun: "cơ quan", "UBND cấp huyện", "UBND cấp xã". */
  noun: string;
  /** Noun of a count change: "cơ quan" for agencies, "địa phương" for localities. */
  changeNoun: string;
  /** In the appendix reference: "các sở, ban, ngành", "UBND cấp xã". */
  reference: string;
  /** Appendix title. */
  appendixTitle: string;
  /** Short name for the terminal. */
  short: string;
}

export const LEVEL_WORDING: Record<Level, LevelWording> = {
  tinh: {
    heading: 'Các tỉnh, thành phố:',
    noun: 'tỉnh, thành phố',
    changeNoun: 'tỉnh, thành phố',
    reference: 'các tỉnh, thành phố',
    appendixTitle: 'KẾT QUẢ ĐÁNH GIÁ CÁC TỈNH, THÀNH PHỐ',
    short: 'tỉnh, thành phố',
  },
  so: {
    heading: 'Các sở, ban, ngành:',
    noun: 'cơ quan',
    changeNoun: 'cơ quan',
    reference: 'các sở, ban, ngành',
    appendixTitle: 'KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁC SỞ, BAN, NGÀNH',
    short: 'sở, ban, ngành',
  },
  huyen: {
    heading: 'Cấp huyện:',
    noun: 'UBND cấp huyện',
    changeNoun: 'địa phương',
    reference: 'UBND cấp huyện',
    appendixTitle: 'KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI UBND CẤP HUYỆN',
    short: 'cấp huyện',
  },
  xa: {
    heading: 'Cấp xã:',
    noun: 'UBND cấp xã',
    changeNoun: 'địa phương',
    reference: 'UBND cấp xã',
    appendixTitle: 'KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI UBND CẤP XÃ',
    short: 'cấp xã',
  },
};
