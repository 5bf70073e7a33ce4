import type { Command } from 'commander';
import type { z } from 'zod';
import { loadConfig } from '../config/load.js';
import { DataError } from '../core/errors.js';
import type { CliIO } from './context.js';
import { describeOrigins, mergeOptionSources, unknownDefaults, unknownVariables, type OptionSpec } from './option-sources.js';
import { collect, parseOptions } from './options.js';

/**
 * Wires option-sources.ts into the commander commands: the options a command accepts are read from
 * its commander declaration, their schemas from its zod object.
 */

/** Options that come together from one source (option-sources.ts `groups`). */
export const OPTION_GROUPS: readonly (readonly string[])[] = [
  ['week', 'month', 'quarter', 'year'],
  ['bottom', 'below'],
];

/** DAKINDEX_* variables that are not options: not warned about. A new one is added here. */
export const OTHER_VARIABLES: readonly string[] = [
  'DAKINDEX_TODAY',
  // Read by bench/maxrss.mjs in the CLI's process.
  'DAKINDEX_BENCH_RSS_FILE',
];

function specsOf(cmd: Command, shape: Record<string, z.ZodType>): OptionSpec[] {
  return cmd.options.flatMap((o) => {
    if (!o.long) return [];
    const name = o.long.replace(/^--/, '');
    const type = o.isBoolean() ? 'boolean' : o.parseArg === collect ? 'list' : 'string';
    const schema = shape[o.attributeName()];
    return [{ name, type, ...(schema ? { schema } : {}) } satisfies OptionSpec];
  });
}

/** Long names of every option of every command of the program (not the program's own --version). */
function allOptionNames(cmd: Command): string[] {
  let root = cmd;
  while (root.parent) root = root.parent;
  const names: string[] = [];
  const visit = (c: Command) => {
    for (const o of c.options) if (o.long) names.push(o.long.replace(/^--/, ''));
    c.commands.forEach(visit);
  };
  root.commands.forEach(visit);
  return [...new Set(names)];
}

/**
 * The command's options from the command line, the DAKINDEX_* environment and the configuration
 * file's `defaults`, validated by its zod object. Says on stderr which options were not typed, and
 * which DAKINDEX_* variables match no option.
 */
export function commandOptions<S extends z.ZodObject>(cmd: Command, schema: S, raw: Record<string, unknown>, io: CliIO): z.infer<S> {
  const names = allOptionNames(cmd);
  for (const v of unknownVariables(io.env, names, OTHER_VARIABLES)) {
    io.stderr(`Cảnh báo: biến môi trường ${v} không ứng với tùy chọn nào của dakindex, bỏ qua.\n`);
  }
  const configPath = typeof raw.config === 'string' ? raw.config : io.env.DAKINDEX_CONFIG || undefined;
  const { config, file } = loadConfig(configPath, io.cwd);
  const defaults = config.defaults ?? {};
  const unknown = file ? unknownDefaults(defaults, names) : [];
  if (unknown.length) {
    throw new DataError(
      `${file}: defaults: ${unknown.map((k) => `"${k}"`).join(', ')} không phải tùy chọn dùng được trong tệp cấu hình; ` +
        `các tùy chọn: ${names.filter((n) => n !== 'config').sort().join(', ')}`,
    );
  }
  const options = specsOf(cmd, schema.shape as Record<string, z.ZodType>);
  const merged = mergeOptionSources({
    options,
    flags: raw,
    env: io.env,
    file: file ? { path: file, defaults } : null,
    groups: OPTION_GROUPS,
  });
  const line = describeOrigins(merged, options);
  if (line) io.stderr(`${line}\n`);
  return parseOptions(schema, merged.values);
}
