import type { DocumentSettings } from './settings.js';
import { DataError } from '../errors.js';
import type { Evaluation, LevelResult, ScoredUnit } from '../evaluation.js';
import { formatCount, formatMax, formatRankChange, formatScore, formatShortDate, parseIsoDate } from '../format-vi.js';
import type { Warning } from '../types.js';
import { congVanFrame, documentDate, provinceRank, type Issue } from './common.js';
import { basesOn, datedWording, type DatedWording } from './dated-wording.js';
import {
  committeeName,
  footnoteSafe,
  listedLocalityName,
  localityKinds,
  localityName,
  slugOf,
  unbreakableName,
} from './letter-common.js';
import { dataLevels } from './addressees.js';
import { evaluationDate } from './issue-warnings.js';
import type { DocumentKind } from './kind.js';
import type { MarkupDocument } from './markup.js';
import type { DocumentModel } from './model.js';
import { optionRef } from '../option-ref.js';
import { bottomUnits, type BottomChoice, type Streak } from '../history.js';

/** Công văn đôn đốc các địa phương có điểm thấp (seed 003). */

/** Which communes: the N lowest, or every one below a score. */
export type LowScoreChoice = BottomChoice;

export interface LowScoreInput {
  current: Evaluation & { date: string };
  /** The reference date's evaluation for the province's rank change (--since); null without it. */
  since: (Evaluation & { date: string }) | null;
  /** Score the communes must reach by the end of the month (--target); null: no target sentence. */
  target: number | null;
  config: DocumentSettings;
  issue: Omit<Issue, 'fallback'>;
  /**
   * The communes at the bottom at each of the last K evaluation dates, the last one `current`'s
   * (history.ts findStreak); the letter is about them only and says so. Absent or null: the
   * communes at the bottom on `current`'s date.
   */
  streak?: Streak | null | undefined;
}

export interface Selection {
  /** Best score first, as the seed lists them. */
  units: ScoredUnit[];
  /** How many communes have a score (the "102" of "từ 96 đến 102"). */
  rated: number;
  warnings: Warning[];
}

/**
 * The communes (level xã) the letter is about, best score first: the `bottom` lowest (with any
 * tied with the last one), or all below `below`. Communes without data are left out and counted in
 * a warning. No commune to write to is a data error.
 */
export function selectLowScoring(current: Evaluation & { date: string }, choice: LowScoreChoice): Selection {
  const level: LevelResult | undefined = current.levels.xa;
  const date = formatShortDate(current.date);
  if (!level || level.rated === 0) {
    throw new DataError(`Dữ liệu ngày ${date} không có điểm của UBND cấp xã: không có địa phương nào để đôn đốc.`);
  }
  const rated = level.units.filter((u) => u.score !== null);
  const warnings: Warning[] = [];
  const noData = level.units.length - rated.length;
  if (noData > 0) {
    warnings.push({ message: `${formatCount(noData)} UBND cấp xã không có dữ liệu ngày ${date}, không được nêu trong công văn.` });
  }
  const units = bottomUnits(level, choice);
  if ('bottom' in choice) {
    const n = Math.min(choice.bottom, rated.length);
    const cut = rated[rated.length - n]!.score!;
    if (units.length > n) {
      warnings.push({
        message: `${optionRef('bottom')} ${choice.bottom}: có ${formatCount(units.length - n)} địa phương cùng điểm ${formatScore(cut)} với địa phương thứ ${n} từ dưới lên, đã nêu cả.`,
      });
    }
    if (choice.bottom > rated.length) {
      warnings.push({ message: `${optionRef('bottom')} ${choice.bottom}: chỉ có ${formatCount(rated.length)} UBND cấp xã có điểm.` });
    }
  } else if (units.length === 0) {
    const lowest = rated[rated.length - 1]!;
    throw new DataError(
      `Không có UBND cấp xã nào dưới ${formatScore(choice.below)} điểm ngày ${date} (thấp nhất: ${lowest.name} ${formatScore(lowest.score!)} điểm): không tạo công văn.`,
    );
  }
  return { units, rated: rated.length, warnings };
}

export interface LowScoreContext extends DatedWording {
  /** The province: "93,79", rank "21/34 tỉnh, thành phố" (after "xếp"), change "tăng 12 bậc so với ngày 09/01/2026". */
  province: { name: string; score: string; rank: string | null; change: string | null } | null;
  /** Evaluation date: "09/3/2026". */
  date: string;
  year: number;
  /** One commune only (a --separate letter, or a selection of one). */
  single: boolean;
  /** After "Chủ tịch UBND " / "Bí thư ": "các phường, xã: Ea Ly, ..., Ea Drăng", or "xã Ea Ly". */
  localities: string;
  selection: {
    /** "07" */
    count: string;
    /** "từ 96 đến 102", or "102" when all share one rank. */
    ranks: string;
    /** "từ 84,54 đến 89,69", or "84,54". */
    scores: string;
    /** "UBND xã Ea Ly đạt 89,69 điểm, ..., UBND xã Ea Drăng đạt 84,54 điểm." */
    footnote: string;
  };
  /** "94" by "cuối tháng 3 năm 2026"; null without --target. */
  target: { score: string; deadline: string } | null;
  /** With a streak: why these communes, after "hiện có 04 địa phương "; null without. */
  streak: StreakWording | null;
}

