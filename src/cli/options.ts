import { z } from 'zod';
import { UsageError } from '../core/errors.js';
import { RELATIVE_PERIODS } from '../core/relative-period.js';
import { parseSheetRequest } from '../io/readers/read-score-file.js';

/**
 * Options shared by the commands, each validated by one zod schema so that the command layer
 * works on typed values. Commander collects strings; these schemas say what they must be.
 */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'ngày không tồn tại');

/** `--sheet NAME` or `--sheet NAME=LEVEL` (tinh, so, huyen, xa); a bad level is a usage error. */
export const sheetSelection = z.string().transform((s) => parseSheetRequest(s));

const positiveInt = (what: string, max?: number) =>
  z.coerce
    .number({ message: `${what} phải là số` })
    .int(`${what} phải là số nguyên`)
    .min(1, `${what} phải từ 1 trở lên`)
    .max(max ?? Number.MAX_SAFE_INTEGER, `${what} tối đa là ${max}`);

export const common = {
  sheet: z.array(sheetSelection).default([]),
  province: z.string().min(1).optional(),
  date: isoDate.optional(),
  json: z.boolean().default(false),
  config: z.string().min(1).optional(),
};

/** How long a run waits for another run writing into the same --out folder (src/io/output-lock.ts). */
export const DEFAULT_LOCK_WAIT_SECONDS = 30;

export const documentOptions = {
  data: z.string().min(1).optional(),
  input: z.array(z.string().min(1)).optional(),
  previous: z.array(z.string().min(1)).optional(),
  out: z.string().min(1).optional(),
  number: positiveInt('số văn bản').optional(),
  issued: isoDate.optional(),
  templates: z.string().min(1).optional(),
  force: z.boolean().default(false),
  signer: z.string().trim().min(1, 'họ tên người ký không được để trống').optional(),
  lockWait: z.coerce
    .number({ message: 'số giây chờ phải là số' })
    .min(0, 'số giây chờ phải từ 0 trở lên')
    .max(3600, 'số giây chờ tối đa là 3600')
    .default(DEFAULT_LOCK_WAIT_SECONDS),
};

/** A period number, or `current` / `previous` (resolved against today, src/cli/period-option.ts). */
const periodNumber = (what: string, max?: number) =>
  z.union([z.enum(RELATIVE_PERIODS), positiveInt(what, max)], { error: `${what} phải là số, current hoặc previous` });

export const periodOptions = {
  week: periodNumber('tuần', 5).optional(),
  month: periodNumber('tháng', 12).optional(),
  quarter: periodNumber('quý', 4).optional(),
  year: periodNumber('năm').optional(),
};

export { isoDate, positiveInt };

/** Validates commander's raw options with a zod object; a failure is a usage error naming the option. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => {
    const key = i.path[0];
    const flag = typeof key === 'string' ? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : 'tham số';
    return `${flag}: ${i.message}`;
  });
  throw new UsageError(lines.join('\n'));
}

/** Commander's collector for repeatable options. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
