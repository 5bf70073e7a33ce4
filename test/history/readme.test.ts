/**
 * The README's "Lịch sử và đơn vị điểm thấp liên tục" shows what `history` prints: each sample
 * ("$ npx dakindex history ...", then its output) is run on a copy of fixtures/daklak and must
 * print exactly that (the data folder's path shown as "…/fixtures/daklak").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dakindex, REPO } from '../helpers/cli.js';
import { dataCopy } from './helpers.js';

const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Lịch sử và đơn vị điểm thấp liên tục'), readme.indexOf('## Cấu hình và mẫu văn bản'));
const samples = [...section.matchAll(/```\n\$ npx dakindex (history .+)\n([\s\S]*?)```/g)].map((m) => ({ command: m[1]!, output: m[2]! }));

describe('README: history samples', () => {
  it('has its samples', () => {
    expect(samples.length).toBe(2);
  });

  it.each(samples)('$command prints what the README shows', async ({ command, output }) => {
    const data = dataCopy();
    const args = command.split(' ').map((a) => (a === 'fixtures/daklak' ? data : a));
    const r = await dakindex(args);
    expect(r.code, r.stderr).toBe(0);
    // The README shows the table, not the legend under it.
    const printed = r.stdout.split(data).join('…/fixtures/daklak').replace(/\n\nSố đơn vị theo xếp loại[^\n]*\n$/, '\n');
    expect(printed).toBe(output);
  });
});
