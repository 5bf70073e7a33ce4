/**
 * The Windows scheduled task of README.md ("Trên máy Windows"), checked as far as Linux allows: the
 * schtasks line is split as schtasks reads its arguments, its /TR as Task Scheduler starts the task,
 * and the wrapper dakindex-tuan.cmd (as `dakindex init` writes it into the working folder) is run
 * line by line as cmd.exe reads it (test/helpers/windows-cmd.ts), its one program, npx, for real:
 * in a working folder prepared like README says, whose Windows path has spaces and Vietnamese
 * letters, mapped here onto a temporary folder. Built CLI: `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHTASKS_TR_MAX, schtasksCommand, WINDOWS_LOG, WINDOWS_TASK_NAME, WINDOWS_WRAPPER } from '../../src/cli/windows-task.js';
import { dakindexProcess, REPO, tempDir } from '../helpers/cli.js';
import { installedCopy } from '../helpers/cli-process.js';
import { docxText } from '../helpers/seeds.js';
import { commandLineToArgv, commandWord, expandPercent, splitCommands, type BatchScope } from '../helpers/windows-cmd.js';

const README = readFileSync(join(REPO, 'README.md'), 'utf8');
const WRAPPER = readFileSync(join(REPO, 'scripts/windows', WINDOWS_WRAPPER));
const WINDOWS_FOLDER = 'D:\\Văn phòng\\Báo cáo 766';
const REPORT = '2025-11-14_bao-cao-tuan-02-thang-11-2025.docx';

/** The README's section on Windows. */
function windowsSection(): string {
  const start = README.indexOf('## Trên máy Windows');
  expect(start, 'README.md: no section "## Trên máy Windows"').toBeGreaterThan(0);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

function batBlocks(): string[] {
  return [...windowsSection().matchAll(/```bat\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** The schtasks line README gives. */
function readmeSchtasks(): string {
  const lines = batBlocks()
    .flatMap((b) => b.split('\n'))
    .filter((l) => /^schtasks \/Create /i.test(l));
  expect(lines, 'one schtasks /Create line in README.md').toHaveLength(1);
  return lines[0]!;
}

/** schtasks' options as it reads them from a line typed in cmd (one command, no redirection): /NAME value pairs. */
function schtasksOptions(line: string): Map<string, string> {
  const commands = splitCommands(line);
  expect(commands.map((c) => [c.redirects.length, c.next]), `cmd reads ${line} as one command`).toEqual([[0, null]]);
  const [program, ...args] = commandLineToArgv(commands[0]!.text.trim());
  expect(program).toBe('schtasks');
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const name = args[i]!.toUpperCase();
    if (name === '/CREATE') continue;
    expect(name, `argument ${i} of ${line}`).toMatch(/^\/[A-Z]+$/);
    options.set(name, args[++i]!);
  }
  return options;
}

/**
 * The program and arguments of a task's /TR: Task Scheduler takes the program up to the closing
 * quote when /TR starts with one, else up to the first space.
 */
function taskAction(tr: string): { program: string; args: string } {
  const m = tr.startsWith('"') ? /^"([^"]*)"\s*(.*)$/s.exec(tr) : /^(\S+)\s*(.*)$/s.exec(tr);
  expect(m, tr).not.toBeNull();
  return { program: m![1]!, args: m![2]! };
}

/** A Windows path of the working folder, as the local folder standing in for it. */
function localPath(windowsPath: string, local: string): string {
  const p = win32.normalize(windowsPath).replace(/\\$/, '');
  expect(p.toLowerCase().startsWith(WINDOWS_FOLDER.toLowerCase()), `${p} is outside ${WINDOWS_FOLDER}`).toBe(true);
  return join(local, ...p.slice(WINDOWS_FOLDER.length).split('\\').filter(Boolean));
}

interface BatchRun {
  code: number;
  /** The argv of each program the batch file started. */
  programs: string[][];
}

/**
 * Runs a batch file as cmd.exe does, for the commands the wrapper uses: @echo off, rem, pushd,
 * popd, echo, call, set "NAME=value", exit /b, and a program (npx, run for real on this machine).
 */
function runBatch(source: string, scope: BatchScope, local: string, env: Record<string, string>): BatchRun {
  let cwd: string | null = null;
  let exitCode: number | null = null;
  const dirs: string[] = [];
  const programs: string[][] = [];
  const vars = scope.vars;
  const setLevel = (n: number) => (vars.ERRORLEVEL = String(n));
  setLevel(0);
  const lines = source.split('\r\n');
  expect(lines.at(-1), 'the batch file ends with a line break').toBe('');
  for (const raw of lines.slice(0, -1)) {
    const line = expandPercent(raw, scope);
    const { name } = commandWord(line);
    if (name.toLowerCase() === 'rem') continue;
    let skip = false;
    for (const cmd of splitCommands(line)) {
      if (!skip) {
        const code = runCommand(cmd.text, cmd.redirects);
        if (code !== null) setLevel(code);
        if (exitCode !== null) return { code: exitCode, programs };
      }
      const level = Number(vars.ERRORLEVEL);
      skip = (cmd.next === '&&' && level !== 0) || (cmd.next === '||' && level === 0);
    }
  }
  return { code: Number(vars.ERRORLEVEL), programs };

  /** One command; its exit status, or null when it leaves ERRORLEVEL as it is. */
  function runCommand(text: string, redirects: ReturnType<typeof splitCommands>[number]['redirects']): number | null {
    const { name, rest } = commandWord(text);
    const out = outputs(redirects);
    try {
      switch (name.toLowerCase()) {
        case 'echo':
          if (/^(off|on)\s*$/i.test(rest)) return null;
          out.write(1, `${rest}\r\n`);
          return null;
        case 'pushd': {
          const target = localPath(rest.trim().replace(/^"(.*)"$/, '$1'), local);
          if (!existsSync(target)) return 1;
          if (cwd) dirs.push(cwd);
          cwd = target;
          return 0;
        }
        case 'popd':
          cwd = dirs.pop() ?? null;
          return null;
        case 'set': {
          const m = /^"([^=]+)=(.*)"\s*$/.exec(rest);
          expect(m, `set "NAME=value": ${text}`).not.toBeNull();
          vars[m![1]!] = m![2]!;
          return null;
        }
        case 'exit': {
          const m = /^\/b\s+(\d+)\s*$/i.exec(rest);
          expect(m, `exit /b N: ${text}`).not.toBeNull();
          exitCode = Number(m![1]);
          return exitCode;
        }
        case 'call':
          return program(rest, out);
        default:
          return program(text, out);
      }
    } finally {
      out.close();
    }
  }

  /** A program: argv as it reads its command line, run here with the batch's redirections. */
  function program(commandLine: string, out: ReturnType<typeof outputs>): number {
    const argv = commandLineToArgv(commandLine.trim());
    programs.push(argv);
    expect(cwd, 'a program runs in the folder pushd entered').not.toBeNull();
    const r = spawnSync(argv[0]!, argv.slice(1), { cwd: cwd!, env, stdio: ['ignore', out.fd(1), out.fd(2)] });
    if (r.error) throw r.error;
    return r.status ?? 1;
  }

  /** The batch's redirections as open files (>> appends), relative to the current folder. */
  function outputs(redirects: ReturnType<typeof splitCommands>[number]['redirects']) {
    const fds = new Map<1 | 2, number | 'inherit'>([
      [1, 'inherit'],
      [2, 'inherit'],
    ]);
    const opened: number[] = [];
    for (const r of redirects) {
      if ('file' in r.to) {
        const file = join(cwd ?? local, r.to.file);
        const fd = openSync(file, r.to.append ? 'a' : 'w');
        opened.push(fd);
        fds.set(r.handle, fd);
      } else {
        fds.set(r.handle, fds.get(r.to.handle)!);
      }
    }
    return {
      fd: (h: 1 | 2) => (fds.get(h) === 'inherit' ? 'ignore' : (fds.get(h) as number)),
      write: (h: 1 | 2, text: string) => {
        const fd = fds.get(h);
        if (typeof fd === 'number') writeFileSync(fd, text);
      },
      close: () => opened.forEach((fd) => closeSync(fd)),
    };
  }
}

/**
 * The working folder as README says: dakindex installed into it (npm install from the source
 * folder: a link and its command in node_modules/.bin), then `npx dakindex init`, which writes the
 * configuration, data\ with the sample exports and the wrapper. At the local stand-in of WINDOWS_FOLDER.
 */
async function officeFolder(): Promise<string> {
  const root = tempDir('dakindex-windows-');
  const local = join(root, 'Văn phòng', 'Báo cáo 766');
  mkdirSync(join(local, 'node_modules', '.bin'), { recursive: true });
  writeFileSync(join(local, 'package.json'), JSON.stringify({ dependencies: { dakindex: `file:${REPO}` } }));
  symlinkSync(REPO, join(local, 'node_modules', 'dakindex'));
  symlinkSync('../dakindex/bin/dakindex.cjs', join(local, 'node_modules', '.bin', 'dakindex'));
  const init = await dakindexProcess(['init'], local);
  expect(init.code, init.stderr).toBe(0);
  return local;
}

describe('the wrapper dakindex-tuan.cmd', () => {
  it('is what README shows, in CRLF lines of ASCII without a byte order mark', () => {
    const text = WRAPPER.toString('latin1');
    expect(WRAPPER.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(/^[\x20-\x7e\r\n]*$/.test(text), 'cmd reads a batch file in the console’s code page: ASCII only').toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const shown = batBlocks().find((b) => b.startsWith('@echo off'));
    expect(shown, 'README.md shows the wrapper in a ```bat block').toBeDefined();
    expect(shown).toBe(text.replace(/\r\n/g, '\n'));
  });

  it('appends to the log README names, runs the weekly report of the current week, and returns its exit status', () => {
    const text = WRAPPER.toString('latin1');
    expect(text).toContain('pushd "%~dp0"');
    expect(text).toContain(`call npx --no dakindex report --week current >> ${WINDOWS_LOG} 2>&1`);
    expect(text).toMatch(/exit \/b %RC%\r\n$/);
    expect(windowsSection()).toContain(WINDOWS_LOG);
  });

  it('ships with the package (package.json "files"), for dakindex init', () => {
    const pkg = installedCopy();
    expect(readFileSync(join(pkg, 'scripts/windows', WINDOWS_WRAPPER)).equals(WRAPPER)).toBe(true);
  });
});

