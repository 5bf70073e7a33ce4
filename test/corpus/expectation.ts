/**
 * What a corpus file's expected result (test/corpus/expected/NAME.json) says, and the comparison
 * with a real `dakindex check FILE --json` run. Only the keys an expected file gives are checked;
 * texts are matched by patterns ("substring" or "/regex/flags"), not whole sentences, so rewording
 * a message does not break the corpus.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliResult } from '../helpers/cli-process.js';

/** The corpus files (written by make-corpus.ts) and their expected results. */
export const CORPUS_DIR = join(import.meta.dirname, 'files');
export const EXPECTED_DIR = join(import.meta.dirname, 'expected');

/** Stem of a corpus file: the name of its expected file. */
export const stemOf = (file: string): string => file.replace(/\.[^.]+$/, '');

/** The expected result of a corpus file; {} (accepted, nothing more checked) when it has none yet. */
export function expectedOf(file: string): Expected {
  const path = join(EXPECTED_DIR, `${stemOf(file)}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Expected) : {};
}

/** "/regex/flags" or a plain substring. */
export type Pattern = string;

const COUNT_KEYS = ['xuat-sac', 'tot', 'kha', 'trung-binh', 'yeu', 'khong-du-lieu'] as const;
const BAND_LABELS: Record<string, string> = { 'Xuất sắc': 'xuat-sac', Tốt: 'tot', Khá: 'kha', 'Trung bình': 'trung-binh', Yếu: 'yeu' };

export interface Expected {
  /** The kind of export or producer the file stands for. */
  what?: string;
  /** Extra arguments after `check FILE --json`. */
  args?: string[];
  /** Exit code, or the codes allowed when the issue leaves the choice open. */
  exit?: number | number[];
  /** Patterns the refusal message must match. */
  stderr?: Pattern[];
  /** Patterns that must not appear on stdout or stderr. */
  notOutput?: Pattern[];
  date?: string | null;
  dateSource?: string;
  /** Exactly these levels; counts in band order Xuất sắc, Tốt, Khá, Trung bình, Yếu, no data. */
  levels?: Record<string, { units: number; counts: number[] }>;
  province?: { name: string; score: number; rank: number | null } | null;
  /** Units that must be listed (other keys than name and level only when given). */
  units?: Array<{ name: string; level: string; total?: number | null; band?: string | null; rank?: number | null }>;
  /** Exactly these skipped rows. */
  skippedRows?: Array<{ sheet: string; row?: number; label: string }>;
  /** Exactly these skipped sheets. */
  skippedSheets?: Array<{ sheet: string; reason?: Pattern }>;
  /** Exactly as many warnings, each entry (a pattern, or patterns one warning must all match) matched by its own warning. */
  warnings?: Array<Pattern | Pattern[]>;
  /** Alternatives the issue allows (e.g. read and warn, or refuse): one must hold, on top of the keys above. */
  anyOf?: Expected[];
}

export function matches(pattern: Pattern, text: string): boolean {
  const re = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  return re ? new RegExp(re[1]!, re[2]).test(text) : text.includes(pattern);
}

interface Summary {
  date?: string | null;
  dateSource?: string;
  levels?: Record<string, { units: number; counts: Record<string, number> }>;
  province?: { name: string; score: number; rank: number | null } | null;
  units?: Array<{ name: string; level: string; total: number | null; band: string | null; rank: number | null }>;
  skippedRows?: Array<{ file: string; sheet: string; row: number; label: string; reason: string }>;
  skippedSheets?: Array<{ file: string; sheet: string; reason: string }>;
  warnings?: string[];
}

/** Pairs each expected item with its own actual item; the expected items left unpaired. */
function unpaired<E, A>(expected: E[], actual: A[], fits: (e: E, a: A) => boolean): E[] {
  const free = [...actual];
  return expected.filter((e) => {
    const i = free.findIndex((a) => fits(e, a));
    if (i < 0) return true;
    free.splice(i, 1);
    return false;
  });
}

const bandKey = (band: string | null): string | null => (band === null ? null : (BAND_LABELS[band] ?? band));
const show = (v: unknown) => JSON.stringify(v);

/** Differences between an expectation and a run, in words; empty when the run is as expected. */
export function differences(exp: Expected, run: CliResult, file: string): string[] {
  if (exp.anyOf) {
    const { anyOf, ...base } = exp;
    const tries = anyOf.map((alt) => differences({ ...base, ...alt }, run, file));
    return tries.some((t) => t.length === 0) ? [] : tries.flatMap((t, i) => t.map((d) => `(alternative ${i + 1}) ${d}`));
  }
  const out: string[] = [];
  const exits = exp.exit === undefined ? [0] : [exp.exit].flat();
  if (!exits.includes(run.code)) out.push(`exit code ${run.code}, expected ${exits.join(' or ')}; stderr: ${run.stderr.slice(0, 400)}`);
  const output = run.stdout + run.stderr;
  if (output.includes('\uFFFD')) out.push('output holds U+FFFD (a garbled letter)');
  for (const p of exp.notOutput ?? []) if (matches(p, output)) out.push(`output matches ${p}`);
  if (run.code !== 0) {
    const base = file.replace(/^.*\//, '');
    if (!run.stderr.includes(base)) out.push(`refusal does not name the file ${base}`);
    // Patterns must match the message itself, not the file's name in it.
    const message = run.stderr.split(file).join('TỆP');
    for (const p of exp.stderr ?? []) if (!matches(p, message)) out.push(`refusal does not match ${p}: ${run.stderr.slice(0, 400)}`);
    return out;
  }
  let s: Summary;
  try {
    s = JSON.parse(run.stdout) as Summary;
  } catch {
    return [...out, `stdout is not JSON: ${run.stdout.slice(0, 200)}`];
  }
  if (exp.date !== undefined && s.date !== exp.date) out.push(`date ${show(s.date)}, expected ${show(exp.date)}`);
  if (exp.dateSource !== undefined && s.dateSource !== exp.dateSource) out.push(`dateSource ${show(s.dateSource)}, expected ${show(exp.dateSource)}`);
  if (exp.levels) {
    const actual = Object.fromEntries(Object.entries(s.levels ?? {}).map(([l, r]) => [l, { units: r.units, counts: COUNT_KEYS.map((k) => r.counts[k] ?? 0) }]));
    if (show(Object.keys(actual).sort()) !== show(Object.keys(exp.levels).sort()) || Object.entries(exp.levels).some(([l, r]) => show(actual[l]) !== show(r))) {
      out.push(`levels ${show(actual)}, expected ${show(exp.levels)}`);
    }
  }
  if (exp.province !== undefined) {
    const p = s.province;
    const same = exp.province === null ? p === null : !!p && p.name === exp.province.name && p.score === exp.province.score && p.rank === exp.province.rank;
    if (!same) out.push(`province ${show(p)}, expected ${show(exp.province)}`);
  }
  if (exp.units) {
    if (!s.units) out.push('no "units" list in check --json');
    else {
      const missing = unpaired(exp.units, s.units, (e, a) =>
        a.name === e.name && a.level === e.level && (e.total === undefined || a.total === e.total) && (e.band === undefined || bandKey(a.band) === e.band) && (e.rank === undefined || a.rank === e.rank),
      );
      for (const m of missing) out.push(`unit ${show(m)} not listed`);
    }
  }
  if (exp.skippedRows) {
    if (!s.skippedRows) out.push('no "skippedRows" list in check --json');
    else {
      const missing = unpaired(exp.skippedRows, s.skippedRows, (e, a) => a.sheet === e.sheet && (e.row === undefined || a.row === e.row) && a.label.trim() === e.label);
      if (missing.length || s.skippedRows.length !== exp.skippedRows.length) out.push(`skippedRows ${show(s.skippedRows)}, expected ${show(exp.skippedRows)}`);
    }
  }
  if (exp.skippedSheets) {
    const actual = s.skippedSheets ?? [];
    const missing = unpaired(exp.skippedSheets, actual, (e, a) => a.sheet === e.sheet && (e.reason === undefined || matches(e.reason, a.reason)));
    if (missing.length || actual.length !== exp.skippedSheets.length) out.push(`skippedSheets ${show(actual)}, expected ${show(exp.skippedSheets)}`);
  }
  if (exp.warnings) {
    const actual = s.warnings ?? [];
    const missing = unpaired(exp.warnings, actual, (e, a) => [e].flat().every((p) => matches(p, a)));
    if (missing.length || actual.length !== exp.warnings.length) out.push(`warnings ${show(actual)}, expected ${show(exp.warnings)}`);
  }
  return out;
}
