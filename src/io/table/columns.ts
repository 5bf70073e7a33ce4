/**
 * Header labels → fields (shared/spec/inputs.md §2): case, diacritics, punctuation, extra spaces
 * and a trailing unit such as "(18)", "(%)", "(điểm)" are ignored.
 */
import { foldVietnamese } from '../../core/names.js';
import type { GroupKey } from '../../core/types.js';

export type Field = 'name' | 'code' | 'level' | 'total' | 'rank' | GroupKey;

export interface LabelMatch {
  field: Field;
  /** The label says the column holds rates ("Tỷ lệ ...", "(%)"). */
  rate: boolean;
}

const ALIASES: Record<Field, string[]> = {
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

const BY_ALIAS = new Map<string, Field>();
for (const [field, names] of Object.entries(ALIASES) as Array<[Field, string[]]>) {
  for (const n of names) BY_ALIAS.set(n, field);
}

/** A trailing "(18)", "(%)", "(điểm)", "(18 điểm)", "(100)" — the unit of the column. */
const TRAILING_UNIT = /\s*\(([^()]*)\)\s*$/u;
const UNIT_TEXT = /^(?:\d+(?:[.,]\d+)?)?\s*(?:%|diem|d|pt|points?)?$/;
/** Words that may precede a group's name in a label. */
const LEADING_WORDS = ['diem', 'nhom chi so', 'nhom', 'chi so', 'ty le'];

/** Match one header label. Returns null for unknown labels (they are ignored). */
export function matchLabel(label: string): LabelMatch | null {
  let raw = label.trim();
  if (raw === '') return null;
  let rate = raw.includes('%');
  for (let i = 0; i < 2; i++) {
    const m = TRAILING_UNIT.exec(raw);
    if (!m || !UNIT_TEXT.test(foldVietnamese(m[1] ?? ''))) break;
    raw = raw.slice(0, m.index);
  }
  let folded = foldVietnamese(raw);
  if (folded === '') return null;
  if (/(?:^| )ty le(?: |$)/.test(folded)) rate = true;
  const direct = BY_ALIAS.get(folded);
  if (direct) return { field: direct, rate };
  // "Điểm công khai, minh bạch", "Tỷ lệ số hóa hồ sơ", "Nhóm chỉ số tiến độ giải quyết".
  let changed = true;
  while (changed) {
    changed = false;
    for (const w of LEADING_WORDS) {
      if (folded.startsWith(w + ' ')) {
        folded = folded.slice(w.length + 1);
        changed = true;
      }
    }
    const f = BY_ALIAS.get(folded);
    if (f && f !== 'name' && f !== 'code' && f !== 'level' && f !== 'rank') return { field: f, rate };
  }
  return null;
}

export function isGroupField(f: Field): f is GroupKey {
  return f !== 'name' && f !== 'code' && f !== 'level' && f !== 'total' && f !== 'rank';
}
