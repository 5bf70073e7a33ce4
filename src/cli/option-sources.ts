import type { z } from 'zod';
import { DataError, UsageError } from '../core/errors.js';

/**
 * Where an option's value comes from, highest first: the command line, a DAKINDEX_* environment
 * variable, the `defaults` section of the configuration file; else the option's own default (its
 * zod schema, or the configuration for --data and --out). Applied to the raw options before they
 * are validated, so every source goes through the same checks.
 */

/** How a value is written: a string (numbers included), a flag without value, or a repeatable option. */
export type OptionValueType = 'string' | 'boolean' | 'list';

export interface OptionSpec {
  /** The long name as typed, without dashes: "data", "lock-wait". */
  name: string;
  type: OptionValueType;
  /** The option's own schema: a value from the environment or the file is checked with it, naming where it came from. */
  schema?: z.ZodType;
}

export type OptionOrigin = { source: 'env'; variable: string } | { source: 'file'; file: string };

export interface OptionSourcesInput {
  /** The options the command accepts. */
  options: readonly OptionSpec[];
  /** The command line's values keyed by attribute ("lockWait"); undefined = not given. */
  flags: Readonly<Record<string, unknown>>;
  env: Readonly<Record<string, string | undefined>>;
  /** The configuration file's `defaults` section, keyed by long name; null without a file. */
  file: { path: string; defaults: Readonly<Record<string, unknown>> } | null;
  /**
   * Options taken together from the highest source that gives any of them (long names): the period
   * (`week`, `month`, `quarter`, `year`), so that `--month 5` typed on the command line is not
   * joined by `week: current` from the file.
   */
  groups?: readonly (readonly string[])[];
}

export interface MergedOptions {
  /** The raw options with every source applied, keyed by attribute, ready for the command's zod object. */
  values: Record<string, unknown>;
  /** Where each value that was not typed came from, keyed by attribute. */
  origins: Record<string, OptionOrigin>;
  /**
   * Values a lower source gave for an option of a group that a higher source gave (the period
   * typed, `year` in the file's defaults): not used, and told so.
   */
  ignored: { name: string; value: unknown; origin: OptionOrigin }[];
}

/** Options that only the command line or the environment can give. */
export const NOT_FROM_FILE: ReadonlySet<string> = new Set(['config']);

