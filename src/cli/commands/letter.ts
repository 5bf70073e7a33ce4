import type { Command } from 'commander';
import { basename, resolve } from 'node:path';
import { z } from 'zod';
import type { Config } from '../../config/schema.js';
import { evaluationDate, issueWarnings } from '../../core/documents/issue-warnings.js';
import { localityName, slugOf } from '../../core/documents/letter-common.js';
import {
  buildLowScoreModel,
  lowScoreContext,
  lowScoreWarnings,
  selectLowScoring,
  type LowScoreChoice,
  type LowScoreInput,
} from '../../core/documents/letter-low-score.js';
import { buildParSipasModel, parSipasContext, parSipasWarnings, yearOf } from '../../core/documents/letter-par-sipas.js';
import { buildPublishModel, publishContext, type MonthPeriod } from '../../core/documents/letter-publish.js';
import { DataError, UsageError } from '../../core/errors.js';
import { formatScore, formatShortDate } from '../../core/format-vi.js';
import { newestFirst, periodSlug } from '../../core/periods.js';
import { findParSipasFile, scanDataFolder } from '../../io/data-folder.js';
import { readParSipas } from '../../io/readers/par-sipas.js';
import { isRelative, relativePeriod } from '../../core/relative-period.js';
import { commandOptions } from '../command-options.js';
import { configFor, type CliIO } from '../context.js';
import { common, documentOptions, isoDate, periodOptions, positiveInt } from '../options.js';
import { periodFromOptions, relativePeriodNote } from '../period-option.js';
import {
  dataDirOf,
  issueOf,
  lockWaitOf,
  outDirOf,
  periodSummary,
  printResult,
  readAndEvaluate,
  readNotes,
  readPeriod,
  templatesOf,
  writeDocuments,
  type Evaluated,
} from '../pipeline.js';
import { addDocumentOptions } from './document-options.js';

/**
 * `dakindex letter publish | low-score | par-sipas`: the three công văn of the seeds (000, 003,
 * 004). Same pipeline and guarantees as `report`: no document on data errors, atomic writes, no
 * overwrite without --force.
 */

const score100 = (what: string) =>
  z.coerce
    .number({ message: `${what} phải là số` })
    .min(0, `${what} phải từ 0 đến 100`)
    .max(100, `${what} phải từ 0 đến 100`);

const publishOptions = z.object({ ...common, ...documentOptions, month: periodOptions.month, year: periodOptions.year });
const lowScoreOptions = z.object({
  ...common,
  ...documentOptions,
  bottom: positiveInt('số địa phương').optional(),
  below: score100('điểm').optional(),
  target: score100('chỉ tiêu').optional(),
  since: isoDate.optional(),
  separate: z.boolean().default(false),
});
const parSipasOptions = z.object({ ...common, ...documentOptions, year: periodOptions.year });

export function registerLetter(program: Command, io: CliIO, today: () => string): void {
  const letter = program
    .command('letter')
    .description('Tạo CÔNG VĂN: công khai kết quả tháng, đôn đốc địa phương có điểm thấp, Chỉ số PAR Index và SIPAS');
  registerPublish(letter, io, today);
  registerLowScore(letter, io);
  registerParSipas(letter, io, today);
  for (const c of letter.commands) c.helpOption('-h, --help', 'hiển thị trợ giúp');
  letter.action(() => {
    throw new UsageError('cần chọn loại công văn: publish, low-score hoặc par-sipas (xem: dakindex letter --help)');
  });
}

// ------------------------------------------------------------------ publish (seed 000)

function registerPublish(letter: Command, io: CliIO, today: () => string): void {
  const cmd = letter
    .command('publish')
    .description('Công văn công khai kết quả Bộ chỉ số của một tháng, kèm các Phụ lục (ví dụ: --month 5 --year 2024)')
    .option('--month <M>', 'tháng công khai (bắt buộc); current: tháng này, previous: tháng trước (không cần --year)')
    .option('--year <Y>', 'năm (mặc định năm hiện tại); current, previous: năm nay, năm trước');
  addDocumentOptions(cmd);
  cmd.action(async (raw: Record<string, unknown>) => {
    const opts = commandOptions(cmd, publishOptions, raw, io);
    if (opts.month === undefined) throw new UsageError('cần --month M (tháng công khai kết quả), ví dụ: --month 5 --year 2024');
    const period = periodFromOptions({ month: opts.month, year: opts.year }, today()) as MonthPeriod;
    const periodNote = relativePeriodNote(opts, period);
    const config = configFor(opts, io);
    const templates = templatesOf(opts, io);
    const data = await readPeriod(period, opts, config, io, 'công văn');
    const input = { period, current: data.current.evaluation, comparison: data.comparison, config, issue: issueOf(opts) };
    const model = buildPublishModel(input, templates.render(['cong-van-cong-khai'], publishContext(input)));
    const name = `${data.current.evaluation.date}_cong-van-cong-khai-${periodSlug(period)}.docx`;
    const files = await writeDocuments([{ model, name }], outDirOf(opts, config, io), opts.force, lockWaitOf(opts, io));
    const warnings = [...data.warnings, ...issueWarnings(config, 'publish', input.issue, evaluationDate(input.current.date))];
    const notes = [periodNote ?? [], data.notes].flat();
    printResult(io, opts.json, 'công văn', files, { ...data, notes, warnings }, periodSummary(period, data));
  });
}