describe('command lines as Windows splits them', () => {
  it('follows Microsoft’s examples for C programs', () => {
    // The examples of "Parsing C command-line arguments", after a program name.
    expect(commandLineToArgv('p "abc" d e').slice(1)).toEqual(['abc', 'd', 'e']);
    expect(commandLineToArgv('p a\\\\\\b d"e f"g h').slice(1)).toEqual(['a\\\\\\b', 'de fg', 'h']);
    expect(commandLineToArgv('p a\\\\\\"b c d').slice(1)).toEqual(['a\\"b', 'c', 'd']);
    expect(commandLineToArgv('p a\\\\\\\\"b c" d e').slice(1)).toEqual(['a\\\\b c', 'd', 'e']);
    // The program name takes no backslash rule.
    expect(commandLineToArgv('"C:\\Program Files\\nodejs\\node.exe" x')).toEqual(['C:\\Program Files\\nodejs\\node.exe', 'x']);
  });

  it('a folder in quotes must not end with a backslash: \\" is a quote, and the rest joins the argument', () => {
    expect(commandLineToArgv('npx dakindex report --data "D:\\Dữ liệu\\" --week current')).toEqual(['npx', 'dakindex', 'report', '--data', 'D:\\Dữ liệu" --week current']);
    expect(commandLineToArgv('npx dakindex report --data "D:\\Dữ liệu" --week current')).toEqual(['npx', 'dakindex', 'report', '--data', 'D:\\Dữ liệu', '--week', 'current']);
    expect(windowsSection()).toContain('không kết thúc bằng dấu `\\`');
  });

  it('cmd: %~dp0, redirections and operators outside quotes', () => {
    const scope: BatchScope = { script: `${WINDOWS_FOLDER}\\${WINDOWS_WRAPPER}`, vars: { ERRORLEVEL: '4' } };
    expect(expandPercent('pushd "%~dp0" || exit /b 1', scope)).toBe(`pushd "${WINDOWS_FOLDER}\\" || exit /b 1`);
    expect(expandPercent('exit /b %errorlevel% %UNSET% 100%%', scope)).toBe('exit /b 4  100%');
    expect(splitCommands('call npx a >> dakindex.log 2>&1')).toEqual([
      { text: 'call npx a  ', redirects: [{ handle: 1, to: { file: 'dakindex.log', append: true } }, { handle: 2, to: { handle: 1 } }], next: null },
    ]);
    expect(splitCommands('pushd "D:\\A & B\\" || exit /b 1').map((c) => [c.text.trim(), c.next])).toEqual([
      ['pushd "D:\\A & B\\"', '||'],
      ['exit /b 1', null],
    ]);
    expect(splitCommands('echo a ^> b > "c d.txt"')).toEqual([{ text: 'echo a > b ', redirects: [{ handle: 1, to: { file: 'c d.txt', append: false } }], next: null }]);
  });
});