/** "lock-wait" → "lockWait": the key commander and the zod objects use. */
export function attributeOf(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** "lock-wait" → "DAKINDEX_LOCK_WAIT". */
export function envVariableOf(name: string): string {
  return `DAKINDEX_${name.toUpperCase().replace(/-/g, '_')}`;
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

/** An environment variable's value as the command line would give it; undefined when empty. */
function fromEnv(spec: OptionSpec, variable: string, text: string | undefined): unknown {
  if (text === undefined || text.trim() === '') return undefined;
  switch (spec.type) {
    case 'string':
      return text;
    case 'boolean': {
      const t = text.trim().toLowerCase();
      if (TRUE.has(t)) return true;
      if (FALSE.has(t)) return false;
      throw new UsageError(`${variable}=${text}: cần 1 hoặc 0 (true/false, yes/no, on/off)`);
    }
    case 'list':
      // One value per line: sheet names and paths may hold commas, semicolons and colons.
      return text.split(/\r?\n/).filter((l) => l.trim() !== '');
  }
}

/** A `defaults` entry as the command line would give it. */
function fromFile(spec: OptionSpec, where: string, value: unknown): unknown {
  const scalar = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);
  switch (spec.type) {
    case 'string': {
      const s = scalar(value);
      if (s === undefined) throw new DataError(`${where}: cần một giá trị (chuỗi hoặc số)`);
      return s;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw new DataError(`${where}: cần true hoặc false`);
      return value;
    case 'list': {
      const items = Array.isArray(value) ? value.map(scalar) : [scalar(value)];
      if (items.length === 0 || items.some((s) => s === undefined)) throw new DataError(`${where}: cần một giá trị hoặc một danh sách giá trị`);
      return items;
    }
  }
}

function check(spec: OptionSpec, value: unknown, describe: string, ErrorClass: typeof UsageError | typeof DataError): void {
  if (!spec.schema) return;
  const r = spec.schema.safeParse(value);
  if (!r.success) throw new ErrorClass(`${describe}: ${r.error.issues.map((i) => i.message).join('; ')}`);
}

/**
 * The command's raw options with the environment and the file's defaults laid under the command
 * line: flag > environment > file. Values from the environment and the file are converted to what
 * the command line would give (strings, booleans, lists of strings) and checked with the option's
 * schema; a bad one stops the run naming the variable (exit 2) or the file's key (exit 1).
 */
export function mergeOptionSources(input: OptionSourcesInput): MergedOptions {
  const values: Record<string, unknown> = { ...input.flags };
  const origins: Record<string, OptionOrigin> = {};
  const byName = new Map(input.options.map((o) => [o.name, o]));
  const groupOf = new Map<string, readonly string[]>();
  for (const g of input.groups ?? []) {
    const members = g.filter((n) => byName.has(n));
    for (const n of members) groupOf.set(n, members);
  }

  const envValue = (spec: OptionSpec) => {
    const variable = envVariableOf(spec.name);
    const value = fromEnv(spec, variable, input.env[variable]);
    if (value !== undefined) check(spec, value, `${variable}=${input.env[variable]}`, UsageError);
    return { variable, value };
  };
  const fileValue = (spec: OptionSpec) => {
    if (!input.file || NOT_FROM_FILE.has(spec.name) || !Object.hasOwn(input.file.defaults, spec.name)) return undefined;
    const where = `${input.file.path}, defaults.${spec.name}`;
    const value = fromFile(spec, where, input.file.defaults[spec.name]);
    check(spec, value, where, DataError);
    return value;
  };
  const given = (spec: OptionSpec) => input.flags[attributeOf(spec.name)] !== undefined;

  // Which source each option may take its value from: the group's highest source, or its own.
  const allowed = (spec: OptionSpec): 'flag' | 'env' | 'file' => {
    const members = (groupOf.get(spec.name) ?? [spec.name]).map((n) => byName.get(n)!);
    if (members.some(given)) return 'flag';
    if (members.some((m) => envValue(m).value !== undefined)) return 'env';
    return 'file';
  };

  const ignored: MergedOptions['ignored'] = [];
  for (const spec of input.options) {
    const key = attributeOf(spec.name);
    const level = allowed(spec);
    if (level === 'flag') {
      if (!given(spec) && groupOf.has(spec.name)) {
        const env = envValue(spec);
        if (env.value !== undefined) ignored.push({ name: spec.name, value: env.value, origin: { source: 'env', variable: env.variable } });
        else {
          const file = fileValue(spec);
          if (file !== undefined) ignored.push({ name: spec.name, value: file, origin: { source: 'file', file: input.file!.path } });
        }
      }
      continue;
    }
    const env = envValue(spec);
    if (env.value !== undefined) {
      values[key] = env.value;
      origins[key] = { source: 'env', variable: env.variable };
      continue;
    }
    if (level === 'env') {
      const file = fileValue(spec);
      if (file !== undefined) ignored.push({ name: spec.name, value: file, origin: { source: 'file', file: input.file!.path } });
      continue;
    }
    const file = fileValue(spec);
    if (file !== undefined) {
      values[key] = file;
      origins[key] = { source: 'file', file: input.file!.path };
    }
  }
  return { values, origins, ignored };
}

const shownValue = (v: unknown): string => (v === true ? '' : v === false ? ' false' : ` ${Array.isArray(v) ? v.join(', ') : String(v)}`);
const fromText = (origin: OptionOrigin): string => (origin.source === 'env' ? origin.variable : `${origin.file}, defaults`);

/**
 * A line telling which options were not typed: "Tùy chọn không gõ trên dòng lệnh: --week current
 * (DAKINDEX_WEEK), --data D:/Du lieu (dakindex.config.yaml, defaults)", and one for the values of a
 * group left unused ("Không dùng: --year 2025 (…, defaults), vì …"); null when there is nothing to tell.
 */
export function describeOrigins(merged: MergedOptions, options: readonly OptionSpec[]): string | null {
  const parts = options.flatMap((spec) => {
    const key = attributeOf(spec.name);
    const origin = merged.origins[key];
    if (!origin) return [];
    return [`--${spec.name}${shownValue(merged.values[key])} (${fromText(origin)})`];
  });
  const lines = parts.length ? [`Tùy chọn không gõ trên dòng lệnh: ${parts.join('; ')}`] : [];
  if (merged.ignored.length) {
    const dropped = merged.ignored.map(({ name, value, origin }) => `--${name}${shownValue(value)} (${fromText(origin)})`);
    lines.push(`Không dùng: ${dropped.join('; ')}, vì các tùy chọn cùng nhóm (kỳ báo cáo; --bottom, --below; --weeks, --months, --quarters) đã có ở nguồn ưu tiên hơn.`);
  }
  return lines.length ? lines.join('\n') : null;
}

/** Keys of a `defaults` section that are no option of any command (or that a file cannot give). */
export function unknownDefaults(defaults: Readonly<Record<string, unknown>>, allNames: Iterable<string>): string[] {
  const known = new Set(allNames);
  return Object.keys(defaults).filter((k) => !known.has(k) || NOT_FROM_FILE.has(k));
}

/** DAKINDEX_* variables that are no option of any command nor one of `others` (a typo, most likely). */
export function unknownVariables(env: Readonly<Record<string, string | undefined>>, allNames: Iterable<string>, others: readonly string[]): string[] {
  const known = new Set([...[...allNames].map(envVariableOf), ...others]);
  return Object.keys(env).filter((k) => k.startsWith('DAKINDEX_') && !known.has(k));
}
