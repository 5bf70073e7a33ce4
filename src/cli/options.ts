import type { Command } from 'commander';
import { z } from 'zod';
import { isIsoDate, ISO_DATE_FORMAT } from '../core/iso-date.js';
import { UsageError } from '../core/errors.js';
import { RELATIVE_PERIODS } from '../core/relative-period.js';
import { LEVELS } from '../core/types.js';
import { parseSheetRequest } from '../io/readers/read-score-file.js';

/**
 * Every option of the CLI, declared once: its flag, its help and the zod schema of its value.
 * A command lists the keys it accepts (declareOptions); the same list registers the commander
 * options and builds the zod object that turns commander's strings into typed values. Rules
 * between options are refinements of that object (see the commands).
 */

const isoDate = z.string().regex(ISO_DATE_FORMAT, 'ngày phải có dạng YYYY-MM-DD').refine(isIsoDate, 'ngày không tồn tại');

/** `--sheet NAME` or `--sheet NAME=LEVEL` (tinh, so, huyen, xa); a bad level is a usage error. */
const sheetSelection = z.string().transform((s) => parseSheetRequest(s));

const positiveInt = (what: string, max?: number) =>
  z.coerce
    .number({ message: `${what} phải là số` })
    .int(`${what} phải là số nguyên`)
    .min(1, `${what} phải từ 1 trở lên`)
    .max(max ?? Number.MAX_SAFE_INTEGER, `${what} tối đa là ${max}`);

const score100 = (what: string) =>
  z.coerce
    .number({ message: `${what} phải là số` })
    .min(0, `${what} phải từ 0 đến 100`)
    .max(100, `${what} phải từ 0 đến 100`);

/** A period number, or `current` / `previous` (resolved against today, src/cli/period-option.ts). */
const periodNumber = (what: string, max?: number) =>
  z.union([z.enum(RELATIVE_PERIODS), positiveInt(what, max)], { error: `${what} phải là số, current hoặc previous` });

/** How long a run waits for another run writing into the same --out folder (src/io/output-lock.ts). */
export const DEFAULT_LOCK_WAIT_SECONDS = 30;

interface OptionSpec {
  /** Commander's flag, with its value placeholder. */
  flag: string;
  help: string;
  schema: z.ZodType;
  /** May be given several times: the values are collected in order. */
  repeatable?: true;
}

