import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI (bin/dakindex.cjs → dist/, `npm run build` first) as a separate process, as a
 * user would, from the repository folder. Imports nothing from src/.
 */
export function dakindexProcess(args: string[], cwd = REPO): Promise<CliResult> {
  return new Promise((done, fail) => {
    execFile(process.execPath, [join(REPO, 'bin/dakindex.cjs'), ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') fail(err);
      else done({ code: err ? (err.code as number) : 0, stdout, stderr });
    });
  });
}