describe('schtasks', () => {
  it('README’s line: weekly on Friday at 16:00, named "dakindex tuần", running the wrapper in the working folder', () => {
    const line = readmeSchtasks();
    const o = schtasksOptions(line);
    expect(o.get('/SC')).toBe('WEEKLY');
    expect(o.get('/D')).toBe('FRI');
    expect(o.get('/ST')).toBe('16:00');
    expect(o.get('/TN')).toBe(WINDOWS_TASK_NAME);
    const tr = o.get('/TR')!;
    expect(tr).toBe(`"${WINDOWS_FOLDER}\\${WINDOWS_WRAPPER}"`);
    expect(tr.length).toBeLessThanOrEqual(SCHTASKS_TR_MAX);
    expect(taskAction(tr)).toEqual({ program: `${WINDOWS_FOLDER}\\${WINDOWS_WRAPPER}`, args: '' });
    // The line dakindex init prints on Windows for that folder is the same.
    expect(schtasksCommand(`${WINDOWS_FOLDER}\\${WINDOWS_WRAPPER}`)).toEqual({ command: line });
  });

  it('the line init prints keeps any folder whole in /TR, cmd’s special characters included', () => {
    const folders = ['C:\\Users\\Văn thư\\Báo cáo (tuần) & tháng', 'D:\\A^B <1> | 2', '\\\\may-chu\\chia-se\\Điểm 766', 'E:\\dakindex'];
    for (const folder of folders) {
      const wrapper = `${folder}\\${WINDOWS_WRAPPER}`;
      const made = schtasksCommand(wrapper);
      expect('command' in made, folder).toBe(true);
      // For cmd the path stands outside quotes (it knows no \"): & | < > ^ escaped, or the line would split.
      const tr = schtasksOptions((made as { command: string }).command).get('/TR')!;
      expect(taskAction(tr)).toEqual({ program: wrapper, args: '' });
    }
  });

  it('a path too long for /TR, or with " or %, gives the reason instead', () => {
    const long = schtasksCommand(`D:\\${'Thư mục rất dài\\'.repeat(20)}${WINDOWS_WRAPPER}`);
    expect('problem' in long && long.problem).toContain(`dài quá ${SCHTASKS_TR_MAX - 2} ký tự cho schtasks /TR`);
    expect('problem' in schtasksCommand('D:\\50%\\dakindex-tuan.cmd')).toBe(true);
    expect('problem' in schtasksCommand('D:\\a"b\\dakindex-tuan.cmd')).toBe(true);
  });
});

