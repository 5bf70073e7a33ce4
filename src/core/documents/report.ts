import type { DocumentKindKey, DocumentSettings } from './settings.js';
import type { Comparison } from '../comparison.js';
import type { Evaluation, LevelResult } from '../evaluation.js';
import { formatCount, formatMax, formatScore, formatScoreChange, formatShortDate, joinAnd } from '../format-vi.js';
import { LEVEL_WORDING } from '../labels.js';
import type { PeriodComparison } from '../period-comparison.js';
import { periodLabel, periodSlug, type Period } from '../periods.js';
import { onlineServicesPoints, scoreUnit } from '../scoring.js';
import { evaluationFigures } from '../summary.js';
import { GROUP_KEYS, NO_DATA, type GroupKey } from '../types.js';
import { dataAddressees, dataLevels, type Addressees } from './addressees.js';
import { appendedLevels, appendixNote, documentDate, documentFrame, levelAppendices, localLevels, provinceRank, type Issue } from './common.js';
import { datedWording, type DatedWording } from './dated-wording.js';
import { evaluationDate } from './issue-warnings.js';
import type { DocumentKind } from './kind.js';
import type { MarkupDocument } from './markup.js';
import type { DocumentModel } from './model.js';

export interface ReportInput {
  period: Period;
  current: Evaluation & { date: string };
  /** The one comparison of the document with earlier data; null without earlier data. */
  comparison: PeriodComparison | null;
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
      appendixRefs: appendixRefs(current),
    },
  };
}

/** "đối với các sở, ban, ngành (Phụ lục I) và đối với UBND cấp xã (Phụ lục II)"; null without appendices. */
export function appendixRefs(current: Evaluation): string | null {
  const appended = appendedLevels(current);
  if (appended.length === 0) return null;
  return joinAnd(appended.map(({ result, number }) => `đối với ${LEVEL_WORDING[result.level].reference} (Phụ lục ${number})`));
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
  return {
    kind: 'bao-cao',
    ...documentFrame(config, kind, issue, text, dataLevels(current)),
    title: {
      name: 'BÁO CÁO',
      summary: text.subject.length ? text.subject : [`Kết quả đánh giá ${periodLabel(period)}`],
    },
    appendices: levelAppendices(config, current, comparison, appendixNote('Báo cáo', kind, issue)),
  };
}

/** What --json tells of a document on a period's data: the period, the comparison, the counts. */
export function periodDocumentSummary(input: ReportInput): object {
  const { period, current } = input;
  const c = input.comparison;
  return {
    period: { ...period, label: periodLabel(period), date: current.date },
    comparedWith: c ? { date: c.previousDate, label: c.label, previousPeriod: c.byPeriod } : null,
    ...evaluationFigures(current),
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
    warnings: () => [],
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
