import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { REPO, type CliResult } from './cli-process.js';

export { dakindexProcess, REPO, type CliResult } from './cli-process.js';

/**
 * Runs the CLI in-process, as `dakindex ...args`, from the repository folder. `env` is the whole
 * environment the CLI sees (DAKINDEX_*, DAKINDEX_TODAY ...): none of the test process's.
 */
export async function dakindex(args: string[], cwd = REPO, env: Record<string, string | undefined> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(['node', 'dakindex', ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd,
    env,
  });
  return { code, stdout, stderr };
}

export function tempDir(prefix = 'dakindex-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
