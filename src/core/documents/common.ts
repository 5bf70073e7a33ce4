import type { DocumentKindSettings, DocumentSettings } from './settings.js';
import type { Level } from '../types.js';
import type { Evaluation, LevelResult, ProvinceResult } from '../evaluation.js';
import type { PeriodComparison } from '../period-comparison.js';
import { CHANGE_HEADER, levelAppendix } from './appendix.js';
import { formatDocumentNumber, formatLongDate, formatPlaceDate, joinAnd, parseIsoDate, roman } from '../format-vi.js';
import { placeChart, type MarkupDocument } from './markup.js';
import type { Appendix, Chart, DocumentModel } from './model.js';
import { recipientsOf, signerName } from './recipients.js';

/**
 * Number, date of issue and signer: number and day blank by default, as the seeds; the month and
 * year are filled; the signer is the configuration's.
 */
export interface Issue {
  number?: number;
  /** ISO date of issue; without it the day is left blank in the month of `fallback`. */
  issued?: string;
  /** ISO date whose month and year stand in the blank date (the evaluation date). */
  fallback: string;
  /** Họ tên người ký for this run (--signer), in place of the configuration's. */
  signer?: string;
}

export function issueDate(issue: Issue): { year: number; month: number; day?: number } {
  if (issue.issued) return parseIsoDate(issue.issued);
  const { year, month } = parseIsoDate(issue.fallback);
  return { year, month };
}

/**
 * The document's date, by which its dated wording (legal bases, names) is chosen: the date of issue
 * when given, else the date of its data, the month and year its date line shows.
 */
export function documentDate(issue: Issue): string {
  return issue.issued ?? issue.fallback;
}

/**
 * The parts every document shares: page layout, header table, Kính gửi, body (with its chart, if
 * any, where the template's "@bieu-do" stands), signature and Nơi nhận (the configuration's, its
 * level entries kept for the `levels` the document speaks of).
 */
export function documentFrame(
  config: DocumentSettings,
  kind: DocumentKindSettings,
  issue: Issue,
  text: MarkupDocument,
  levels: ReadonlySet<Level>,
  chart: Chart | null = null,
): Pick<DocumentModel, 'layout' | 'header' | 'signature' | 'body' | 'recipients'> {
  return {
    body: placeChart(text.blocks, chart),
    ...(text.recipients.length ? { recipients: text.recipients } : {}),
    layout: { margins: { ...config.layout.margins }, bodySize: config.layout.bodySize },
    header: {
      parent: kind.issuer.parent,
      issuer: kind.issuer.name,
      number: formatDocumentNumber(kind.symbol, issue.number),
      placeDate: formatPlaceDate(config.province.place, issueDate(issue)),
    },
    signature: {
      recipients: recipientsOf(kind.recipients, levels, signerName(kind.signer.name, issue.signer)),
      title: kind.signer.title,
      name: signerName(kind.signer.name, issue.signer),
    },
  };
}

/**
 * The province's rank as it follows "xếp" / "xếp hạng": "31/63 tỉnh, thành phố" when the province
 * sheet lists the other provinces; "thứ 31" from a published rank alone; null when unknown.
 */
export function provinceRank(p: ProvinceResult): string | null {
  if (p.rank === null) return null;
  return p.of !== null ? `${p.rank}/${p.of} tỉnh, thành phố` : `thứ ${p.rank}`;
}

/** "(Kèm theo Báo cáo số      /BC-VPUBND ngày      tháng 11 năm 2025 của Văn phòng UBND tỉnh)" */
export function appendixNote(documentName: string, kind: DocumentKindSettings, issue: Issue): string {
  const number = formatDocumentNumber(kind.symbol, issue.number).replace(/^Số: /, '');
  return `(Kèm theo ${documentName} số ${number} ${formatLongDate(issueDate(issue))} của ${kind.issuer.shortName})`;
}

/** A công văn: the shared frame with the template's V/v lines, or `defaultSubject`, under Số. */
export function congVanFrame(
  config: DocumentSettings,
  kind: DocumentKindSettings,
  issue: Issue,
  text: MarkupDocument,
  defaultSubject: string,
  levels: ReadonlySet<Level>,
): Pick<DocumentModel, 'kind' | 'layout' | 'header' | 'signature' | 'body' | 'recipients'> {
  const frame = documentFrame(config, kind, issue, text, levels);
  return {
    kind: 'cong-van',
    ...frame,
    header: { ...frame.header, subject: text.subject.length ? text.subject : [defaultSubject] },
  };
}

/** The levels a document reports on and appends: all but the provinces, in level order. */
export function localLevels(e: Evaluation): LevelResult[] {
  return (Object.values(e.levels) as LevelResult[]).filter((r) => r.level !== 'tinh');
}

/**
 * The Phụ lục a document carries: one per local level, numbered I, II, III in level order. The
 * appendices and every sentence naming them are built from this list, so they cannot disagree.
 */
export function appendedLevels(e: Evaluation): { result: LevelResult; number: string }[] {
  return localLevels(e).map((result, i) => ({ result, number: roman(i + 1) }));
}

/** "Phụ lục I, II và III": the appendices a document carries, as a sentence names them; null without any. */
export function appendicesPhrase(e: Evaluation): string | null {
  const numbers = appendedLevels(e).map((a) => a.number);
  return numbers.length ? `Phụ lục ${joinAnd(numbers)}` : null;
}

/**
 * One Phụ lục per local level, with the change column when there are earlier data: "So với kỳ
 * trước" when they are the previous period's, else "So với ngày 02/7/2024".
 */
export function levelAppendices(config: DocumentSettings, current: Evaluation, comparison: PeriodComparison | null, note: string): Appendix[] {
  const header = comparison && !comparison.byPeriod ? `So với ${comparison.label}` : CHANGE_HEADER;
  return appendedLevels(current).map(({ result, number }) =>
    levelAppendix(result, number, note, config, comparison?.comparison.levels[result.level] ?? null, header),
  );
}

/**
 * Why a document's text names an appendix it does not carry ("Kèm theo các Phụ lục ..." with no
 * Phụ lục, "Phụ lục III" with two), or null. A last guard for the office's own templates.
 */
export function appendixMentionProblem(model: DocumentModel): string | null {
  const text = model.body
    .map((b) => (b.type === 'chart' ? '' : b.runs.map((r) => `${r.text} ${r.footnote ?? ''}`).join('')))
    .join('\n')
    .normalize('NFC');
  const have = new Set(model.appendices.map((a) => a.number));
  for (const m of text.matchAll(/phụ lục(?:\s+([IVXLC]+)\b)?/giu)) {
    const number = m[1]?.toUpperCase();
    if (have.size === 0) return `văn bản nhắc đến "${m[0]}" nhưng không có Phụ lục nào (dữ liệu không có bảng của sở, ban, ngành hay địa phương)`;
    if (number && !have.has(number)) {
      return `văn bản nhắc đến "${m[0]}" nhưng chỉ có ${[...have].map((n) => `Phụ lục ${n}`).join(', ')}`;
    }
  }
  return null;
}
