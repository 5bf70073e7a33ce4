/**
 * Every command's --help ends with examples that run as written, and `dakindex --help` stays
 * light: it runs none of the docx and Handlebars code in the bundle and reads no template.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { commandPath } from '../../src/cli/examples.js';
import type { Command } from 'commander';
import { dakindexProcess, REPO, tempDir, type CliResult } from '../helpers/cli.js';
import { installedCopy, typedCommand } from '../helpers/cli-process.js';

/** Every command path below dakindex ("" for dakindex itself, "letter publish"). */
function commandPaths(): string[] {
  const paths: string[] = [];
  const visit = (c: Command) => {
    paths.push(commandPath(c));
    c.commands.forEach(visit);
  };
  visit(buildProgram({ stdout: () => {}, stderr: () => {}, cwd: REPO, env: {} }));
  return paths;
}

/** The example lines that end a help text; fails the test when it does not end with them. */
function examplesOf(help: string, path: string): string[] {
  const m = /\nVí dụ:\n((?: {2}dakindex .+\n)+)$/.exec(help);
  expect(m, `dakindex ${path} --help:\n${help}`).not.toBeNull();
  return m![1]!.trimEnd().split('\n').map((l) => l.trim());
}

describe('--help examples', () => {
  const paths = commandPaths();

  it('covers every command, nested ones included', () => {
    expect(paths).toEqual(
      expect.arrayContaining(['', 'check', 'report', 'letter', 'letter publish', 'letter low-score', 'letter par-sipas', 'batch', 'history', 'init', 'templates', 'templates list', 'templates show', 'templates export']),
    );
  });

  it('ends the help of every command with two or three examples under "Ví dụ:"', async () => {
    for (const path of paths) {
      const r = await dakindexProcess([...path.split(' ').filter(Boolean), '--help']);
      expect(r.code, r.stderr).toBe(0);
      const examples = examplesOf(r.stdout, path);
      expect(examples.length, path).toBeGreaterThanOrEqual(2);
      expect(examples.length, path).toBeLessThanOrEqual(3);
      // An example of a command uses that command.
      for (const e of examples) expect(e.startsWith(`dakindex ${path}`.trim()), `${path}: ${e}`).toBe(true);
    }
  });

  it('runs every example as written, in a folder made by dakindex init', async () => {
    const base = tempDir();
    expect((await dakindexProcess(['init'], base)).code).toBe(0);
    const examples = new Set<string>();
    for (const path of paths) {
      const r = await dakindexProcess([...path.split(' ').filter(Boolean), '--help']);
      for (const e of examplesOf(r.stdout, path)) examples.add(e);
    }
    const failures: string[] = [];
    const queue = [...examples];
    const worker = async () => {
      for (let e = queue.shift(); e !== undefined; e = queue.shift()) {
        const dir = tempDir();
        cpSync(base, dir, { recursive: true });
        const r = await typedCommand(e, dir);
        if (r.code !== 0) failures.push(`${e}\n→ ${r.code}: ${r.stderr}`);
      }
    };
    await Promise.all([worker(), worker()]);
    expect(failures).toEqual([]);
    expect(examples.size).toBeGreaterThan(15);
  });
});

/** Runs the built CLI with V8 coverage on; returns how often each function of the bundle ran, by name. */
async function bundleCalls(args: string[], cwd: string): Promise<Map<string, number>> {
  const dir = tempDir();
  await new Promise<CliResult>((done, fail) =>
    execFile(process.execPath, [join(REPO, 'bin/dakindex.cjs'), ...args], { cwd, env: { ...process.env, NODE_V8_COVERAGE: dir } }, (err, stdout, stderr) =>
      err && typeof err.code !== 'number' ? fail(err) : done({ code: 0, stdout, stderr }),
    ),
  );
  const calls = new Map<string, number>();
  for (const f of readdirSync(dir)) {
    const { result } = JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
      result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
    };
    for (const script of result.filter((s) => s.url.endsWith('/dist/dakindex.cjs'))) {
      for (const fn of script.functions) calls.set(fn.functionName, (calls.get(fn.functionName) ?? 0) + fn.ranges[0]!.count);
    }
  }
  return calls;
}

/**
 * The bundle wraps a library that is loaded on demand in one function named by its entry file
 * ("node_modules/docx/dist/index.mjs", or "../main/node_modules/…" when node_modules is a link); a
 * library loaded at startup has no such function.
 */
const LAZY_LIBRARIES = [/(^|\/)node_modules\/docx\/dist\/index\.mjs$/, /(^|\/)node_modules\/handlebars\/lib\/index\.js$/];

function initCount(calls: Map<string, number>, library: RegExp): number | undefined {
  const name = [...calls.keys()].find((n) => library.test(n));
  return name === undefined ? undefined : calls.get(name);
}

