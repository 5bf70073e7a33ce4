/**
 * The independent recount (issue 7): for every fixture and every corpus file the reader must
 * accept, test/corpus/recount.ts (no code from src/) recomputes the units of each level, their band
 * counts, ranks and the province line, and the built CLI's `check --json` must agree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dakindexProcess, REPO, type CliResult } from '../helpers/cli-process.js';
import { CORPUS_DIR, expectedOf } from './expectation.js';
import { nameKey, recount, type Recount } from './recount.js';

const BAND_LABELS: Record<string, string> = { 'Xuất sắc': 'xuat-sac', Tốt: 'tot', Khá: 'kha', 'Trung bình': 'trung-binh', Yếu: 'yeu' };

interface Target {
  path: string;
  args: string[];
  /** The issue allows a refusal instead (anyOf in the expected result): nothing to recount then. */
  mayRefuse: boolean;
}

/** The --sheet choices a fixture needs to be read at all. */
const FIXTURE_ARGS: Record<string, string[]> = {
  'fixtures/layouts/two-province-sheets.xlsx': ['--sheet', 'Điểm tháng=tinh'],
  'fixtures/layouts/an-giang-monthly.xlsx': ['--sheet', 'Điểm tháng=tinh', '--sheet', 'Sở Ban', '--sheet', 'Xã Phường'],
};

function targets(): Target[] {
  const fixtures = ['fixtures/daklak', 'fixtures/layouts'].flatMap((dir) =>
    readdirSync(join(REPO, dir))
      // Hidden entries are no data (the history's .dakindex-cache after `dakindex history --data fixtures/daklak`).
      .filter((f) => !f.startsWith('.'))
      .sort()
      .map((f) => ({ path: `${dir}/${f}`, args: FIXTURE_ARGS[`${dir}/${f}`] ?? [], mayRefuse: false })),
  );
  const corpus = readdirSync(CORPUS_DIR)
    .sort()
    .flatMap((f) => {
      const exp = expectedOf(f);
      const accepted = (exp.exit ?? 0) === 0 && !exp.anyOf;
      const maybe = !!exp.anyOf?.some((a) => (a.exit ?? 0) === 0);
      return accepted || maybe ? [{ path: `test/corpus/files/${f}`, args: exp.args ?? [], mayRefuse: maybe }] : [];
    });
  return [...fixtures, ...corpus];
}

interface Summary {
  levels: Record<string, { units: number; counts: Record<string, number> }>;
  province: { name: string; score: number; rank: number | null } | null;
  units?: Array<{ name: string; level: string; total: number | null; band: string | null; rank: number | null }>;
}

const unitLine = (u: { name: string; level: string; total: number | null; band: string | null; rank: number | null }) =>
  `${u.level} | ${nameKey(u.name)} | ${u.total} | ${u.band === null ? null : (BAND_LABELS[u.band] ?? u.band)} | ${u.rank}`;

describe('the recount itself', () => {
  it('ranks ties 1, 2, 2, 4, bands the score rounded to 2 decimals, counts units without data apart', () => {
    const csv = [
      'STT;Tên đơn vị;Công khai, minh bạch (18);Tiến độ giải quyết (20);Tổng điểm (100)',
      '1;UBND xã A;18;20;95',
      '2;UBND xã B;18;20;90',
      '3;UBND xã C;18;20;89,995',
      '4;UBND xã D;18;20;89,99',
      '5;UBND xã E;;;',
      ';Trung bình;18;20;91,25',
    ].join('\n');
    const r = recount(Buffer.from(csv), 'x.csv');
    expect(r.units.map((u) => [u.name, u.total, u.band, u.rank])).toEqual([
      ['UBND xã A', 95, 'xuat-sac', 1],
      ['UBND xã B', 90, 'xuat-sac', 2],
      ['UBND xã C', 90, 'xuat-sac', 2],
      ['UBND xã D', 89.99, 'tot', 4],
      ['UBND xã E', null, null, null],
    ]);
    expect(r.levels.xa?.counts).toEqual({ 'xuat-sac': 3, tot: 1, kha: 0, 'trung-binh': 0, yeu: 0, 'khong-du-lieu': 1 });
  });

  it('scores agency rates as rate × max / 100, and fractions 0–1 as rates', () => {
    const sheet = (a: string, b: string) => ['STT;Tên cơ quan;Công khai, minh bạch (%);Số hóa hồ sơ (%)', `1;Sở Y tế;${a};${b}`].join('\n');
    expect(recount(Buffer.from(sheet('100', '75')), 'x.csv').units[0]!.total).toBe(34.5);
    expect(recount(Buffer.from(sheet('1', '0,75')), 'x.csv').units[0]!.total).toBe(34.5);
  });
});

describe.concurrent('independent recount agrees with check --json', () => {
  for (const t of targets()) {
    let run: Promise<{ cli: CliResult; mine: Recount }> | undefined;
    const both = () =>
      (run ??= dakindexProcess(['check', t.path, '--json', ...t.args]).then((cli) => ({ cli, mine: recount(readFileSync(join(REPO, t.path)), t.path, t.args) })));
    const summary = async (): Promise<{ s: Summary; mine: Recount } | null> => {
      const { cli, mine } = await both();
      if (cli.code !== 0 && t.mayRefuse) {
        // Refused as the issue allows: the corpus test judges the message; nothing to recount.
        expect(cli.stderr).toContain(t.path);
        return null;
      }
      expect(cli.code, cli.stderr).toBe(0);
      return { s: JSON.parse(cli.stdout) as Summary, mine };
    };

    it(`${t.path}: units and band counts per level`, async () => {
      const r = await summary();
      if (!r) return;
      const theirs = Object.fromEntries(Object.entries(r.s.levels).map(([l, v]) => [l, { units: v.units, counts: v.counts }]));
      expect(theirs).toEqual(r.mine.levels);
    });

    it(`${t.path}: province score and rank`, async () => {
      const r = await summary();
      if (!r) return;
      const p = r.s.province;
      expect(p && { name: p.name, score: p.score, rank: p.rank }).toEqual(r.mine.province);
    });

    it(`${t.path}: each unit's name, level, total, band and rank`, async () => {
      const r = await summary();
      if (!r) return;
      expect(r.s.units, 'check --json lists no units').toBeDefined();
      expect(r.s.units!.map(unitLine).sort()).toEqual(r.mine.units.map(unitLine).sort());
    });
  }
});
