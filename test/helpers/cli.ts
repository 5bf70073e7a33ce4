import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from '../../src/cli/main.js';

export const REPO = resolve(import.meta.dirname, '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as `dakindex ...args`, from the repository folder. */
export async function dakindex(args: string[], cwd = REPO): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(['node', 'dakindex', ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd,
    env: {},
  });
  return { code, stdout, stderr };
}

export function tempDir(prefix = 'dakindex-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Runs the built CLI (bin/dakindex.cjs → dist/, `npm run build` first) as a separate process, as a
 * user would, from the repository folder.
 */
export function dakindexProcess(args: string[], cwd = REPO): Promise<CliResult> {
  return new Promise((done, fail) => {
    execFile(process.execPath, [join(REPO, 'bin/dakindex.cjs'), ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') fail(err);
      else done({ code: err ? (err.code as number) : 0, stdout, stderr });
    });
  });
}
