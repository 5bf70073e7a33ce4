/**
 * Header labels → fields (shared/spec/inputs.md §2): case, diacritics, punctuation, extra spaces
 * and a trailing unit such as "(18)", "(%)", "(điểm)" are ignored.
 */
import { foldVietnamese } from '../../core/names.js';
import type { GroupKey } from '../../core/types.js';
import { COLUMN_ALIASES, LABEL_LEADING_WORDS, type Field } from '../../core/vocabulary.js';

export type { Field } from '../../core/vocabulary.js';

export interface LabelMatch {
  field: Field;
  /** The label says the column holds rates ("Tỷ lệ ...", "(%)"). */
  rate: boolean;
}

const BY_ALIAS = new Map<string, Field>();
for (const [field, names] of Object.entries(COLUMN_ALIASES) as Array<[Field, readonly string[]]>) {
  for (const n of names) BY_ALIAS.set(n, field);
}

/** A trailing "(18)", "(%)", "(điểm)", "(18 điểm)", "(100)" — the unit of the column. */
const TRAILING_UNIT = /\s*\(([^()]*)\)\s*$/u;
const UNIT_TEXT = /^(?:\d+(?:[.,]\d+)?)?\s*(?:%|diem|d|pt|points?)?$/;

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
    for (const w of LABEL_LEADING_WORDS) {
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
