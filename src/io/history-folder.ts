/**
 * Every score file of a data folder read for the history (issue 10), through the cache
 * (history-cache.ts): each file's dataset and date, and the files that could not be used with why.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Config } from '../config/schema.js';
import { CellErrors, DakindexError } from '../core/errors.js';
import { describeOrigin } from '../core/errors.js';
import type { Dataset } from '../core/types.js';
import { scoreFilePaths } from './data-folder.js';
import { HistoryCache, readerSettings, type CachedRead, type CacheCounts } from './history-cache.js';
import { undatedReason } from './readers/file-date.js';
import { readDatedFile, type SheetSelection } from './readers/read-dataset.js';

/** A score file read, with its evaluation date. */
export interface DatedDataset {
  path: string;
  /** The dataset's date, else the folder scan's (as `report` dates the file it reads). */
  date: string;
  dataset: Dataset;
}

/** A file of the folder left out of the history, and why (in Vietnamese). */
export interface SkippedFile {
  path: string;
  reason: string;
}

export interface CacheReport extends CacheCounts {
  /** The cache folder; null when the run used none. */
  dir: string | null;
  /** Why the cache could not be written (a read-only data folder); the history is whole all the same. */
  problem: string | null;
}

export interface FolderHistory {
  /** In the order of their names. */
  files: DatedDataset[];
  skipped: SkippedFile[];
  cache: CacheReport;
}

export interface FolderHistoryOptions {
  config: Config;
  sheets: SheetSelection;
  /** Use and keep the cache (default); false reads every file and writes nothing. */
  cache?: boolean;
}

/** Why a reading failed, without the file's name in front (the list names it). */
function reasonOf(path: string, e: DakindexError): string {
  if (e instanceof CellErrors) {
    const n = e.problems.length + e.more;
    const cells = e.problems.map((p) => `\n    - ${describeOrigin(p.origin)}: ${p.message}`).join('');
    return `${n} lỗi dữ liệu:${cells}${e.more ? `\n    ... và ${e.more} lỗi khác.` : ''}`;
  }
  return e.message.startsWith(`${path}: `) ? e.message.slice(path.length + 2) : e.message;
}

/** Reads one file (of these bytes, when given): its dataset and date, or the data error that stops it. */
async function readOne(path: string, bytes: Buffer | undefined, opts: FolderHistoryOptions): Promise<CachedRead> {
  try {
    return await readDatedFile(path, { config: opts.config, sheets: opts.sheets, bytes });
  } catch (e) {
    if (e instanceof DakindexError) return { error: reasonOf(path, e) };
    throw e;
  }
}

/**
 * Reads every score file of `dir` (scoreFilePaths), each from the cache when it holds this very
 * file read with these options, else from the file, keeping what it gave. A file that cannot be
 * read, or has no date, is skipped with its reason, never dropped silently.
 */
export async function readHistoryFolder(dir: string, opts: FolderHistoryOptions): Promise<FolderHistory> {
  const paths = scoreFilePaths(dir);
  const cache = opts.cache === false ? null : new HistoryCache(dir, readerSettings(opts.config, opts.sheets));
  const files: DatedDataset[] = [];
  const skipped: SkippedFile[] = [];
  for (const path of paths) {
    let read: CachedRead | null;
    let size: number;
    try {
      size = statSync(path).size;
    } catch (e) {
      skipped.push({ path, reason: `không đọc được tệp (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      continue;
    }
    if (size > opts.config.input.maxInflatedBytes) {
      // Not read into memory: the reader refuses it by its size, as it does for report.
      read = await readOne(path, undefined, opts);
    } else {
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch (e) {
        skipped.push({ path, reason: `không đọc được tệp (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
        continue;
      }
      const name = cache?.entryName(path, bytes);
      read = cache && name ? cache.get(name, path) : null;
      if (!read) {
        read = await readOne(path, bytes, opts);
        if (cache && name) cache.put(name, path, read);
      }
    }
    if ('error' in read) {
      skipped.push({ path, reason: read.error });
      continue;
    }
    const date = read.dataset.date ?? (read.scanDate.kind === 'dated' ? read.scanDate.date : null);
    if (date === null) skipped.push({ path, reason: undatedReason(read.scanDate) });
    else files.push({ path, date, dataset: read.dataset });
  }
  cache?.prune(new Set(paths));
  return {
    files,
    skipped,
    cache: cache
      ? { dir: cache.dir, problem: cache.problem, ...cache.counts }
      : { dir: null, problem: null, hits: 0, misses: 0, written: 0, pruned: 0 },
  };
}
