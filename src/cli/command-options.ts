import type { z } from 'zod';
import { loadConfig } from '../config/load.js';
import { DataError } from '../core/errors.js';
import type { CliIO } from './context.js';
import { describeOrigins, mergeOptionSources, unknownDefaults, unknownVariables, type OptionSpec } from './option-sources.js';
import { OPTIONS, parseOptions, type OptionKey } from './options.js';
import { userPath } from './user-path.js';

/**
 * A command's options from the command line, the DAKINDEX_* environment and the configuration
 * file's `defaults` (option-sources.ts), described by the option table (options.ts).
 */

/** Options that come together from one source (option-sources.ts `groups`). */
export const OPTION_GROUPS: readonly (readonly string[])[] = [
  ['week', 'month', 'quarter', 'year'],
  ['bottom', 'below'],
  ['weeks', 'months', 'quarters'],
];

/** DAKINDEX_* variables that are not options: not warned about. A new one is added here. */
export const OTHER_VARIABLES: readonly string[] = [
  'DAKINDEX_TODAY',
  // The LibreOffice of --pdf (src/io/pdf/find-soffice.ts).
  'DAKINDEX_SOFFICE',
  // Read by bench/maxrss.mjs in the CLI's process.
  'DAKINDEX_BENCH_RSS_FILE',
];

/** "--lock-wait <GIÂY>" → "lock-wait". */
const longName = (key: OptionKey) => OPTIONS[key].flag.split(' ')[0]!.replace(/^--/, '');

/** Long names of every option of the CLI. */
const ALL_NAMES: readonly string[] = (Object.keys(OPTIONS) as OptionKey[]).map(longName);

function specOf(key: OptionKey): OptionSpec {
  const spec: { flag: string; schema: z.ZodType; repeatable?: true } = OPTIONS[key];
  const type = spec.repeatable ? 'list' : spec.flag.includes(' ') ? 'string' : 'boolean';
  return { name: longName(key), type, schema: spec.schema };
}

/**
 * Validates a command's options (its zod object from declareOptions) with the environment and the
 * file's defaults laid under what was typed. Says on stderr which options were not typed, and which
 * DAKINDEX_* variables match no option.
 */
export function commandOptions<S extends z.ZodObject>(schema: S, raw: Record<string, unknown>, io: CliIO): z.infer<S> {
  for (const v of unknownVariables(io.env, ALL_NAMES, OTHER_VARIABLES)) {
    io.stderr(`Cảnh báo: biến môi trường ${v} không ứng với tùy chọn nào của dakindex, bỏ qua.\n`);
  }
  const configPath = typeof raw.config === 'string' ? raw.config : io.env.DAKINDEX_CONFIG || undefined;
  const { config, file } = loadConfig(configPath && userPath(io, configPath), io.cwd);
  const defaults = config.defaults ?? {};
  const unknown = file ? unknownDefaults(defaults, ALL_NAMES) : [];
  if (unknown.length) {
    throw new DataError(
      `${file}: defaults: ${unknown.map((k) => `"${k}"`).join(', ')} không phải tùy chọn dùng được trong tệp cấu hình; ` +
        `các tùy chọn: ${ALL_NAMES.filter((n) => n !== 'config').sort().join(', ')}`,
    );
  }
  const options = Object.keys(schema.shape)
    .filter((k): k is OptionKey => Object.hasOwn(OPTIONS, k))
    .map(specOf);
  const merged = mergeOptionSources({ options, flags: raw, env: io.env, file: file ? { path: file, defaults } : null, groups: OPTION_GROUPS });
  const line = describeOrigins(merged, options);
  if (line) io.stderr(`${line}\n`);
  return parseOptions(schema, merged.values);
}
