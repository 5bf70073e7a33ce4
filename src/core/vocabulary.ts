/**
 * The words offices' score sheets use, in one place: column labels, rows that are not units
 * (totals, averages, notes, sections), level words, unit-name prefixes and sheet names. Entries are
 * folded (foldVietnamese: no diacritics, lower case, punctuation as single spaces) unless a comment
 * says they are as written. Supporting a new layout
 * should be an edit here, a corpus file and its expected result.
 */
import type { GroupKey, Level } from './types.js';

/** A column of a score table the reader knows. */
export type Field = 'name' | 'code' | 'level' | 'total' | 'rank' | GroupKey;

/** Header labels per field (shared/spec/inputs.md §2), after a trailing "(18)", "(%)" is removed. */
export const COLUMN_ALIASES: Record<Field, readonly string[]> = {
  name: [
    'ten don vi',
    'ten co quan',
    'ten co quan don vi',
    'ten don vi co quan',
    'co quan don vi',
    'don vi',
    'co quan',
    'tinh thanh pho',
    'tinh tp',
    'ten tinh',
    'ten tinh thanh pho',
    'dia phuong',
    'ten dia phuong',
    'ten',
    'ten coquan',
    'ten donvi',
    'tendonvi',
    'department name',
    'departmentname',
  ],
  code: ['ma don vi', 'ma dinh danh', 'ma coquan', 'ma co quan', 'ma', 'departmentcode', 'department code'],
  level: ['loai coquan', 'loai co quan', 'cap', 'loai don vi', 'cap don vi', 'departmentlevel'],
  ckmb: ['cong khai minh bach', 'ckmb'],
  tdgq: ['tien do ket qua giai quyet', 'tien do giai quyet', 'tdgq'],
  dvctt: ['dich vu cong truc tuyen', 'dvctt', 'clgq'],
  tttt: ['thanh toan truc tuyen', 'tttt'],
  dvtt: ['cung cap dich vu truc tuyen', 'dich vu truc tuyen', 'dvtt'],
  mdhl: ['muc do hai long', 'mdhl'],
  mdsh: ['so hoa ho so', 'muc do so hoa ho so', 'mdsh'],
  total: ['tong diem', 'tong', 'diem', 'tong score', 'tong so diem', 'totalscore', 'total score'],
  rank: ['xep hang', 'hang', 'row stt', 'thu hang', 'vi tri xep hang'],
};

/** Words that may precede a group's name in a label: "Điểm công khai, minh bạch", "Tỷ lệ số hóa". */
export const LABEL_LEADING_WORDS = ['diem', 'nhom chi so', 'nhom', 'chi so', 'ty le'] as const;

/**
 * Labels of rows that sum up the units above them ("Tổng cộng", "Trung bình", "Điểm bình quân
 * chung"). Matched against the whole label; "Trung bình" is also a band name, but in the name
 * column it never names a unit.
 */
export const SUMMARY_LABELS: readonly string[] = [
  'tong cong',
  'cong',
  'tong',
  'tong so',
  'tong hop',
  'toan tinh',
  'trung binh',
  'trung binh cong',
  'trung binh chung',
  'trung binh toan tinh',
  'trung binh ca nuoc',
  'trung binh toan quoc',
  'diem trung binh',
  'diem trung binh chung',
  'diem trung binh cong',
  'binh quan',
  'binh quan chung',
  'diem binh quan',
  'diem binh quan chung',
  'ca nuoc',
  'toan quoc',
  'gia tri trung binh',
];

/** Beginnings of notes and signatures written under a table, in the name column. */
export const NOTE_PREFIXES: readonly string[] = [
  'ghi chu',
  'chu thich',
  'luu y',
  'nguon',
  'nguoi lap',
  'nguoi ky',
  'xac nhan',
  'thu truong',
  'kt',
  'tm',
  'chanh van phong',
  'giam doc',
];

/** Phrases that make a row without scores a section heading ("I. Sở, ban, ngành"). */
export const SECTION_PHRASES: readonly string[] = [
  'cap xa',
  'cap huyen',
  'cap tinh',
  'so ban nganh',
  'ban nganh',
  'xa phuong',
  'phuong xa',
  'huyen thi xa',
  'tinh thanh pho',
  'co quan chuyen mon',
];

/**
 * Words in a heading (sheet name, section row, level column) that name a level, checked in this
 * order: "huyện" before "xã" ("huyện, thị xã"), "xã" before "tỉnh" ("Xã Phường tỉnh X").
 */
export const LEVEL_HEADING_WORDS: ReadonlyArray<readonly [Level, readonly string[]]> = [
  ['huyen', ['huyen', 'cap huyen']],
  ['xa', ['cap xa', 'xa', 'phuong', 'thi tran', 'dac khu']],
  ['so', ['cap tinh', 'so ban', 'so nganh', 'ban nganh', 'cac so', 'co quan', 'co quan chuyen mon']],
  ['tinh', ['tinh', 'tinh thanh pho', 'tinh thanh']],
];

/** Kinds of unit named by the first words of a unit name. */
export type UnitKind =
  | 'xa'
  | 'phuong'
  | 'thi-tran'
  | 'dac-khu'
  | 'huyen'
  | 'thi-xa'
  | 'thanh-pho'
  | 'so'
  | 'tinh'
  | 'other';

/** Prefixes that name the kind of a local unit, longest first. */
export const KIND_PREFIXES: ReadonlyArray<readonly [string, UnitKind]> = [
  ['thi tran', 'thi-tran'],
  ['thi xa', 'thi-xa'],
  ['thanh pho', 'thanh-pho'],
  ['dac khu', 'dac-khu'],
  ['tp', 'thanh-pho'],
  ['tx', 'thi-xa'],
  ['tt', 'thi-tran'],
  ['xa', 'xa'],
  ['phuong', 'phuong'],
  ['huyen', 'huyen'],
  ['tinh', 'tinh'],
];

/** Beginnings of agency names (sở, ban, ngành and bodies evaluated with them). */
export const AGENCY_PREFIXES: readonly string[] = [
  'so',
  'ban',
  'thanh tra',
  'van phong',
  'cong an',
  'bao hiem xa hoi',
  'bhxh',
  'bql',
  'bo chi huy',
  'cuc',
  'chi cuc',
  'kho bac',
];

/** The people's committee prefix of local units: "UBND xã …", "Ủy ban nhân dân huyện …". */
export const COMMITTEE_PREFIXES: readonly string[] = ['uy ban nhan dan', 'ubnd'];

/** The word of each kind of period in a sheet name ("Điểm tháng", "Điểm năm"), as written. */
export const SHEET_PERIOD_WORDS = { week: 'tuần', month: 'tháng', quarter: 'quý', year: 'năm' } as const;

/** Sheet names of trend tables (units by month or quarter columns), not scores at one date. */
export const TREND_SHEET_WORDS: readonly string[] = ['xu huong', 'dien bien'];