/** Keys are the names commander gives the values (camelCase of the flag). */
export const OPTIONS = {
  // Reading score files.
  sheet: {
    flag: '--sheet <TÊN[=CẤP]>',
    help: 'dùng sheet này cho cấp của nó, các sheet cấp khác vẫn được đọc; CẤP là tinh, so, huyen hoặc xa (lặp lại được)',
    schema: z.array(sheetSelection).default([]),
    repeatable: true,
  },
  province: { flag: '--province <TÊN>', help: 'tên tỉnh để lấy điểm và thứ hạng (mặc định theo cấu hình)', schema: z.string().min(1).optional() },
  date: { flag: '--date <YYYY-MM-DD>', help: 'ngày đánh giá của dữ liệu (mặc định lấy từ tiêu đề hoặc tên tệp)', schema: isoDate.optional() },
  config: { flag: '--config <TỆP>', help: 'tệp cấu hình (mặc định dakindex.config.json nếu có)', schema: z.string().min(1).optional() },
  json: { flag: '--json', help: 'in kết quả dạng JSON', schema: z.boolean().default(false) },
  // Writing documents.
  data: { flag: '--data <THƯ_MỤC>', help: 'thư mục chứa các tệp điểm theo ngày (mặc định ./data)', schema: z.string().min(1).optional() },
  input: {
    flag: '--input <TỆP>',
    help: 'tệp điểm của kỳ báo cáo, thay cho việc chọn trong --data (lặp lại được)',
    schema: z.array(z.string().min(1)).optional(),
    repeatable: true,
  },
  previous: {
    flag: '--previous <TỆP>',
    help: 'tệp điểm của kỳ trước để so sánh (lặp lại được)',
    schema: z.array(z.string().min(1)).optional(),
    repeatable: true,
  },
  out: { flag: '--out <THƯ_MỤC>', help: 'thư mục ghi văn bản (mặc định ./out)', schema: z.string().min(1).optional() },
  number: { flag: '--number <SỐ>', help: 'số văn bản (mặc định để trống như bản giấy)', schema: positiveInt('số văn bản').optional() },
  issued: { flag: '--issued <YYYY-MM-DD>', help: 'ngày ban hành (mặc định để trống ngày)', schema: isoDate.optional() },
  signer: {
    flag: '--signer <HỌ_TÊN>',
    help: 'họ tên người ký cho lần chạy này, thay tên trong cấu hình (documents.<loại>.signer.name) cả ở chữ ký và ở "(đ/c ...)" của Nơi nhận',
    schema: z.string().trim().min(1, 'họ tên người ký không được để trống').optional(),
  },
  templates: { flag: '--templates <THƯ_MỤC>', help: 'thư mục mẫu văn bản của cơ quan', schema: z.string().min(1).optional() },
  force: { flag: '--force', help: 'ghi đè tệp đã có', schema: z.boolean().default(false) },
  pdf: {
    flag: '--pdf',
    help: 'ghi thêm bản PDF bên cạnh mỗi .docx, cùng tên (cần LibreOffice: soffice trong PATH hoặc DAKINDEX_SOFFICE)',
    schema: z.boolean().default(false),
  },
  lockWait: {
    flag: '--lock-wait <GIÂY>',
    help: `chờ tối đa GIÂY giây khi một lần chạy khác đang ghi vào thư mục --out (mặc định ${DEFAULT_LOCK_WAIT_SECONDS})`,
    schema: z.coerce
      .number({ message: 'số giây chờ phải là số' })
      .min(0, 'số giây chờ phải từ 0 trở lên')
      .max(3600, 'số giây chờ tối đa là 3600')
      .default(DEFAULT_LOCK_WAIT_SECONDS),
  },
  // The period of a document.
  week: {
    flag: '--week <N>',
    help: 'tuần thứ N của tháng (tuần bắt đầu từ thứ Hai thứ N của tháng); current: tuần này, previous: tuần trước (không cần --month)',
    schema: periodNumber('tuần', 5).optional(),
  },
  month: {
    flag: '--month <M>',
    help: 'tháng; current: tháng này, previous: tháng trước (không cần --year)',
    schema: periodNumber('tháng', 12).optional(),
  },
  quarter: { flag: '--quarter <Q>', help: 'quý (1-4); current: quý này, previous: quý trước', schema: periodNumber('quý', 4).optional() },
  year: {
    flag: '--year <Y>',
    help: 'năm (mặc định năm hiện tại); current: năm nay, previous: năm trước',
    schema: periodNumber('năm').optional(),
  },
  // A batch: every period of a year.
  weeks: { flag: '--weeks', help: 'mọi tuần của năm (tuần bắt đầu từ thứ Hai)', schema: z.boolean().default(false) },
  months: { flag: '--months', help: 'mọi tháng của năm', schema: z.boolean().default(false) },
  quarters: { flag: '--quarters', help: 'mọi quý của năm', schema: z.boolean().default(false) },
  // Dates that bound a range (batch: the periods that begin in it; history: its dates).
  from: { flag: '--from <YYYY-MM-DD>', help: 'từ ngày (tính cả ngày này)', schema: isoDate.optional() },
  to: { flag: '--to <YYYY-MM-DD>', help: 'đến ngày (tính cả ngày này)', schema: isoDate.optional() },
  letters: {
    flag: '--letters <LOẠI,...>',
    help: 'công văn viết thêm cho mỗi kỳ, cách nhau bằng dấu phẩy: publish (công văn công khai kết quả tháng, với --months)',
    schema: z
      .string()
      .transform((s) => s.split(',').map((l) => l.trim()).filter(Boolean))
      .pipe(z.array(z.enum(['publish'], { message: 'loại công văn của tạo hàng loạt chỉ có: publish' })).min(1, 'cần ít nhất một loại công văn'))
      .optional(),
  },
  trend: {
    flag: '--trend',
    help: 'báo cáo tuần: thêm đoạn diễn biến điểm số, thứ hạng của tỉnh qua các tuần gần nhất (số tuần: trend.weeks trong cấu hình), biểu đồ và Phụ lục diễn biến điểm số; báo cáo tháng, quý, năm luôn có',
    schema: z.boolean().default(false),
  },
  // Công văn đôn đốc địa phương có điểm thấp.
  bottom: { flag: '--bottom <N>', help: 'chọn N xã, phường có điểm thấp nhất', schema: positiveInt('số địa phương').optional() },
  below: { flag: '--below <ĐIỂM>', help: 'chọn mọi xã, phường có điểm dưới ĐIỂM', schema: score100('điểm').optional() },
  target: { flag: '--target <ĐIỂM>', help: 'chỉ tiêu điểm phải đạt đến cuối tháng (ví dụ: 94)', schema: score100('chỉ tiêu').optional() },
  since: { flag: '--since <YYYY-MM-DD>', help: 'ngày so sánh thứ hạng của tỉnh (tệp dữ liệu của ngày đó)', schema: isoDate.optional() },
  separate: { flag: '--separate', help: 'mỗi xã, phường một công văn riêng', schema: z.boolean().default(false) },
  streak: {
    flag: '--streak <K>',
    help: 'chỉ chọn các đơn vị ở nhóm điểm thấp (--bottom, --below) tại cả K lần đánh giá gần nhất trong thư mục dữ liệu',
    schema: z.coerce
      .number({ message: 'số lần đánh giá phải là số' })
      .int('số lần đánh giá phải là số nguyên')
      .min(2, 'số lần đánh giá phải từ 2 trở lên')
      .max(520, 'số lần đánh giá tối đa là 520')
      .optional(),
  },
  // History (dakindex history).
  level: {
    flag: '--level <CẤP>',
    help: 'chỉ cấp này: tinh, so, huyen hoặc xa',
    schema: z.enum(LEVELS, { error: 'cấp phải là tinh, so, huyen hoặc xa' }).optional(),
  },
  unit: { flag: '--unit <TÊN>', help: 'điểm, xếp loại, thứ hạng của một đơn vị qua các ngày (ví dụ: "Ea Ly")', schema: z.string().trim().min(1, 'cần tên đơn vị').optional() },
  csv: { flag: '--csv', help: 'in dạng CSV cho Excel (UTF-8 có BOM, dấu ";", số thập phân dấu phẩy)', schema: z.boolean().default(false) },
  streaks: {
    flag: '--streaks',
    help: 'liệt kê các đơn vị ở nhóm điểm thấp liên tục (cần --streak K và --bottom N hoặc --below ĐIỂM)',
    schema: z.boolean().default(false),
  },
} as const satisfies Record<string, OptionSpec>;

