import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { DataError } from '../core/errors.js';
import { DEFAULT_CONFIG } from './default.js';
import { configSchema, type Config } from './schema.js';

export const CONFIG_FILE_NAMES = ['dakindex.config.json', 'dakindex.config.yaml', 'dakindex.config.yml'];

export interface LoadedConfig {
  config: Config;
  /** The file read, or null for the built-in default. */
  file: string | null;
}

/**
 * The configuration: the file named by --config, else the first dakindex.config.* in `cwd`, else
 * the built-in default. A file overrides the default key by key; arrays replace whole.
 */
export function loadConfig(explicit: string | undefined, cwd: string): LoadedConfig {
  const file = explicit ? resolve(cwd, explicit) : CONFIG_FILE_NAMES.map((n) => resolve(cwd, n)).find(existsSync);
  if (!file) return { config: DEFAULT_CONFIG, file: null };
  if (!existsSync(file)) throw new DataError(`Không tìm thấy tệp cấu hình: ${file}`);
  const text = readFileSync(file, 'utf8');
  let raw: unknown;
  try {
    raw = extname(file) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new DataError(`${file}: không đọc được cấu hình (${(e as Error).message.split('\n')[0]})`);
  }
  return { config: parseConfig(raw, file), file };
}

/** Validates a parsed configuration object laid over the default. */
export function parseConfig(raw: unknown, file: string): Config {
  if (raw !== null && typeof raw !== 'object') throw new DataError(`${file}: cấu hình phải là một đối tượng JSON/YAML`);
  const merged = deepMerge(DEFAULT_CONFIG, (raw ?? {}) as Record<string, unknown>);
  const result = configSchema.safeParse(merged);
  if (result.success) return result.data;
  throw new DataError(`${file}: cấu hình không hợp lệ:\n${describeIssues(result.error.issues)}`);
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const key = (i: z.core.$ZodIssue) => i.path.map(String).join('.');
  const wrongType = new Set(issues.filter((i) => i.code === 'invalid_type').map(key));
  return issues
    .filter((i) => i.code === 'invalid_type' || !wrongType.has(key(i)))
    .map((i) => `  - ${i.path.map(String).join('.') || '(gốc)'}: ${explain(i)}`)
    .join('\n');
}

function explain(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `cần kiểu ${issue.expected}`;
    case 'too_small':
      if (issue.origin === 'array') return `cần ${issue.exact ? 'đúng' : 'ít nhất'} ${String(issue.minimum)} phần tử`;
      if (issue.origin === 'string') return 'không được để trống';
      return `giá trị nhỏ nhất cho phép là ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `cần ${issue.exact ? 'đúng' : 'nhiều nhất'} ${String(issue.maximum)} phần tử`;
      return `giá trị lớn nhất cho phép là ${String(issue.maximum)}`;
    case 'invalid_value':
      return `cần một trong các giá trị ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `khóa không được hỗ trợ: ${issue.keys.join(', ')}${issue.keys.map((k) => RENAMED[[...issue.path, k].join('.')] ?? '').join('')}`;
    default:
      return issue.message;
  }
}

/** Keys of earlier versions, with where their content went. */
const RENAMED: Record<string, string> = {
  'documents.report':
    ' (documents.report đã tách thành documents.weeklyReport cho báo cáo tuần và documents.periodicReport cho báo cáo tháng, quý, năm)',
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function deepMerge<T>(base: T, over: Record<string, unknown>): T {
  if (!isPlainObject(base)) return over as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    out[k] = isPlainObject(v) && isPlainObject(out[k]) ? deepMerge(out[k], v) : v;
  }
  return out as T;
}
