import type { DocumentKindKey, DocumentSettings } from './settings.js';
import type { Comparison } from '../comparison.js';
import type { Evaluation, LevelResult } from '../evaluation.js';
import { formatCount, formatMax, formatScore, formatScoreChange, formatShortDate, joinAnd, roman } from '../format-vi.js';
import { LEVEL_WORDING } from '../labels.js';
import type { PeriodComparison } from '../period-comparison.js';
import { periodLabel, periodSlug, type Period } from '../periods.js';
import { provinceTrend, trendChart, trendGaps, trendWording, type ProvinceTrend, type TrendEntry, type TrendWording } from '../trend.js';
import { onlineServicesPoints, scoreUnit } from '../scoring.js';
import { evaluationFigures } from '../summary.js';
import { GROUP_KEYS, NO_DATA, type GroupKey, type Warning } from '../types.js';
import { trendAppendix, trendLevels } from './appendix.js';
import { dataAddressees, dataLevels, type Addressees } from './addressees.js';
import { appendedLevels, appendixNote, documentDate, documentFrame, levelAppendices, localLevels, provinceRank, type Issue } from './common.js';
import { datedWording, type DatedWording } from './dated-wording.js';
import { evaluationDate } from './issue-warnings.js';
import { PERIOD_KIND_WORDS } from '../sheet-choice.js';
import type { DocumentKind } from './kind.js';
import type { MarkupDocument } from './markup.js';
import type { DocumentModel } from './model.js';

export interface ReportInput {
  period: Period;
  current: Evaluation & { date: string };
  /** The one comparison of the document with earlier data; null without earlier data. */
  comparison: PeriodComparison | null;
  /**
   * The last periods of the report's kind, oldest first, ending with the report's own (its data
   * being `current`), for the "Diễn biến" passage, its chart and appendix; absent when the report
   * has none (a weekly report without the option asking for it).
   */
  trend?: TrendEntry[] | undefined;
  config: DocumentSettings;
  issue: Omit<Issue, 'fallback'>;
}

/** A criterion of QĐ 766 as the body text names it, with its maximum. */
export interface Criterion {
  label: string;
  max: string;
}

/** The data a report template receives: every figure already worded; dated wording as of the document's date. */
export interface ReportContext extends DatedWording {
  province: { name: string };
  period: { kind: Period['kind']; label: string; year: number };
  previous: { label: string } | null;
  date: string;
  issuer: { shortName: string };
  /** "các sở, ban, ngành, UBND cấp huyện và UBND cấp xã"; null when only the provinces were read. */
  levelsPhrase: string | null;
  /** Who the Kiến nghị asks to act, by the levels of the data. */
  addressees: Addressees;
  method: {
    criteria: Criterion[];
    agencyExample: { rate: string; label: string; max: string; points: string };
    /** Localities whose published total is the score: "UBND cấp xã", "UBND cấp huyện và UBND cấp xã". */
    localities: string | null;
    /** The same, listed with commas: "UBND cấp huyện, UBND cấp xã". */
    localitiesList: string | null;
    bands: string[];
  };
  results: {
    province: {
      letter: string;
      score: string;
      /** "tăng 0,27 điểm so với tuần 01 tháng 11" (or "so với ngày 02/7/2024"), or null without earlier data. */
      change: string | null;
      rank: string | null;
      criteria: { label: string; points: string; max: string }[];
    } | null;
    levels: { letter: string; heading: string; lines: string[] }[];
    /**
     * "đối với các sở, ban, ngành (Phụ lục I) và đối với UBND cấp xã (Phụ lục II)", from the
     * appendices the report carries; null when it carries none.
     */
    appendixRefs: string | null;
  };
  /**
   * The "Diễn biến" passage (templates/partials/dien-bien.hbs), after the levels: the province's
   * score and rank from `from` to `to` in one sentence (core/trend.ts), the periods without data;
   * null when the report has no trend or it has fewer than two points.
   */
  trend: (TrendWording & { letter: string }) | null;
}

type CriterionKey = Exclude<GroupKey, (typeof ONLINE_KEYS)[number]> | 'online';
const ONLINE_KEYS = ['dvctt', 'tttt', 'dvtt'] as const;