export interface StreakWording {
  /** "liên tục 04 tuần nằm trong nhóm 07 địa phương có điểm thấp nhất của tỉnh" */
  text: string;
  /** "04" */
  times: string;
  /** "tuần" when the dates are consecutive weeks, else "lần đánh giá". */
  unit: string;
  /** "nằm trong nhóm 07 địa phương có điểm thấp nhất của tỉnh", "có điểm dưới 90" */
  criterion: string;
  /** The dates: "16/02/2026, 23/02/2026, 02/3/2026, 09/3/2026". */
  dates: string;
}

/** How the letter says why its communes were chosen when they stayed at the bottom. */
export function streakWording(streak: Streak): StreakWording {
  const times = formatCount(streak.dates.length);
  const unit = streak.weekly ? 'tuần' : 'lần đánh giá';
  const criterion =
    'bottom' in streak.choice
      ? `nằm trong nhóm ${formatCount(streak.choice.bottom)} địa phương có điểm thấp nhất của tỉnh`
      : `có điểm dưới ${formatMax(streak.choice.below)}`;
  return { text: `liên tục ${times} ${unit} ${criterion}`, times, unit, criterion, dates: streak.dates.map(formatShortDate).join(', ') };
}

function range(low: string, high: string): string {
  return low === high ? low : `từ ${low} đến ${high}`;
}

/** "UBND xã Ea Ly" with the place name kept on one line. */
function listedCommittee(u: ScoredUnit): string {
  const name = committeeName(u);
  return name.endsWith(u.shortName) ? name.slice(0, -u.shortName.length) + unbreakableName(u.shortName) : name;
}

/**
 * The template's data for a letter to `units` (all the selection, or one commune of it), best
 * score first.
 */
export function lowScoreContext(input: LowScoreInput, units: readonly ScoredUnit[]): LowScoreContext {
  const { current, since, config, target } = input;
  if (units.length === 0) throw new RangeError('lowScoreContext: no unit');
  const p = current.province;
  const sp = since?.province ?? null;
  const rankChange = p && sp && p.rank !== null && sp.rank !== null && since ? { by: sp.rank - p.rank, date: since.date } : null;
  const ranks = units.map((u) => u.rank!);
  const scores = units.map((u) => u.score!);
  const { year, month } = parseIsoDate(current.date);
  return {
    province: p
      ? {
          name: config.province.name,
          score: formatScore(p.score),
          rank: provinceRank(p),
          change: rankChange ? `${formatRankChange(rankChange.by)} so với ngày ${formatShortDate(rankChange.date)}` : null,
        }
      : null,
    date: formatShortDate(current.date),
    year,
    single: units.length === 1,
    localities:
      units.length === 1
        ? listedLocalityName(units[0]!)
        : `${localityKinds(units)}: ${units.map((u) => unbreakableName(u.shortName)).join(', ')}`,
    selection: {
      count: formatCount(units.length),
      ranks: range(String(Math.min(...ranks)), String(Math.max(...ranks))),
      scores: range(formatScore(Math.min(...scores)), formatScore(Math.max(...scores))),
      footnote: footnoteSafe(`${units.map((u) => `${listedCommittee(u)} đạt ${formatScore(u.score!)} điểm`).join(', ')}.`),
    },
    target: target === null ? null : { score: formatMax(target), deadline: `cuối tháng ${month} năm ${year}` },
    streak: input.streak ? streakWording(input.streak) : null,
    ...datedWording(config, documentDate({ ...input.issue, fallback: current.date })),
  };
}

