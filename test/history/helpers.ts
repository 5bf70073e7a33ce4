import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, tempDir } from '../helpers/cli.js';

export const FIXTURES = join(REPO, 'fixtures/daklak');

/** A copy of fixtures/daklak (its workbooks only), so that runs keep their cache out of the repository. */
export function dataCopy(): string {
  const dir = tempDir('dakindex-history-');
  for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.xlsx'))) cpSync(join(FIXTURES, f), join(dir, f));
  return dir;
}