/**
 * The five criteria of QĐ 766 in the order of the appendix columns (GROUP_KEYS order, the online
 * group where its one or two columns stand), so the body lists them as the tables show them; the
 * 22-point online group is the sum of its two halves in six-group data.
 */
const CRITERIA: { key: CriterionKey; from: (g: Partial<Record<GroupKey, number>>) => number | undefined }[] = [
  ...new Set(GROUP_KEYS.map((k): CriterionKey => ((ONLINE_KEYS as readonly GroupKey[]).includes(k) ? 'online' : (k as CriterionKey)))),
].map((key) => ({ key, from: key === 'online' ? onlineServicesPoints : (g) => g[key] }));

function criterionLabel(config: DocumentSettings, key: CriterionKey): Criterion {
  const g = config.groups[key === 'online' ? 'dvtt' : key];
  return { label: g.label, max: formatMax(g.max) };
}

const LETTERS = 'abcdđeghiklmnopqrstuvxy';

export function reportContext(input: ReportInput): ReportContext {
  const { period, current, config } = input;
  const comparison = input.comparison?.comparison ?? null;
  const prevLabel = input.comparison?.label ?? null;
  const reported = localLevels(current);
  const localities = reported.filter((r) => r.level === 'huyen' || r.level === 'xa').map((r) => LEVEL_WORDING[r.level].noun);

  const province = current.province;
  const wording = reportTrend(input)?.wording;
  let letter = 0;
  const provinceResult = province
    ? {
        letter: LETTERS[letter++]!,
        score: formatScore(province.score),
        change:
          comparison?.province && prevLabel ? `${formatScoreChange(comparison.province.scoreDelta)} so với ${prevLabel}` : null,
        rank: provinceRank(province),
        criteria: CRITERIA.flatMap((c) => {
          const points = c.from(province.groups);
          return points === undefined ? [] : [{ ...criterionLabel(config, c.key), points: formatScore(points) }];
        }),
      }
    : null;

  const example = scoreUnit(
    { name: 'Sở A', level: 'so', values: { mdsh: { value: 75, kind: 'rate' } }, origin: { file: '', sheet: '', row: 0 } },
    config.groups,
    [],
  );

  return {
    province: { name: config.province.name },
    period: { kind: period.kind, label: periodLabel(period), year: period.year },
    previous: prevLabel ? { label: prevLabel } : null,
    date: formatShortDate(current.date),
    issuer: { shortName: config.documents[reportKindKey(period)].issuer.shortName },
    levelsPhrase: reported.length ? joinAnd(reported.map((r) => LEVEL_WORDING[r.level].reference)) : null,
    addressees: dataAddressees(current),
    ...datedWording(config, documentDate({ ...input.issue, fallback: current.date })),
    method: {
      criteria: CRITERIA.map((c) => criterionLabel(config, c.key)),
      agencyExample: {
        rate: '75',
        label: config.groups.mdsh.label,
        max: criterionLabel(config, 'mdsh').max,
        points: formatScore(example.score ?? 0),
      },
      localities: localities.length ? joinAnd(localities) : null,
      localitiesList: localities.length ? localities.join(', ') : null,
      bands: bandLines(config),
    },
    results: {
      province: provinceResult,
      levels: reported.map((r) => ({
        letter: LETTERS[letter++]!,
        heading: LEVEL_WORDING[r.level].heading,
        lines: countLines(r, config, comparison, prevLabel),
      })),
      appendixRefs: appendixRefs(current, trendAppendixNumber(input)),
    },
    trend: wording ? { ...wording, letter: LETTERS[letter++]! } : null,
  };
}

/** The report's trend and its wording: null without a trend of two points or more (no passage, no chart). */
function reportTrend(input: ReportInput): { trend: ProvinceTrend; wording: TrendWording } | null {
  const trend = input.trend ? provinceTrend(input.trend) : null;
  const wording = trend ? trendWording(trend) : null;
  return trend && wording ? { trend, wording } : null;
}

/** The number of the trend appendix, after the levels' appendices; null when the report has none. */
export function trendAppendixNumber(input: ReportInput): string | null {
  if (!input.trend || trendLevels(input.trend).length === 0) return null;
  return roman(appendedLevels(input.current).length + 1);
}

