import type { Config } from '../config/schema.js';
import type { ParSipasData } from '../core/documents/letter-par-sipas.js';
import { findParSipasFile } from '../io/data-folder.js';
import type { ReadReport } from '../io/produce.js';
import { readParSipas } from '../io/readers/par-sipas.js';
import type { CliIO } from './context.js';
import { dataDirOf } from './pipeline.js';
import { userPath } from './user-path.js';

export interface ParSipasRead extends ReadReport {
  data: ParSipasData;
  year: number;
}

/** The PAR Index and SIPAS figures: --input FILE, else the data folder's file (the one naming the year when several). */
export async function readParSipasFigures(
  opts: { input?: string[] | undefined; data?: string | undefined; year?: number | undefined; sheet: { name: string }[] },
  config: Config,
  io: CliIO,
): Promise<ParSipasRead> {
  const file = opts.input?.length ? userPath(io, opts.input[0]!) : findParSipasFile(dataDirOf(opts, config, io), opts.year);
  const { data, year, skippedSheets } = await readParSipas(file, { config, year: opts.year, sheet: opts.sheet[0]?.name });
  return { data, year, notes: [], warnings: [], skippedSheets, summary: { input: file } };
}