// ------------------------------------------------------------------ low-score (seed 003)

interface DayInputs {
  files: string[];
  /** The file's date from the folder scan; null with --input. */
  date: string | null;
  note: string;
}

/** The score file of one day: --input, else the file of that date in the data folder (the latest without a date). */
async function inputsOfDay(
  what: string,
  date: string | undefined,
  explicit: string[] | undefined,
  opts: { data?: string | undefined },
  config: Config,
  io: CliIO,
): Promise<DayInputs> {
  if (explicit?.length) {
    return { files: explicit.map((f) => resolve(io.cwd, f)), date: null, note: `${what}: ${explicit.join(', ')} (theo tùy chọn)` };
  }
  const dir = dataDirOf(opts, config, io);
  const { files } = await scanDataFolder(dir, config);
  const sorted = newestFirst(files);
  if (date) {
    const same = sorted.filter((f) => f.date === date);
    if (same.length === 0) {
      const near = [...new Set(sorted.map((f) => formatShortDate(f.date)))].slice(0, 8).reverse();
      throw new DataError(
        `Không có tệp dữ liệu ngày ${formatShortDate(date)} trong ${dir}${near.length ? ` (có các ngày: ${near.join(', ')})` : ''}. Dùng --input TỆP để chỉ định.`,
      );
    }
    const f = same[0]!;
    return { files: [f.path], date: f.date, note: `${what}: ${f.path} (ngày ${formatShortDate(f.date)})` };
  }
  const f = sorted[0];
  if (!f) throw new DataError(`Không có tệp dữ liệu có ngày nào trong ${dir}. Dùng --date YYYY-MM-DD hoặc --input TỆP.`);
  return { files: [f.path], date: f.date, note: `${what}: ${f.path} (ngày ${formatShortDate(f.date)}, tệp mới nhất)` };
}

function registerLowScore(letter: Command, io: CliIO): void {
  const cmd = letter
    .command('low-score')
    .description('Công văn đôn đốc các xã, phường có điểm thấp (ví dụ: --date 2026-03-09 --bottom 7 --target 94 --since 2026-01-09)')
    .option('--bottom <N>', 'chọn N xã, phường có điểm thấp nhất')
    .option('--below <ĐIỂM>', 'chọn mọi xã, phường có điểm dưới ĐIỂM')
    .option('--target <ĐIỂM>', 'chỉ tiêu điểm phải đạt đến cuối tháng (ví dụ: 94)')
    .option('--since <YYYY-MM-DD>', 'ngày so sánh thứ hạng của tỉnh (tệp dữ liệu của ngày đó)')
    .option('--separate', 'mỗi xã, phường một công văn riêng');
  addDocumentOptions(cmd);
  cmd.action(async (raw: Record<string, unknown>) => {
    const opts = commandOptions(cmd, lowScoreOptions, raw, io);
    if (opts.bottom !== undefined && opts.below !== undefined) throw new UsageError('chọn một trong --bottom N hoặc --below ĐIỂM, không dùng cả hai');
    if (opts.bottom === undefined && opts.below === undefined) {
      throw new UsageError('cần --bottom N (N xã, phường điểm thấp nhất) hoặc --below ĐIỂM (các xã, phường dưới ĐIỂM)');
    }
    const choice: LowScoreChoice = opts.bottom !== undefined ? { bottom: opts.bottom } : { below: opts.below! };
    const config = configFor(opts, io);
    const templates = templatesOf(opts, io);

    const day = await inputsOfDay('Dữ liệu', opts.date, opts.input, opts, config, io);
    const current = await readAndEvaluate(day.files, opts, config, day.date);
    let since: Evaluated | null = null;
    let sinceNote: string | null = null;
    if (opts.since || opts.previous?.length) {
      const ref = await inputsOfDay('Dữ liệu so sánh', opts.since, opts.previous, opts, config, io);
      since = await readAndEvaluate(ref.files, { sheet: opts.sheet, date: opts.since }, config, ref.date);
      sinceNote = ref.note;
      if (since.evaluation.date >= current.evaluation.date) {
        throw new UsageError(
          `--since phải là một ngày trước ngày của dữ liệu (${formatShortDate(current.evaluation.date)}); nhận được ${formatShortDate(since.evaluation.date)}`,
        );
      }
    }
    const selection = selectLowScoring(current.evaluation, choice);
    const input: LowScoreInput = {
      current: current.evaluation,
      since: since?.evaluation ?? null,
      target: opts.target ?? null,
      config,
      issue: issueOf(opts),
    };
    const groups = opts.separate ? selection.units.map((u) => [u]) : [selection.units];
    const base = `${current.evaluation.date}_cong-van-diem-thap`;
    const used = new Set<string>();
    const docs = groups.map((units) => {
      const model = buildLowScoreModel(input, templates.render(['cong-van-diem-thap'], lowScoreContext(input, units)));
      let name = opts.separate ? `${base}-${slugOf(localityName(units[0]!))}` : base;
      if (used.has(name)) name = `${name}-${units[0]!.rank}`;
      used.add(name);
      return { model, name: `${name}.docx` };
    });
    const files = await writeDocuments(docs, outDirOf(opts, config, io), opts.force, lockWaitOf(opts, io));

    const warnings = [
      ...current.evaluation.warnings,
      ...(since?.evaluation.warnings ?? []),
      ...selection.warnings,
      ...lowScoreWarnings(input),
      ...issueWarnings(config, 'lowScore', input.issue, evaluationDate(current.evaluation.date)),
    ];
    const read = readNotes(current, since);
    const notes = [day.note, ...(sinceNote ? [sinceNote] : []), ...read.notes];
    notes.push(
      `Chọn ${selection.units.length}/${selection.rated} UBND cấp xã: ${selection.units.map((u) => `${u.shortName} (${formatScore(u.score!)})`).join(', ')}`,
    );
    const p = current.evaluation.province;
    printResult(io, opts.json, 'công văn', files, { notes, warnings, skippedSheets: read.skippedSheets }, {
      inputs: { current: day.files, since: since ? since.evaluation.date : null },
      date: current.evaluation.date,
      province: p ? { name: p.name, score: p.score, rank: p.rank, of: p.of, sinceRank: since?.evaluation.province?.rank ?? null } : null,
      communes: selection.units.map((u) => ({ name: u.name, score: u.score, rank: u.rank })),
    });
  });
}