export type OptionKey = keyof typeof OPTIONS;
type Shapes = { [K in OptionKey]: (typeof OPTIONS)[K]['schema'] };

/** The options of every command that reads score files. */
export const READ_OPTIONS = ['sheet', 'province', 'date', 'config', 'json'] as const satisfies readonly OptionKey[];
/** The options of every command that writes documents, after the ones that choose them. */
export const DOCUMENT_OPTIONS = [
  ...READ_OPTIONS,
  ...(['data', 'input', 'previous', 'out', 'number', 'issued', 'signer', 'templates', 'force', 'pdf', 'lockWait'] as const),
] as const satisfies readonly OptionKey[];
export const PERIOD_OPTIONS = ['week', 'month', 'quarter', 'year'] as const satisfies readonly OptionKey[];

/** The long flag of an option: "--province". */
export function flagOf(key: string): string {
  const spec = (OPTIONS as Record<string, OptionSpec>)[key];
  return spec ? spec.flag.split(' ')[0]! : `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * Registers `keys` on `cmd`, in order, and returns the zod object of their values. `help` replaces
 * an option's help for this command ("tháng công khai (bắt buộc)").
 */
export function declareOptions<K extends OptionKey>(
  cmd: Command,
  keys: readonly K[],
  help: Partial<Record<K, string>> = {},
): z.ZodObject<Pick<Shapes, K>> {
  const shape: Partial<Record<OptionKey, z.ZodType>> = {};
  for (const key of keys) {
    const spec: OptionSpec = OPTIONS[key];
    const text = help[key] ?? spec.help;
    if (spec.repeatable) cmd.option(spec.flag, text, collect);
    else cmd.option(spec.flag, text);
    shape[key] = spec.schema;
  }
  return z.object(shape as Pick<Shapes, K>);
}

/** The keys of `list` but `omit`, in order. */
export function without<K extends OptionKey, O extends K>(list: readonly K[], ...omit: O[]): Exclude<K, O>[] {
  return list.filter((k): k is Exclude<K, O> => !(omit as K[]).includes(k));
}

/**
 * Validates commander's raw options with a zod object; a failure is a usage error naming the
 * option. A rule between options (a refinement without path) is told only when every option is
 * valid on its own, in its own words.
 */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const ofOption = r.error.issues.filter((i) => i.path.length > 0);
  const lines = (ofOption.length ? ofOption : r.error.issues).map((i) => {
    const key = i.path[0];
    return key === undefined ? i.message : `${typeof key === 'string' ? flagOf(key) : 'tham số'}: ${i.message}`;
  });
  throw new UsageError(lines.join('\n'));
}

/** Commander's collector for repeatable options. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