/** Runs the built CLI with every path it opens, reads, lists or checks logged; returns the paths. */
async function pathsTouched(args: string[], cwd: string): Promise<string[]> {
  const dir = tempDir();
  const hook = join(dir, 'log-fs.cjs');
  const log = join(dir, 'fs.log');
  writeFileSync(
    hook,
    `const fs = require('node:fs'); const seen = []; const write = fs.writeFileSync;
for (const name of ['readFileSync', 'openSync', 'readdirSync', 'existsSync', 'statSync', 'lstatSync', 'opendirSync', 'accessSync']) {
  const original = fs[name];
  fs[name] = function (p, ...rest) { seen.push(String(p)); return original.call(this, p, ...rest); };
}
process.on('exit', () => write(${JSON.stringify(log)}, seen.join('\\n')));`,
  );
  await new Promise<void>((done, fail) =>
    execFile(process.execPath, ['--require', hook, join(REPO, 'bin/dakindex.cjs'), ...args], { cwd }, (err) =>
      err && typeof err.code !== 'number' ? fail(err) : done(),
    ),
  );
  return readFileSync(log, 'utf8').split('\n');
}

describe('dakindex --help stays light', () => {
  it('runs none of the docx and Handlebars code of the bundle; a report runs both (the check can fail)', async () => {
    const help = await bundleCalls(['--help'], REPO);
    for (const lib of LAZY_LIBRARIES) expect(initCount(help, lib), String(lib)).toBe(0);

    const out = tempDir();
    const report = await bundleCalls(['report', '--week', '2', '--month', '11', '--year', '2025', '--data', 'fixtures/daklak', '--out', out], REPO);
    for (const lib of LAZY_LIBRARIES) expect(initCount(report, lib), String(lib)).toBeGreaterThan(0);
  });

  it('reads no template; templates list does (the check can fail)', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'templates'));
    const touched = (paths: string[]) => paths.filter((p) => p.includes(`${join(REPO, 'templates')}`) || p.endsWith('.hbs'));
    expect(touched(await pathsTouched(['--help'], cwd))).toEqual([]);
    expect(touched(await pathsTouched(['templates', 'list'], cwd)).length).toBeGreaterThan(0);
  });
});

describe('the code cache of an installed copy', () => {
  it('is written by a first --help, then again once by a report that compiled more, and then left alone', () => {
    const pkg = installedCopy();
    const cache = join(pkg, 'dist/dakindex.cjs.cache');
    rmSync(cache, { force: true });
    const run = (args: string[], cwd = pkg) => execFileSync(process.execPath, [join(pkg, 'bin/dakindex.cjs'), ...args], { cwd, encoding: 'utf8', stdio: 'pipe' });
    run(['--help']);
    const afterHelp = readFileSync(cache);
    const out = tempDir();
    const week = ['report', '--week', '2', '--month', '11', '--year', '2025', '--data', 'fixtures/daklak', '--out', out, '--force'];
    run(week);
    const afterReport = readFileSync(cache);
    expect(afterReport.length).toBeGreaterThan(afterHelp.length + 1024);
    run(week);
    run(['--help']);
    expect(readFileSync(cache).equals(afterReport)).toBe(true);
  });

  it('is not used for a rebuilt bundle of the same length (V8 compares lengths only)', () => {
    const pkg = installedCopy();
    const bundle = join(pkg, 'dist/dakindex.cjs');
    const run = (args: string[]) => execFileSync(process.execPath, [join(pkg, 'bin/dakindex.cjs'), ...args], { cwd: pkg, encoding: 'utf8', stdio: 'pipe' });
    expect(run(['--help'])).toContain('-h, --help');
    expect(existsSync(`${bundle}.cache`)).toBe(true);
    const before = readFileSync(bundle, 'utf8');
    // The same length: "-h, --help" → "-H, --help".
    const after = before.replaceAll('"-h, --help"', '"-H, --help"');
    expect(Buffer.byteLength(after)).toBe(Buffer.byteLength(before));
    expect(after).not.toBe(before);
    writeFileSync(bundle, after);
    expect(run(['--help'])).toContain('-H, --help');
  });

  it('leaves no temporary file when it cannot be replaced', () => {
    const pkg = installedCopy();
    const cache = join(pkg, 'dist/dakindex.cjs.cache');
    rmSync(cache, { force: true });
    // A folder where the cache goes: reading and replacing it fail, as a cache held open on Windows does.
    mkdirSync(cache);
    execFileSync(process.execPath, [join(pkg, 'bin/dakindex.cjs'), '--help'], { stdio: 'pipe' });
    expect(readdirSync(join(pkg, 'dist')).sort()).toEqual(['dakindex.cjs', 'dakindex.cjs.cache']);
  });
});