/**
 * "đối với các sở, ban, ngành (Phụ lục I) và đối với UBND cấp xã (Phụ lục II)", and "diễn biến
 * điểm số của các đơn vị (Phụ lục III)" when the report has the trend appendix; null without appendices.
 */
export function appendixRefs(current: Evaluation, trendNumber: string | null = null): string | null {
  const refs = appendedLevels(current).map(({ result, number }) => `đối với ${LEVEL_WORDING[result.level].reference} (Phụ lục ${number})`);
  if (trendNumber) refs.push(`diễn biến điểm số của các đơn vị (Phụ lục ${trendNumber})`);
  return refs.length ? joinAnd(refs) : null;
}

/** "Từ 90 đến 100 điểm xếp loại: Xuất sắc.", "Từ 80 đến dưới 90 điểm xếp loại: Tốt.", "Dưới 50 ...". */
export function bandLines(config: DocumentSettings): string[] {
  return config.bands.map((b, i) => {
    const upper = i === 0 ? null : config.bands[i - 1]!.min;
    const min = formatMax(b.min);
    if (upper === null) return `Từ ${min} đến 100 điểm xếp loại: ${b.label}.`;
    const max = formatMax(upper);
    if (b.min === 0) return `Dưới ${max} điểm xếp loại: ${b.label}.`;
    return `Từ ${min} đến dưới ${max} điểm xếp loại: ${b.label}.`;
  });
}

/**
 * One line per band, best first: "Có 87/102 UBND cấp xã xếp loại: Xuất sắc (giảm 05 địa phương so
 * với tuần 01 tháng 11).", "Không có cơ quan xếp loại: Khá.", then units without data.
 */
export function countLines(
  r: LevelResult,
  config: DocumentSettings,
  comparison: Comparison | null,
  prevLabel: string | null,
): string[] {
  const w = LEVEL_WORDING[r.level];
  const total = r.units.length;
  const delta = comparison?.levels[r.level]?.countDelta;
  const lines = config.bands.map((b) => {
    const n = r.counts[b.key];
    const named = config.comparison.countChangeBands.includes(b.key);
    const change = named && delta && prevLabel && delta[b.key] !== 0
      ? ` (${delta[b.key] > 0 ? 'tăng' : 'giảm'} ${formatCount(Math.abs(delta[b.key]))} ${w.changeNoun} so với ${prevLabel})`
      : '';
    return n === 0
      ? `Không có ${w.noun} xếp loại: ${b.label}${change}.`
      : `Có ${formatCount(n)}/${formatCount(total)} ${w.noun} xếp loại: ${b.label}${change}.`;
  });
  if (r.counts[NO_DATA] > 0) {
    lines.push(`Không có dữ liệu để đánh giá, xếp loại: ${formatCount(r.counts[NO_DATA])} ${w.noun}.`);
  }
  return lines;
}

/** The configuration of a report: the weekly one (seed 001) or the monthly, quarterly, yearly one (seed 002). */
export function reportKindKey(period: Period): DocumentKindKey {
  return period.kind === 'week' ? 'weeklyReport' : 'periodicReport';
}

/** The report's document: template text, header and signature from configuration, appendices from data. */
export function buildReportModel(input: ReportInput, text: MarkupDocument): DocumentModel {
  const { config, current, comparison, period } = input;
  const kind = config.documents[reportKindKey(period)];
  const issue: Issue = { ...input.issue, fallback: current.date };
  const note = appendixNote('Báo cáo', kind, issue);
  const trend = reportTrend(input)?.trend;
  const chart = trend ? trendChart(trend, config.province.name) : null;
  const trendNumber = trendAppendixNumber(input);
  const trendAppendices = trendNumber ? [trendAppendix(input.trend!, trendNumber, note, config)!] : [];
  return {
    kind: 'bao-cao',
    ...documentFrame(config, kind, issue, text, dataLevels(current), chart),
    title: {
      name: 'BÁO CÁO',
      summary: text.subject.length ? text.subject : [`Kết quả đánh giá ${periodLabel(period)}`],
    },
    appendices: [...levelAppendices(config, current, comparison, note), ...trendAppendices],
  };
}

