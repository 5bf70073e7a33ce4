import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './cli.js';

/**
 * A stand-in for LibreOffice's soffice, for tests of what dakindex does around the conversion:
 * a shell wrapper (in a folder whose name has a space and Vietnamese letters) running a node
 * script that logs each call and then, by mode, writes a small PDF, fails like LibreOffice does
 * (a message, exit 0, no file), or hangs with a child process of its own as soffice.bin would.
 */

export type FakeMode = 'pdf' | 'fail' | 'hang';

export interface FakeCall {
  pid: number;
  args: string[];
  start: number;
  end?: number;
  childPid?: number;
}

export interface FakeSoffice {
  /** The executable to give as DAKINDEX_SOFFICE or pdf.soffice. */
  path: string;
  calls(): FakeCall[];
}

const SCRIPT = `
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const [mode, log, ...args] = process.argv.slice(2);
const call = { pid: process.pid, args, start: Date.now() };
const env = args.find((a) => a.startsWith('-env:UserInstallation='));
if (env) mkdirSync(fileURLToPath(env.slice('-env:UserInstallation='.length)), { recursive: true });
const outdir = args[args.indexOf('--outdir') + 1];
const input = args[args.length - 1];
if (mode === 'hang') {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  appendFileSync(log, JSON.stringify({ ...call, childPid: child.pid }) + '\\n');
  setTimeout(() => {}, 60000);
} else {
  // A little time, so that two conversions at once would overlap in the log.
  await new Promise((r) => setTimeout(r, 150));
  if (mode === 'pdf') writeFileSync(join(outdir, basename(input, extname(input)) + '.pdf'), '%PDF-1.4\\n% fake of ' + input + '\\n');
  else process.stderr.write('Error: source file could not be loaded\\n');
  appendFileSync(log, JSON.stringify({ ...call, end: Date.now() }) + '\\n');
}
`;

export function fakeSoffice(mode: FakeMode): FakeSoffice {
  const dir = join(tempDir('dakindex-fake-'), 'giả soffice');
  mkdirSync(dir, { recursive: true });
  const script = join(dir, 'fake-soffice.mjs');
  const log = join(dir, 'calls.jsonl');
  writeFileSync(script, SCRIPT);
  const path = join(dir, 'soffice');
  writeFileSync(path, `#!/bin/sh\nexec "${process.execPath}" "${script}" ${mode} "${log}" "$@"\n`);
  chmodSync(path, 0o755);
  return {
    path,
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as FakeCall)
        : [],
  };
}

/** The profile folder a call was given (-env:UserInstallation=file:///...). */
export function profileOf(call: FakeCall): string {
  const arg = call.args.find((a) => a.startsWith('-env:UserInstallation='));
  if (!arg) throw new Error(`no -env:UserInstallation in ${call.args.join(' ')}`);
  return arg.slice('-env:UserInstallation='.length);
}