describe('the task, run', () => {
  it('runs the weekly report in the working folder and appends its output, UTF-8, to the log; the exit status is dakindex’s', async () => {
    const local = await officeFolder();
    const wrapper = readFileSync(join(local, WINDOWS_WRAPPER));
    expect(wrapper.equals(WRAPPER), 'dakindex init wrote the shipped wrapper').toBe(true);

    // Task Scheduler starts /TR's program: the wrapper, from the system folder, not the working folder.
    const { program } = taskAction(schtasksOptions(readmeSchtasks()).get('/TR')!);
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DAKINDEX_TODAY: '2025-11-14' };
    const scope = (time: string): BatchScope => ({ script: program, vars: { DATE: '14/11/2025', TIME: time } });

    const first = runBatch(wrapper.toString('latin1'), scope('16:00:01,52'), local, env);
    expect(first.programs).toEqual([['npx', '--no', 'dakindex', 'report', '--week', 'current']]);
    const log = readFileSync(join(local, WINDOWS_LOG));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(log);
    expect(first.code, text).toBe(0);
    expect(log.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(text.startsWith('===== 14/11/2025 16:00:01,52 \r\n')).toBe(true);
    expect(text).toContain('Kỳ: tuần 02 tháng 11/2025 (tuần này)');
    expect(text).toContain(`Đã ghi báo cáo: ${join(local, 'out', REPORT)}`);
    expect(readdirSync(join(local, 'out'))).toEqual([REPORT]);
    expect(docxText(readFileSync(join(local, 'out', REPORT))).text).toContain('tỉnh Đắk Lắk đạt 88,72 điểm');

    // Run again the same week: the report exists, dakindex exits 1, the task's result is 1, the log grows.
    const second = runBatch(wrapper.toString('latin1'), scope('16:05:00,00'), local, env);
    expect(second.code).toBe(1);
    const again = readFileSync(join(local, WINDOWS_LOG), 'utf8');
    expect(again.startsWith(text)).toBe(true);
    expect(again.slice(text.length)).toMatch(/^===== 14\/11\/2025 16:05:00,00 \r\n/);
    expect(again.slice(text.length)).toContain(`Tệp ${join(local, 'out', REPORT)} đã có; dùng --force để ghi đè.`);
  }, 120_000);

  it('a working folder that is gone: pushd fails and the task ends with 1, running nothing', () => {
    const local = join(tempDir(), 'không có');
    const r = runBatch(WRAPPER.toString('latin1'), { script: `${WINDOWS_FOLDER}\\${WINDOWS_WRAPPER}`, vars: {} }, local, {});
    expect(r).toEqual({ code: 1, programs: [] });
  });
});