/**
 * What the user should know of the report's trend: why it has no passage (the report's period has
 * no province score, or the history has fewer than two points), which periods it lacks, and why it
 * has no appendix.
 */
export function trendWarnings(input: ReportInput): Warning[] {
  const entries = input.trend;
  if (!entries || entries.length === 0) return [];
  const { config, period } = input;
  const province = config.province.name;
  const window = `${entries.length} ${PERIOD_KIND_WORDS[period.kind]} gần nhất (${periodLabel(entries[0]!.period)} đến ${periodLabel(period)})`;
  const none = 'báo cáo không có đoạn diễn biến và biểu đồ';
  const warnings: Warning[] = [];
  const trend = provinceTrend(entries);
  if (!trend) {
    warnings.push({ message: `Diễn biến: dữ liệu ${periodLabel(period)} không có điểm của tỉnh ${province}, ${none}.` });
  } else if (trend.points.length < 2) {
    warnings.push({ message: `Diễn biến: trong ${window} chỉ có số liệu của tỉnh ${province} ${periodLabel(period)}, ${none}.` });
  } else {
    if (trend.before.length) {
      warnings.push({
        message: `Diễn biến: không có số liệu của tỉnh ${joinAnd(trend.before.map(periodLabel))}; đoạn diễn biến và biểu đồ bắt đầu từ ${periodLabel(trend.slots[0]!.period)}.`,
      });
    }
    const gaps = trendGaps(trend);
    if (gaps.length) {
      warnings.push({
        message: `Diễn biến: không có số liệu của tỉnh ${joinAnd(gaps.map(periodLabel))}; biểu đồ để trống ${gaps.length > 1 ? 'các kỳ' : 'kỳ'} này và báo cáo ghi rõ trong đoạn diễn biến.`,
      });
    }
  }
  if (localLevels(input.current).length > 0 && trendLevels(entries).length === 0) {
    warnings.push({ message: `Diễn biến: các kỳ trước trong ${window} không có bảng điểm của sở, ban, ngành hay địa phương, báo cáo không có Phụ lục diễn biến điểm số.` });
  }
  return warnings;
}

/** What --json tells of a document on a period's data: the period, the comparison, the counts. */
export function periodDocumentSummary(input: ReportInput): object {
  const { period, current } = input;
  const c = input.comparison;
  return {
    period: { ...period, label: periodLabel(period), date: current.date },
    comparedWith: c ? { date: c.previousDate, label: c.label, previousPeriod: c.byPeriod } : null,
    ...evaluationFigures(current),
    ...(input.trend
      ? {
          trend: {
            periods: input.trend.map((e) => ({ label: periodLabel(e.period), date: e.evaluation?.date ?? null })),
            province: provinceTrend(input.trend)?.points ?? [],
          },
        }
      : {}),
  };
}

function reportKind(id: string, configKey: 'weeklyReport' | 'periodicReport', templates: (p: Period) => string[]): DocumentKind<ReportInput> {
  return {
    id,
    configKey,
    noun: 'báo cáo',
    templates: (input) => templates(input.period),
    documents: (input) => [{ context: reportContext(input), name: `${input.current.date}_bao-cao-${periodSlug(input.period)}` }],
    model: buildReportModel,
    warnings: trendWarnings,
    issueReference: (input) => evaluationDate(input.current.date),
    notes: () => [],
    summary: periodDocumentSummary,
  };
}

/** Báo cáo tuần (seed 001). */
export const weeklyReport = reportKind('weekly-report', 'weeklyReport', () => ['bao-cao-tuan', 'bao-cao']);

/** Báo cáo tháng, quý, năm (seed 002): bao-cao-month.hbs, -quarter, -year when the office has one, else bao-cao.hbs. */
export const periodicReport = reportKind('periodic-report', 'periodicReport', (p) => [`bao-cao-${p.kind}`, 'bao-cao']);

/** The report of a period: weekly or periodic. */
export function reportOf(period: Period): DocumentKind<ReportInput> {
  return period.kind === 'week' ? weeklyReport : periodicReport;
}
