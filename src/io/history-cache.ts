/**
 * The history's cache (issue 10): what reading each score file of a data folder gave, kept beside
 * the data so that `dakindex history` does not read fifty workbooks on every run.
 *
 * - Where: the hidden folder `.dakindex-cache/` of the data folder; deleting it loses nothing.
 * - One entry per source file, `<sha256>.json`, the SHA-256 of the cache format, the file's path,
 *   the reading options and the file's bytes: a changed file, a renamed one (its name may give its
 *   date), other options or a new format all look for another entry, and the old one is pruned.
 * - What: the reader's output (the Dataset and the file's date, or the data error that stopped
 *   the reading), not evaluated figures: scores, bands and ranks are computed on every run from
 *   the configuration of that run. The reading options are the `--sheet` selection and the parts
 *   of the configuration the reader reads (readerSettings; test/io/history-cache.test.ts checks
 *   that the reader reads no other).
 * - An entry is a header line (format, source, reading-options hash, SHA-256 of the payload) and
 *   the payload: an entry that is unreadable, cut short, altered or of another format is ignored
 *   and read again from the source, never used. Written through a temporary name and a rename.
 * - A data folder where the cache cannot be written (read-only) works without it; the caller is
 *   told once.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/schema.js';
import type { Dataset } from '../core/types.js';
import { removeStaleTemporaryFiles } from './output-file.js';
import type { FileDate } from './readers/file-date.js';
import type { SheetSelection } from './readers/read-score-file.js';

export const CACHE_DIR = '.dakindex-cache';
/** Raised whenever what an entry holds changes shape: entries of another format are not used. */
export const CACHE_FORMAT = 1;

/** What reading one file gave: its dataset and date, or why it could not be read. */
export type CachedRead = { dataset: Dataset; scanDate: FileDate } | { error: string };

interface Header {
  dakindexCache: number;
  source: string;
  reader: string;
  sha256: string;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** JSON with object keys sorted, so that equal settings give equal text whatever their order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The parts of the configuration the score-file reader reads (src/io/readers, src/io/table):
 * the input limits, the groups (labels and maxima) and the province's name (its row in a commune
 * table is not a unit). With the `--sheet` selection, what besides a file's bytes and path
 * decides what reading it gives.
 */
export function readerSettings(config: Config, sheets: SheetSelection): string {
  return stableJson({ input: config.input, groups: config.groups, province: config.province.name, sheets });
}

const ENTRY = /^[0-9a-f]{64}\.json$/;

export interface CacheCounts {
  /** Files whose reading came from the cache. */
  hits: number;
  /** Files read from their source (no entry, or an entry not usable). */
  misses: number;
  /** Entries written. */
  written: number;
  /** Entries removed: of files gone or changed, or of another format. */
  pruned: number;
}

export class HistoryCache {
  readonly dir: string;
  readonly counts: CacheCounts = { hits: 0, misses: 0, written: 0, pruned: 0 };
  /** Why the cache cannot be written, once known; then nothing more is tried. */
  problem: string | null = null;
  private readonly readerHash: string;
  private readonly used = new Set<string>();

  /** The cache of `dataDir` for reading with `settings` (readerSettings). */
  constructor(dataDir: string, settings: string) {
    this.dir = join(dataDir, CACHE_DIR);
    this.readerHash = sha256(settings);
    if (existsSync(this.dir)) removeStaleTemporaryFiles(this.dir);
  }

  /** The entry name of a file's reading: depends on the format, the path, the settings and the bytes. */
  entryName(path: string, bytes: Uint8Array): string {
    return `${createHash('sha256').update(`${CACHE_FORMAT}\0${path}\0${this.readerHash}\0`).update(bytes).digest('hex')}.json`;
  }

  /** The reading kept under `name` for `path`, or null when there is none or it cannot be trusted. */
  get(name: string, path: string): CachedRead | null {
    this.used.add(name);
    let text: string;
    try {
      text = readFileSync(join(this.dir, name), 'utf8');
    } catch {
      this.counts.misses++;
      return null;
    }
    const read = parseEntry(text, path, this.readerHash);
    if (read) this.counts.hits++;
    else this.counts.misses++;
    return read;
  }

  /** Keeps `read` under `name`; false (and `problem` set) when the cache cannot be written. */
  put(name: string, path: string, read: CachedRead): boolean {
    this.used.add(name);
    if (this.problem) return false;
    const payload = JSON.stringify(read);
    const header: Header = { dakindexCache: CACHE_FORMAT, source: path, reader: this.readerHash, sha256: sha256(payload) };
    const file = join(this.dir, name);
    // The temporary name output-file.ts uses, so that removeStaleTemporaryFiles finds a killed run's.
    const tmp = join(this.dir, `.${name}.${process.pid}.tmp`);
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(tmp, `${JSON.stringify(header)}\n${payload}`, 'utf8');
      renameSync(tmp, file);
      this.counts.written++;
      return true;
    } catch (e) {
      this.problem = (e as Error).message;
      try {
        rmSync(tmp, { force: true });
      } catch {
        // Nothing was written there either.
      }
      return false;
    }
  }

  /**
   * Removes the entries this run did not use that are stale: of another format, of a file that
   * no longer exists, or of a file read in this run with these settings (it changed since). The
   * entries of other reading options (another --sheet) are kept for the runs that use them.
   */
  prune(sources: ReadonlySet<string>): void {
    if (this.problem || !existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) {
      if (!ENTRY.test(name) || this.used.has(name)) continue;
      const file = join(this.dir, name);
      const header = readHeader(file);
      const stale =
        !header ||
        header.dakindexCache !== CACHE_FORMAT ||
        !existsSync(header.source) ||
        (sources.has(header.source) && header.reader === this.readerHash);
      if (!stale) continue;
      try {
        rmSync(file, { force: true });
        this.counts.pruned++;
      } catch {
        // Not ours to remove (read-only): left for a later run.
      }
    }
  }
}

function isHeader(h: unknown): h is Header {
  const x = h as Header;
  return !!x && typeof x === 'object' && typeof x.dakindexCache === 'number' && typeof x.source === 'string' && typeof x.reader === 'string' && typeof x.sha256 === 'string';
}

/** The reading an entry's text holds, if its header matches and its payload is whole. */
function parseEntry(text: string, path: string, readerHash: string): CachedRead | null {
  const nl = text.indexOf('\n');
  if (nl < 0) return null;
  try {
    const header: unknown = JSON.parse(text.slice(0, nl));
    if (!isHeader(header) || header.dakindexCache !== CACHE_FORMAT || header.source !== path || header.reader !== readerHash) return null;
    const payload = text.slice(nl + 1);
    if (sha256(payload) !== header.sha256) return null;
    const read = JSON.parse(payload) as CachedRead;
    return read && typeof read === 'object' && ('error' in read ? typeof read.error === 'string' : 'dataset' in read && 'scanDate' in read) ? read : null;
  } catch {
    return null;
  }
}

/** The header line of an entry, read without its payload; null when there is none. */
function readHeader(file: string): Header | null {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, n).toString('utf8');
    const nl = text.indexOf('\n');
    const header: unknown = JSON.parse(nl < 0 ? text : text.slice(0, nl));
    return isHeader(header) ? header : null;
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