/** Warnings about the comparison date, for the command to print. */
export function lowScoreWarnings(input: LowScoreInput): Warning[] {
  const { current, since, config } = input;
  const out: Warning[] = [];
  const date = documentDate({ ...input.issue, fallback: current.date });
  if (input.streak && !input.streak.weekly) {
    const w = streakWording(input.streak);
    out.push({
      message: `Các ngày đánh giá ${w.dates} không thuộc ${w.times} tuần liên tiếp (mỗi tuần, từ thứ Hai đến Chủ nhật, một ngày): công văn ghi "liên tục ${w.times} lần đánh giá", không ghi "tuần".`,
    });
  }
  if (input.target !== null && basesOn(config, date).lowScoreTarget.length === 0) {
    out.push({
      message: `${optionRef('target')} ${formatMax(input.target)}: cấu hình legalBases không có văn bản giao chỉ tiêu (in: lowScoreTarget) dùng cho ngày ${formatShortDate(date)}: công văn không có chú thích nguồn của chỉ tiêu.`,
    });
  }
  if (!current.province) {
    out.push({ message: `Dữ liệu không có điểm của tỉnh ${config.province.name}: công văn không nêu điểm, thứ hạng của tỉnh.` });
  } else if (since && (!since.province || since.province.rank === null || current.province.rank === null)) {
    out.push({
      message: `Không có thứ hạng của tỉnh ${config.province.name} ngày ${formatShortDate(since.date)}: công văn không nêu mức tăng, giảm bậc.`,
    });
  }
  return out;
}

/** The letter's document: template text, header and signature from configuration (documents.lowScore). */
export function buildLowScoreModel(input: LowScoreInput, text: MarkupDocument): DocumentModel {
  const { config, current } = input;
  const kind = config.documents.lowScore;
  const issue: Issue = { ...input.issue, fallback: current.date };
  return {
    ...congVanFrame(
      config,
      kind,
      issue,
      text,
      'V/v tập trung cải thiện Chỉ số phục vụ người dân, doanh nghiệp đối với các địa phương có điểm thấp',
      dataLevels(current),
    ),
    appendices: [],
  };
}

/** A run of the letter: the communes chosen, and whether each gets its own letter (--separate). */
export interface LowScoreRun extends LowScoreInput {
  choice: LowScoreChoice;
  separate: boolean;
}

const selections = new WeakMap<LowScoreRun, Selection>();

/** The run's selection, made once. */
function selectionOf(run: LowScoreRun): Selection {
  let s = selections.get(run);
  if (!s) selections.set(run, (s = run.streak ? selectStreak(run, run.streak) : selectLowScoring(run.current, run.choice)));
  return s;
}

/**
 * The communes at the bottom on the letter's date that were at the bottom at each date of the
 * streak. None is a data error; a streak that does not end on the letter's date is a bug.
 */
export function selectStreak(run: LowScoreInput & { choice: LowScoreChoice }, streak: Streak): Selection {
  if (streak.dates[streak.dates.length - 1] !== run.current.date || streak.level !== 'xa') {
    throw new RangeError(`selectStreak: streak of ${streak.level} ending ${streak.dates.at(-1)}, letter of ${run.current.date}`);
  }
  const selection = selectLowScoring(run.current, run.choice);
  const keys = new Set(streak.units.map((u) => u.key));
  const units = selection.units.filter((u) => keys.has(u.key));
  if (units.length === 0) {
    const w = streakWording(streak);
    throw new DataError(`Không có UBND cấp xã nào ${w.text} (các ngày ${w.dates}): không tạo công văn.`);
  }
  return { ...selection, units };
}

/** One letter to the whole selection, or one per commune named after it ("-xa-ea-ly"). */
function lowScoreDocuments(run: LowScoreRun): { context: LowScoreContext; name: string }[] {
  const { units } = selectionOf(run);
  const groups = run.separate ? units.map((u) => [u]) : [units];
  const base = `${run.current.date}_cong-van-diem-thap`;
  const used = new Set<string>();
  return groups.map((group) => {
    let name = run.separate ? `${base}-${slugOf(localityName(group[0]!))}` : base;
    if (used.has(name)) name = `${name}-${group[0]!.rank}`;
    used.add(name);
    return { context: lowScoreContext(run, group), name };
  });
}

export const lowScore: DocumentKind<LowScoreRun> = {
  id: 'low-score',
  configKey: 'lowScore',
  noun: 'công văn',
  templates: () => ['cong-van-diem-thap'],
  documents: lowScoreDocuments,
  model: buildLowScoreModel,
  warnings: (run) => [...selectionOf(run).warnings, ...lowScoreWarnings(run)],
  issueReference: (run) => evaluationDate(run.current.date),
  notes: (run) => {
    const s = selectionOf(run);
    const why = run.streak ? ` ${streakWording(run.streak).text}` : '';
    return [`Chọn ${s.units.length}/${s.rated} UBND cấp xã${why}: ${s.units.map((u) => `${u.shortName} (${formatScore(u.score!)})`).join(', ')}`];
  },
  summary: (run) => {
    const p = run.current.province;
    return {
      date: run.current.date,
      province: p ? { name: p.name, score: p.score, rank: p.rank, of: p.of, sinceRank: run.since?.province?.rank ?? null } : null,
      communes: selectionOf(run).units.map((u) => ({ name: u.name, score: u.score, rank: u.rank })),
      ...(run.streak ? { streak: { length: run.streak.dates.length, dates: run.streak.dates, weekly: run.streak.weekly } } : {}),
    };
  },
};
