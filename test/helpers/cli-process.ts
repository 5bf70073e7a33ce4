import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/**
 * Runs a command line as a user types it, in `sh`, with `dakindex` on the PATH (a shim starting
 * the built CLI): for the commands the CLI prints or shows as examples, run verbatim.
 */
export function typedCommand(line: string, cwd: string): Promise<CliResult> {
  const bin = mkdtempSync(join(tmpdir(), 'dakindex-bin-'));
  writeFileSync(join(bin, 'dakindex'), `#!/bin/sh\nexec "${process.execPath}" "${join(REPO, 'bin/dakindex.cjs')}" "$@"\n`, { mode: 0o755 });
  return new Promise((done, fail) => {
    execFile('/bin/sh', ['-c', line], { cwd, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` } }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') fail(err);
      else done({ code: err ? (err.code as number) : 0, stdout, stderr });
    });
  });
}

/**
 * A copy of the package as npm installs it (the files `npm pack` lists, no node_modules), in a
 * temporary node_modules/dakindex; `npm run build` first. Returns its folder.
 */
export function installedCopy(): string {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO, encoding: 'utf8' })) as {
    files: { path: string }[];
  }[];
  const pkg = join(mkdtempSync(join(tmpdir(), 'dakindex-installed-')), 'node_modules', 'dakindex');
  for (const { path } of packed[0]!.files) {
    mkdirSync(join(pkg, path, '..'), { recursive: true });
    cpSync(join(REPO, path), join(pkg, path));
  }
  return pkg;
}
