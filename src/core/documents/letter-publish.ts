import type { DocumentSettings } from './settings.js';
import { DataError } from '../errors.js';
import { formatMax, formatScore, formatShortDate } from '../format-vi.js';
import { periodLabel, periodSlug, type Period } from '../periods.js';
import { onlineServicesPoints } from '../scoring.js';
import type { GroupKey } from '../types.js';
import { dataAddressees, dataLevels, type Addressees } from './addressees.js';
import { appendedLevels, appendicesPhrase, appendixNote, congVanFrame, documentDate, levelAppendices, provinceRank, type Issue } from './common.js';
import { datedWording, type DatedWording } from './dated-wording.js';
import type { MarkupDocument } from './markup.js';
import { evaluationDate } from './issue-warnings.js';
import type { DocumentKind } from './kind.js';
import { periodDocumentSummary, type ReportInput } from './report.js';
import type { DocumentModel } from './model.js';

/** Công văn công khai kết quả Bộ chỉ số of a month (seed 000). */

export type MonthPeriod = Extract<Period, { kind: 'month' }>;

/** The report's input for one month; its comparison feeds the appendices' change column. */
export type PublishInput = ReportInput & { period: MonthPeriod };

/** A group's points over its maximum: "10,0" / "18". */
export interface GroupFigure {
  points: string;
  max: string;
}

export interface PublishContext extends DatedWording {
  province: { name: string };
  /** "tháng 5/2024", month 5, year 2024. */
  period: { label: string; month: number; year: number };
  /** Evaluation date: "04/6/2024". */
  date: string;
  /** The data has a district level: Kính gửi "UBND các huyện, thị xã, thành phố". */
  hasDistricts: boolean;
  /** Kính gửi, by the levels of the data: ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"]. */
  addressees: Addressees;
  /** "73,73"; rank "31/63 tỉnh, thành phố" (after "xếp hạng"), null when unknown. */
  total: { score: string; rank: string | null };
  /**
   * The five groups of QĐ 766 in the seed's order; the online group is `split` into 3.1 / 3.2 when
   * the data has its two halves. Null when the province sheet lacks any of them.
   */
  groups: {
    ckmb: GroupFigure;
    tdgq: GroupFigure;
    online: GroupFigure & { split: { dvctt: GroupFigure; tttt: GroupFigure } | null };
    mdhl: GroupFigure;
    mdsh: GroupFigure;
  } | null;
  /** The letter carries appendices (levels other than the province). */
  hasAppendices: boolean;
  /** The appendices it carries: "Phụ lục I, II và III"; null without any. */
  appendices: string | null;
}

function figure(config: DocumentSettings, key: GroupKey, points: number | undefined): GroupFigure | null {
  return points === undefined ? null : { points: formatScore(points), max: formatMax(config.groups[key].max) };
}

export function publishContext(input: PublishInput): PublishContext {
  const { period, current, config } = input;
  const p = current.province;
  if (!p) {
    throw new DataError(
      `Dữ liệu ngày ${formatShortDate(current.date)} không có điểm của tỉnh ${config.province.name} (cần bảng điểm các tỉnh, thành phố): không tạo công văn công khai.`,
    );
  }
  const g = p.groups;
  const ckmb = figure(config, 'ckmb', g.ckmb);
  const tdgq = figure(config, 'tdgq', g.tdgq);
  const online = figure(config, 'dvtt', onlineServicesPoints(g));
  const mdhl = figure(config, 'mdhl', g.mdhl);
  const mdsh = figure(config, 'mdsh', g.mdsh);
  const dvctt = figure(config, 'dvctt', g.dvctt);
  const tttt = figure(config, 'tttt', g.tttt);
  const split = g.dvtt === undefined && dvctt && tttt ? { dvctt, tttt } : null;
  return {
    province: { name: config.province.name },
    period: { label: periodLabel(period), month: period.month, year: period.year },
    date: formatShortDate(current.date),
    hasDistricts: current.levels.huyen !== undefined,
    addressees: dataAddressees(current),
    ...datedWording(config, documentDate({ ...input.issue, fallback: current.date })),
    total: { score: formatScore(p.score), rank: provinceRank(p) },
    groups: ckmb && tdgq && online && mdhl && mdsh ? { ckmb, tdgq, online: { ...online, split }, mdhl, mdsh } : null,
    hasAppendices: appendedLevels(current).length > 0,
    appendices: appendicesPhrase(current),
  };
}


/** The letter's document: template text, header and signature from configuration, appendices as the report's. */
export function buildPublishModel(input: PublishInput, text: MarkupDocument): DocumentModel {
  const { config, current, comparison, period } = input;
  const kind = config.documents.publish;
  const issue: Issue = { ...input.issue, fallback: current.date };
  return {
    ...congVanFrame(config, kind, issue, text, `V/v công khai kết quả Bộ chỉ số ${periodLabel(period)}`, dataLevels(current)),
    appendices: levelAppendices(config, current, comparison, appendixNote('Công văn', kind, issue)),
  };
}

export const publish: DocumentKind<PublishInput> = {
  id: 'publish',
  configKey: 'publish',
  noun: 'công văn',
  templates: () => ['cong-van-cong-khai'],
  documents: (input) => [{ context: publishContext(input), name: `${input.current.date}_cong-van-cong-khai-${periodSlug(input.period)}` }],
  model: buildPublishModel,
  warnings: () => [],
  issueReference: (input) => evaluationDate(input.current.date),
  notes: () => [],
  summary: periodDocumentSummary,
};
