import type { DocumentSettings } from './settings.js';
import { DataError } from '../errors.js';
import {
  capitalize,
  formatLongDate,
  formatPercent,
  formatPercentChange,
  formatRankChange,
  formatScore,
  formatScoreChange,
  parseIsoDate,
  round,
} from '../format-vi.js';
import type { Level, Warning } from '../types.js';
import { addresseesOf, type Addressees } from './addressees.js';
import { congVanFrame, documentDate, type Issue } from './common.js';
import { datedWording, type DatedWording } from './dated-wording.js';
import type { DocumentKind } from './kind.js';
import type { MarkupDocument } from './markup.js';
import type { DocumentModel } from './model.js';

/** Công văn về kết quả Chỉ số PAR Index và SIPAS của một năm (seed 004). */

/** One year's published figures of the province (validated by src/io/readers/par-sipas.ts). */
export interface ParSipasYear {
  /** ISO date of the announcement of this year's results. */
  announced?: string;
  /** Number of provinces ranked. */
  provinces?: number;
  par: { score: number; rank: number };
  sipas: { percent: number; rank: number };
}

export interface ParSipasData {
  /** The source file, for messages. */
  file: string;
  years: Record<number, ParSipasYear>;
}

export interface ParSipasInput {
  year: number;
  data: ParSipasData;
  config: DocumentSettings;
  issue: Omit<Issue, 'fallback'>;
}

/** 1 July 2025: the district level was abolished; letters after it go to "UBND các xã, phường". */
const NO_DISTRICTS_FROM = '2025-07-01';

/** The levels that exist at a date: the letter has no score sheets to tell them. */
function levelsAt(date: string): ReadonlySet<Level> {
  return new Set<Level>(date < NO_DISTRICTS_FROM ? ['so', 'huyen', 'xa'] : ['so', 'xa']);
}

export interface ParSipasContext extends DatedWording {
  province: { name: string };
  year: number;
  previousYear: number;
  /** The year the letter asks to improve: year + 1 ("năm 2022"). */
  nextYear: number;
  /** "Ngày 25 tháng 5 năm 2022" */
  announced: string;
  /** "63" */
  provinces: string;
  /** Districts still existed at the announcement: Kính gửi "UBND các huyện, thị xã, thành phố". */
  hasDistricts: boolean;
  /** Kính gửi and the bodies asked to act: the agencies and the districts, or the communes after 01/7/2025. */
  addressees: Addressees;
  /** "86,52"; rank "36"; change "tăng 3,3 điểm, cải thiện 09 bậc so với năm 2020" or null. */
  par: { score: string; rank: string; change: string | null };
  /** "83,65%"; rank "59"; change "tăng 6,23%, cải thiện 03 bậc so với năm 2020" or null. */
  sipas: { score: string; rank: string; change: string | null };
}

/** The year's figures, or a data error naming the file. */
export function yearOf(data: ParSipasData, year: number): ParSipasYear & { announced: string; provinces: number } {
  const y = data.years[year];
  const known = Object.keys(data.years).join(', ');
  if (!y) throw new DataError(`${data.file}: không có số liệu năm ${year} (có: ${known || 'không năm nào'}).`);
  if (!y.announced) throw new DataError(`${data.file}: years.${year}.announced: thiếu ngày công bố kết quả năm ${year}.`);
  if (y.provinces === undefined) throw new DataError(`${data.file}: years.${year}.provinces: thiếu số tỉnh, thành phố được xếp hạng.`);
  return { ...y, announced: y.announced, provinces: y.provinces };
}

export function parSipasContext(input: ParSipasInput): ParSipasContext {
  const { year, data, config } = input;
  const cur = yearOf(data, year);
  const prev = data.years[year - 1];
  const since = `so với năm ${year - 1}`;
  return {
    province: { name: config.province.name },
    year,
    previousYear: year - 1,
    nextYear: year + 1,
    announced: capitalize(formatLongDate(parseIsoDate(cur.announced))),
    provinces: String(cur.provinces),
    hasDistricts: cur.announced < NO_DISTRICTS_FROM,
    addressees: addresseesOf(levelsAt(cur.announced)),
    ...datedWording(config, documentDate({ ...input.issue, fallback: cur.announced })),
    par: {
      score: formatScore(cur.par.score),
      rank: String(cur.par.rank),
      change: prev
        ? `${unchangedOr('giữ nguyên số điểm', cur.par.score - prev.par.score, formatScoreChange)}, ${formatRankChange(prev.par.rank - cur.par.rank, 'cải thiện', 'giảm')} ${since}`
        : null,
    },
    sipas: {
      score: formatPercent(cur.sipas.percent),
      rank: String(cur.sipas.rank),
      change: prev
        ? `${unchangedOr('giữ nguyên tỷ lệ', cur.sipas.percent - prev.sipas.percent, formatPercentChange)}, ${formatRankChange(prev.sipas.rank - cur.sipas.rank, 'cải thiện', 'giảm')} ${since}`
        : null,
    },
  };
}

/** "giữ nguyên số điểm" rather than a bare "không thay đổi" between the figure and the rank change. */
function unchangedOr(unchanged: string, delta: number, format: (d: number) => string): string {
  return round(delta, 2) === 0 ? unchanged : format(delta);
}

export function parSipasWarnings(input: ParSipasInput): Warning[] {
  return input.data.years[input.year - 1]
    ? []
    : [{ message: `${input.data.file}: không có số liệu năm ${input.year - 1}: công văn không nêu mức tăng, giảm so với năm trước.` }];
}

/**
 * The letter's document. Without --issued the date line keeps the day blank in the month and
 * year of the announcement.
 */
export function buildParSipasModel(input: ParSipasInput, text: MarkupDocument): DocumentModel {
  const { config, year, data } = input;
  const kind = config.documents.parSipas;
  const announced = yearOf(data, year).announced;
  const issue: Issue = { ...input.issue, fallback: announced };
  return {
    ...congVanFrame(config, kind, issue, text, `V/v Chỉ số PAR Index, Chỉ số SIPAS năm ${year}`, levelsAt(announced)),
    appendices: [],
  };
}

export const parSipas: DocumentKind<ParSipasInput> = {
  id: 'par-sipas',
  configKey: 'parSipas',
  noun: 'công văn',
  templates: () => ['cong-van-par-sipas'],
  documents: (input) => [
    { context: parSipasContext(input), name: `${yearOf(input.data, input.year).announced}_cong-van-par-sipas-nam-${input.year}` },
  ],
  model: buildParSipasModel,
  warnings: parSipasWarnings,
  issueReference: ({ data, year }) => ({
    date: yearOf(data, year).announced,
    what: `ngày công bố kết quả năm ${year} (theo ${data.file})`,
  }),
  notes: ({ data, year }) => [`Số liệu PAR Index, SIPAS: ${data.file} (năm ${year}${data.years[year - 1] ? ` và năm ${year - 1}` : ''})`],
  summary: ({ data, year }) => ({
    year,
    announced: yearOf(data, year).announced,
    par: data.years[year]!.par,
    sipas: data.years[year]!.sipas,
    previous: data.years[year - 1] ?? null,
  }),
};
