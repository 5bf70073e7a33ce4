/**
 * The npm scripts run on the office's Windows PC as on Linux: no bash or POSIX-only syntax in
 * package.json (.ci/run, CI's own script, may stay bash).
 *
 * What runs a script: npm, through the "script-shell", which is cmd.exe on Windows (ComSpec) and sh
 * elsewhere, whichever shell `npm test` was typed in (cmd, Windows PowerShell 5.1, PowerShell 7).
 * PowerShell never reads a script's text. So the syntax allowed is what cmd.exe and sh both read the
 * same: commands and arguments, double quotes, `&&` (cmd runs the next command only on success, like
 * sh), `||`. Not allowed: sh's single quotes (cmd passes them on as letters), $VAR and ${VAR} (cmd
 * writes %VAR%), `VAR=value command`, backquotes and $( ), `;` between commands (cmd reads an
 * argument separator), /dev/null, `./program`, globs left for the shell to expand, line
 * continuations, and the POSIX tools cmd does not have (cp, rm, mv, mkdir -p, cat, ...).
 * `&&` typed by the user in Windows PowerShell 5.1 is another matter: README shows such commands on
 * separate lines in its Windows section.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/cli.js';

const PACKAGE = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

const POSIX_TOOLS = ['cp', 'rm', 'mv', 'mkdir', 'cat', 'ls', 'ln', 'chmod', 'touch', 'sed', 'grep', 'find', 'export', 'test', 'which', 'bash', 'sh', 'source', 'true', 'false', 'env'];

/** What in a script cmd.exe would not run as sh does; [] when it is portable. */
export function posixOnly(script: string): string[] {
  const problems: string[] = [];
  if (/"[^"]*$/.test(script.replace(/"[^"]*"/g, ''))) problems.push('an unclosed double quote');
  // Double-quoted text is passed on the same way by both shells (but for $ and %, checked below).
  const quoted = [...script.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
  const bare = script.replace(/"[^"]*"/g, '""');
  for (const q of quoted) if (/\$[\w{(]/.test(q)) problems.push(`sh expands ${q.match(/\$[\w{(]+/)![0]} inside double quotes, cmd does not`);
  if (bare.includes("'")) problems.push("single quotes (cmd passes them on as letters)");
  if (/\$[\w{(]/.test(bare)) problems.push('a $ variable or $( ) (cmd writes %VAR%)');
  if (/%\w+%/.test(script)) problems.push('a %VAR% (sh does not expand it)');
  if (bare.includes('`')) problems.push('backquotes');
  if (/(^|&&|\|\||\s)\w+=\S*\s+\S/.test(bare.replace(/--[\w:.-]+=\S*/g, ''))) problems.push('VAR=value before a command');
  if (/;/.test(bare)) problems.push('; between commands (cmd reads an argument separator)');
  if (/\/dev\/null/.test(bare)) problems.push('/dev/null');
  if (/\\\n/.test(script)) problems.push('a line continuation');
  if (/[*?]/.test(bare.replace(/(?:^|\s)-[\w-]*/g, ' '))) problems.push('a glob for the shell to expand (cmd does not)');
  if (/(?:^|\s|&&|\|\|)\.\.?\//.test(bare)) problems.push('./program (cmd does not run it)');
  if (/(?:^|[^&|])&(?:[^&]|$)/.test(bare)) problems.push('a single & (sh runs in the background, cmd runs next)');
  if (/[<>]\(/.test(bare)) problems.push('a process substitution <( )');
  for (const command of bare.split(/&&|\|\|/).map((c) => c.trim().split(/\s+/)[0] ?? '')) {
    if (POSIX_TOOLS.includes(command)) problems.push(`${command} (not a cmd.exe command; write it in Node: scripts/*.mjs)`);
  }
  return problems;
}

describe('posixOnly, the checker', () => {
  it('finds each kind of POSIX-only syntax', () => {
    const cases: [string, string][] = [
      ['npm run preview && cp out/a.png docs/a.png', 'cp (not a cmd.exe command'],
      ['rm -rf dist && npm run build', 'rm (not a cmd.exe command'],
      ['mv a b', 'mv (not'],
      ['mkdir -p out', 'mkdir (not'],
      ["node -e 'console.log(1)'", 'single quotes'],
      ['node bench/run.mjs $RUNS', 'a $ variable'],
      ['node bench/run.mjs ${RUNS:-5}', 'a $ variable'],
      ['node x.mjs "$HOME/a"', 'sh expands $HOME'],
      ['node x.mjs %USERPROFILE%', 'a %VAR%'],
      ['echo `date`', 'backquotes'],
      ['BENCH_RUNS=3 node bench/run.mjs', 'VAR=value before a command'],
      ['npm run build; vitest run', '; between commands'],
      ['tsc -p . > /dev/null', '/dev/null'],
      ['vitest run test/*.test.ts', 'a glob'],
      ['./node_modules/.bin/vitest run', './program'],
      ['npm run build & vitest run', 'a single &'],
      ['bash .ci/run', 'bash (not'],
      ['node a.mjs "unclosed', 'an unclosed double quote'],
      ['diff <(node a.mjs) b.txt', 'a process substitution'],
    ];
    for (const [script, problem] of cases) expect(posixOnly(script).join('; '), script).toContain(problem);
  });

  it('passes what cmd and sh both run the same way', () => {
    for (const ok of [
      'npm run build && npm run typecheck && vitest run',
      'npm run preview -- --only weekly --dpi 70 --first-page-to docs/bao-cao-tuan-trang-1.png',
      'esbuild src/cli/main.ts --bundle --outfile=dist/dakindex.cjs --banner:js="const u = require(\'node:url\').href;" --define:import.meta.url=u',
      'tsx fixtures/make-fixtures.ts',
      'node bench/run.mjs || node -e 0',
    ]) {
      expect(posixOnly(ok), ok).toEqual([]);
    }
  });
});

describe('package.json', () => {
  it('has the scripts users run: the build on install, npm test, npm run bench', () => {
    expect(PACKAGE.scripts.prepare).toBe('npm run build');
    expect(Object.keys(PACKAGE.scripts)).toEqual(expect.arrayContaining(['build', 'test', 'bench', 'preview', 'readme-picture']));
  });

  for (const [name, script] of Object.entries(PACKAGE.scripts)) {
    it(`script "${name}" has no POSIX-only syntax`, () => {
      expect(posixOnly(script)).toEqual([]);
    });
  }

  it('bench gives node --import a file: URL (a Windows path C:\\... would be read as a URL scheme)', () => {
    const bench = readFileSync(join(REPO, 'bench/run.mjs'), 'utf8');
    const imports = [...bench.matchAll(/'--import',\s*(\S.*?),\s*bin\b/g)].map((m) => m[1]!);
    expect(imports.length).toBeGreaterThan(0);
    for (const i of imports) expect(i).toMatch(/^pathToFileURL\(.*\)\.href$/);
  });

  it('readme-picture: preview.mjs copies page 1 of the weekly report to the README’s picture, in Node', () => {
    const script = PACKAGE.scripts['readme-picture']!;
    const to = /--first-page-to (\S+)/.exec(script)?.[1];
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    expect(to).toBe(/<img src="([^"]+)"/.exec(readme)![1]);
    expect(script).toMatch(/^npm run preview -- --only weekly /);
    // The same option into a temporary file (`npm run build` first, as for every CLI test).
    const dir = tempDir();
    const png = join(dir, 'Ảnh', 'trang-1.png');
    const said = execFileSync(process.execPath, [join(REPO, 'scripts/preview.mjs'), '--out', join(dir, 'preview'), '--only', 'weekly', '--dpi', '20', '--first-page-to', png], {
      cwd: REPO,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(said).toContain('Trang 1 →');
    const bytes = readFileSync(png);
    expect(bytes.equals(readFileSync(join(dir, 'preview', 'weekly', 'page-1.png')))).toBe(true);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.readUInt32BE(20) / bytes.readUInt32BE(16)).toBeCloseTo(297 / 210, 1);
  }, 120_000);
});
