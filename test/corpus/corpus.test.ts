/**
 * The reader corpus (issue 7): every file of test/corpus/files/ through the built CLI as a process
 * (`npm run build` first), `check FILE --json`, compared with test/corpus/expected/NAME.json.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dakindexProcess } from '../helpers/cli-process.js';
import { CORPUS_DIR, differences, EXPECTED_DIR, expectedOf, stemOf } from './expectation.js';
import { CORPUS } from './make-corpus.js';

const files = readdirSync(CORPUS_DIR).sort();

describe('reader corpus: files, generator entries and expected results go together', () => {
  it('each generator entry has its file and each file its entry', () => {
    expect(files).toEqual(CORPUS.map((c) => c.file).sort());
  });
  it('each file has an expected result and each expected result a file', () => {
    expect(files.filter((f) => !existsSync(join(EXPECTED_DIR, `${stemOf(f)}.json`)))).toEqual([]);
    expect(readdirSync(EXPECTED_DIR).map((f) => f.replace(/\.json$/, '')).sort()).toEqual(files.map(stemOf).sort());
  });
});

describe.concurrent('reader corpus: check --json as expected', () => {
  for (const file of files) {
    const exp = expectedOf(file);
    it(`${file}: ${exp.what ?? ''}`, async () => {
      const path = `test/corpus/files/${file}`;
      const run = await dakindexProcess(['check', path, '--json', ...(exp.args ?? [])]);
      expect(differences(exp, run, path)).toEqual([]);
    });
  }
});
