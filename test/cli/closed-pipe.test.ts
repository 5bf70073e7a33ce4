/** A reader that closes the pipe early (`dakindex … | head -1`) ends the run quietly, with no stack. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(REPO, 'bin/dakindex.cjs'), ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before the CLI writes anything: its first write to stdout fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('a closed stdout', () => {
  it('ends --help and check without a stack trace', async () => {
    for (const args of [['batch', '--help'], ['check', 'fixtures/daklak/diem-766-2025-11-14.xlsx']]) {
      const r = await runWithClosedStdout(args);
      expect(r.stderr, args.join(' ')).not.toMatch(/EPIPE|at .*\(|node:events/);
      expect(r.code, args.join(' ')).toBe(0);
    }
  });
});