// ------------------------------------------------------------------ par-sipas (seed 004)

/** --input FILE, else the PAR/SIPAS file of the data folder (the one naming the year when several). */
function parSipasFile(opts: { input?: string[] | undefined; data?: string | undefined }, year: number | undefined, config: Config, io: CliIO): string {
  if (opts.input?.length) {
    if (opts.input.length > 1) throw new UsageError('--input: công văn PAR Index, SIPAS đọc một tệp số liệu');
    return resolve(io.cwd, opts.input[0]!);
  }
  return findParSipasFile(dataDirOf(opts, config, io), year);
}

function registerParSipas(letter: Command, io: CliIO, today: () => string): void {
  const cmd = letter
    .command('par-sipas')
    .description('Công văn về kết quả Chỉ số PAR Index và SIPAS của một năm so với năm trước (ví dụ: --year 2021 --input par-sipas-2021.yaml)')
    .option('--year <Y>', 'năm của kết quả, hoặc current|previous (mặc định năm mới nhất trong tệp số liệu)');
  addDocumentOptions(cmd);
  cmd.action(async (raw: Record<string, unknown>) => {
    const opts = commandOptions(cmd, parSipasOptions, raw, io);
    const askedYear = isRelative(opts.year) ? relativePeriod('year', opts.year, today()).year : opts.year;
    if (opts.previous?.length) throw new UsageError('--previous không dùng cho công văn PAR Index, SIPAS: tệp số liệu chứa cả năm trước');
    if (opts.date) throw new UsageError('--date không dùng cho công văn PAR Index, SIPAS: ngày công bố lấy từ tệp số liệu');
    if (opts.sheet.length > 1) throw new UsageError('--sheet: chỉ chọn một sheet');
    const config = configFor(opts, io);
    const templates = templatesOf(opts, io);
    const file = parSipasFile(opts, askedYear, config, io);
    const { data, year, skippedSheets } = await readParSipas(file, { config, year: askedYear, sheet: opts.sheet[0]?.name });

    const input = { year, data, config, issue: issueOf(opts) };
    const model = buildParSipasModel(input, templates.render(['cong-van-par-sipas'], parSipasContext(input)));
    const announced = yearOf(data, year).announced;
    const written = await writeDocuments(
      [{ model, name: `${announced}_cong-van-par-sipas-nam-${year}.docx` }],
      outDirOf(opts, config, io),
      opts.force,
      lockWaitOf(opts, io),
    );

    const cur = data.years[year]!;
    const yearNote = relativePeriodNote({ year: opts.year }, { kind: 'year', year });
    const notes = [
      ...(yearNote ? [yearNote] : []),
      `Số liệu PAR Index, SIPAS: ${basename(file)} (năm ${year}${data.years[year - 1] ? ` và năm ${year - 1}` : ''})`,
    ];
    const warnings = [
      ...parSipasWarnings(input),
      ...issueWarnings(config, 'parSipas', input.issue, { date: announced, what: `ngày công bố kết quả năm ${year} (theo ${basename(file)})` }),
    ];
    printResult(io, opts.json, 'công văn', written, { notes, warnings, skippedSheets }, {
      input: file,
      year,
      announced,
      par: cur.par,
      sipas: cur.sipas,
      previous: data.years[year - 1] ?? null,
    });
  });
}
