/**
 * Which sheet a document takes when a workbook holds one level twice, by the period it reports on
 * ("Điểm tháng" for a monthly report, "Điểm năm" for a yearly one), and which sheets are not score
 * tables of one date at all (trend sheets, "Xu hướng tháng"). Shared by `report` and `letter`.
 */
import { LEVEL_WORDING } from './labels.js';
import { foldVietnamese } from './names.js';
import type { Period } from './periods.js';
import type { ScoreSheet, SkippedSheet } from './types.js';
import { SHEET_PERIOD_WORDS, TREND_SHEET_WORDS } from './vocabulary.js';

export type PeriodKind = Period['kind'];

/** The word of each kind of period as it stands in a sheet name ("Điểm tháng"), as written. */
export const PERIOD_KIND_WORDS: Record<PeriodKind, string> = SHEET_PERIOD_WORDS;

const FOLDED_WORDS = (Object.entries(PERIOD_KIND_WORDS) as [PeriodKind, string][]).map(
  ([kind, word]) => [kind, foldVietnamese(word)] as const,
);

/**
 * The kind of period a sheet name names: its first period word, as Vietnamese puts the smallest
 * unit first ("Tháng 11 năm 2025" is a month, "Quý IV năm 2025" a quarter). Case and diacritics are
 * ignored; null when the name has none.
 */
export function sheetPeriodKind(name: string): PeriodKind | null {
  const words = foldVietnamese(name).split(' ');
  for (const w of words) {
    const hit = FOLDED_WORDS.find(([, word]) => word === w);
    if (hit) return hit[0];
  }
  return null;
}

/** A trend sheet ("Xu hướng tháng", "Xu hướng quý"): scores of units by month or quarter columns. */
export function isTrendSheet(name: string): boolean {
  const folded = ` ${foldVietnamese(name)} `;
  return TREND_SHEET_WORDS.some((w) => folded.includes(` ${w} `));
}

export const TREND_SHEET_REASON =
  'sheet xu hướng (điểm của các đơn vị theo từng tháng, quý), không phải bảng điểm tại một ngày; không đọc';

export interface PeriodSheetChoice {
  sheets: ScoreSheet[];
  /** The sheets passed over for the one of the period, each with why. */
  skipped: SkippedSheet[];
  /** One line per choice made: which sheet, for which level, and why. */
  notes: string[];
}

/**
 * Where several sheets hold one level, keeps the one whose name names the period's kind (exactly
 * one must); levels held once, and levels where no single sheet names the kind, are left as they
 * are (checkLevelConflicts then asks the user).
 */
export function preferPeriodSheets(sheets: ScoreSheet[], kind: PeriodKind | undefined): PeriodSheetChoice {
  const out: PeriodSheetChoice = { sheets: [...sheets], skipped: [], notes: [] };
  if (!kind) return out;
  const word = PERIOD_KIND_WORDS[kind];
  const levels = [...new Set(sheets.map((s) => s.level))];
  for (const level of levels) {
    const same = sheets.filter((s) => s.level === level);
    if (same.length < 2) continue;
    const named = same.filter((s) => sheetPeriodKind(s.sheet) === kind);
    if (named.length !== 1) continue;
    const chosen = named[0]!;
    const others = same.filter((s) => s !== chosen);
    out.sheets = out.sheets.filter((s) => !others.includes(s));
    const what = LEVEL_WORDING[level].short;
    for (const o of others) {
      out.skipped.push({
        file: o.file,
        sheet: o.sheet,
        reason: `cùng là bảng ${what} như sheet "${chosen.sheet}"; kỳ ${word} dùng sheet "${chosen.sheet}"`,
      });
    }
    out.notes.push(
      `Bảng ${what}: dùng sheet "${chosen.sheet}" vì kỳ là ${word} (tên sheet có "${word}"); ` +
        `bỏ qua ${others.map((o) => `sheet "${o.sheet}"`).join(', ')}`,
    );
  }
  return out;
}
