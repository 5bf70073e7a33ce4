/**
 * How Windows reads command lines, for the subset dakindex's Windows instructions use, so that the
 * wrapper dakindex-tuan.cmd and the schtasks line of README.md are checked on Linux as cmd.exe and
 * Windows programs would read them. Only a real Windows machine confirms the rest (README).
 *
 * - commandLineToArgv: Microsoft's rules for splitting a program's command line into arguments
 *   (CommandLineToArgvW and the C runtime; what Node, schtasks and esbuild get as argv).
 * - cmd.exe, reading a batch file line: %-expansion (%VAR%, %~dp0, %%), then operators (&&, ||, &)
 *   and redirections (>, >>, 2>&1) outside double quotes, `^` escaping outside quotes.
 */
import { win32 } from 'node:path';

/**
 * A command line split as Windows programs do. The program name (first word) ends at a space, or at
 * the closing quote when it starts with one, with no backslash rule. Then: spaces and tabs separate
 * arguments outside double quotes; 2n backslashes before a `"` give n backslashes and the quote
 * opens or closes quoting; 2n+1 backslashes before a `"` give n backslashes and a literal `"`;
 * other backslashes are literal. `""` inside quotes (read differently by different runtimes) is not
 * in the subset: it throws.
 */
export function commandLineToArgv(line: string): string[] {
  const args: string[] = [];
  let i = 0;
  const n = line.length;
  const blank = (c: string | undefined) => c === ' ' || c === '\t';
  while (blank(line[i])) i++;
  if (i >= n) return args;
  // The program name.
  let program = '';
  if (line[i] === '"') {
    const end = line.indexOf('"', i + 1);
    program = end < 0 ? line.slice(i + 1) : line.slice(i + 1, end);
    i = end < 0 ? n : end + 1;
  } else {
    while (i < n && !blank(line[i])) program += line[i++];
  }
  args.push(program);
  for (;;) {
    while (blank(line[i])) i++;
    if (i >= n) break;
    let arg = '';
    let quoted = false;
    while (i < n && (quoted || !blank(line[i]))) {
      if (line[i] === '\\') {
        let slashes = 0;
        while (line[i] === '\\') {
          slashes++;
          i++;
        }
        if (line[i] === '"') {
          arg += '\\'.repeat(Math.floor(slashes / 2));
          if (slashes % 2 === 1) {
            arg += '"';
            i++;
          }
        } else {
          arg += '\\'.repeat(slashes);
        }
        continue;
      }
      if (line[i] === '"') {
        if (quoted && line[i + 1] === '"') throw new Error(`"" inside quotes is not in the subset: ${line}`);
        quoted = !quoted;
        i++;
        continue;
      }
      arg += line[i++];
    }
    args.push(arg);
  }
  return args;
}

/** What a batch line's %-expansion sees: the batch file's own path (for %~dp0) and the variables. */
export interface BatchScope {
  /** The batch file's full Windows path, as the task started it. */
  script: string;
  /** Variables, names compared without case as on Windows; ERRORLEVEL, DATE, TIME included. */
  vars: Record<string, string>;
}

/**
 * cmd's first phase on a batch line: %~dp0 (drive and folder of the batch file, ending in "\"),
 * %NAME% (empty when undefined, as in a batch file), %% (a %). Other %~ forms are not in the subset.
 */
export function expandPercent(line: string, scope: BatchScope): string {
  return line.replace(/%%|%~([a-z]+)([0-9])|%([^%\s]+)%/gi, (all, mods: string | undefined, digit: string | undefined, name: string | undefined) => {
    if (all === '%%') return '%';
    if (mods !== undefined) {
      if (mods.toLowerCase() !== 'dp' || digit !== '0') throw new Error(`${all} is not in the subset`);
      const dir = win32.dirname(win32.resolve(scope.script));
      return dir.endsWith('\\') ? dir : `${dir}\\`;
    }
    const key = Object.keys(scope.vars).find((k) => k.toUpperCase() === name!.toUpperCase());
    return key === undefined ? '' : scope.vars[key]!;
  });
}

export interface Redirect {
  /** 1 stdout, 2 stderr. */
  handle: 1 | 2;
  /** A file (appended to with >>), or another handle (2>&1). */
  to: { file: string; append: boolean } | { handle: 1 | 2 };
}

export interface SimpleCommand {
  /** The command's text without its redirections (echo keeps the blanks before them, as cmd does). */
  text: string;
  redirects: Redirect[];
  /** How the next command is joined to this one. */
  next: '&&' | '||' | '&' | null;
}

/**
 * cmd's second phase on an expanded line: commands joined by &&, || or &, each with its
 * redirections, all outside double quotes (which stay in the text); ^ escapes the next character
 * outside quotes. A pipe (|) is not in the subset.
 */
export function splitCommands(line: string): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let text = '';
  let redirects: Redirect[] = [];
  let quoted = false;
  let i = 0;
  const push = (next: SimpleCommand['next']) => {
    commands.push({ text, redirects, next });
    text = '';
    redirects = [];
  };
  const word = (): string => {
    while (line[i] === ' ' || line[i] === '\t') i++;
    let w = '';
    let q = false;
    while (i < line.length && (q || !/[\s&|<>]/.test(line[i]!))) {
      if (line[i] === '"') q = !q;
      else w += line[i];
      i++;
    }
    return w;
  };
  while (i < line.length) {
    const c = line[i]!;
    if (c === '"') {
      quoted = !quoted;
      text += c;
      i++;
      continue;
    }
    if (quoted) {
      text += c;
      i++;
      continue;
    }
    if (c === '^') {
      text += line[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (line.startsWith('&&', i) || line.startsWith('||', i)) {
      const op = line.slice(i, i + 2) as '&&' | '||';
      i += 2;
      push(op);
      continue;
    }
    if (c === '&') {
      i++;
      push('&');
      continue;
    }
    if (c === '|') throw new Error(`a pipe is not in the subset: ${line}`);
    if (c === '<') throw new Error(`input redirection is not in the subset: ${line}`);
    if (c === '>' || (/[12]/.test(c) && line[i + 1] === '>' && /(^|\s)$/.test(text))) {
      let handle: 1 | 2 = 1;
      if (c !== '>') {
        handle = Number(c) as 1 | 2;
        i++;
      }
      i++; // >
      const append = line[i] === '>';
      if (append) i++;
      if (line[i] === '&') {
        i++;
        const to = Number(line[i++]);
        if (to !== 1 && to !== 2) throw new Error(`>&${to} is not in the subset`);
        redirects.push({ handle, to: { handle: to } });
      } else {
        redirects.push({ handle, to: { file: word(), append } });
      }
      continue;
    }
    text += c;
    i++;
  }
  push(null);
  return commands.filter((cmd, k) => cmd.text.trim() !== '' || cmd.redirects.length > 0 || k === 0);
}

/** The first word of a command's text and the rest after it, as cmd finds an internal command's name. */
export function commandWord(text: string): { name: string; rest: string } {
  const m = /^\s*@?\s*([^\s"]+)\s?(.*)$/s.exec(text);
  return m ? { name: m[1]!, rest: m[2]! } : { name: '', rest: '' };
}
