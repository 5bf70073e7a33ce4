/**
 * Signer and Nơi nhận of every document kind, through the real CLI and the written .docx: the
 * configured defaults give each seed's list and name; --signer changes the name in the signature
 * and in "(đ/c …)" alike; level entries follow the data; an empty name and an --issued date before
 * the data are warnings.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { provinceRows, rng, SIX, vnTable, writeXlsx } from '../../fixtures/builders.js';
import { PROVINCES_34 } from '../../fixtures/names.js';
import { BLANK } from '../../src/core/format-vi.js';
import { dakindex, REPO, tempDir, type CliResult } from '../helpers/cli.js';
import { all, kid, textOf } from '../helpers/docx-xml.js';
import { asRead, docxText, normalize, seedText, type DocxText } from '../helpers/seeds.js';
import { SHARED } from '../helpers/ooxml-validate.js';

const FX = join(REPO, 'fixtures/daklak');
const PAR = join(REPO, 'fixtures/par-sipas/par-sipas-2021.yaml');

interface Written {
  result: CliResult;
  doc: DocxText;
  /** Nơi nhận items without "- ", the signature's title lines and name (null when none is printed). */
  noiNhan: string[];
  title: string[];
  name: string | null;
}

function styled(doc: DocxText, style: string): string[] {
  return all(doc.docx.body, 'w:p')
    .filter((p) => kid(kid(p, 'w:pPr'), 'w:pStyle')?.attrs['w:val'] === style)
    .map((p) => asRead(textOf(p)).normalize('NFC'));
}

async function write(args: string[], cwd = REPO): Promise<Written> {
  const out = tempDir('dakindex-signer-');
  const result = await dakindex([...args, '--out', out], cwd);
  expect(result.stderr + result.stdout).not.toMatch(/Lỗi không mong đợi/);
  expect(result.code, result.stderr).toBe(0);
  const [file] = readdirSync(out).filter((f) => f.endsWith('.docx'));
  const doc = docxText(readFileSync(join(out, file!)));
  const names = styled(doc, 'DkSignName');
  return {
    result,
    doc,
    noiNhan: styled(doc, 'DkNoiNhanItem').map((t) => t.replace(/^- /, '')),
    title: styled(doc, 'DkSignTitle'),
    name: names.length ? names.join(' ') : null,
  };
}

/** The signature block's text: Nơi nhận, title, name (unit names of the appendices may hold any given name). */
function signed(w: Written): string {
  return [...w.noiNhan, ...w.title, w.name ?? ''].join(' ');
}

/** The Nơi nhận items of a seed, in order, without "- ". */
function seedNoiNhan(number: string): string[] {
  const file = readdirSync(join(SHARED, 'seeds')).find((f) => f.startsWith(`${number}-`))!;
  const lines = readFileSync(join(SHARED, 'seeds', file), 'utf8').split('\n');
  const start = lines.findIndex((l) => /Nơi nhận/.test(l));
  const items: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (l.trim() === '') continue;
    if (!l.trim().startsWith('- ')) break;
    items.push(normalize(l.trim().slice(2)));
  }
  return items;
}

const SIGNER_WARNING = /Chưa có họ tên người ký \(khóa documents\.(\w+)\.signer\.name trong cấu hình để trống\).*--signer "Họ và tên"/;

const SEEDS: { seed: string; args: string[]; name: string | null }[] = [
  { seed: '000', args: ['letter', 'publish', '--month', '5', '--year', '2024', '--data', FX], name: null },
  { seed: '001', args: ['report', '--week', '2', '--month', '11', '--year', '2025', '--data', FX], name: 'Cao Như Khánh' },
  { seed: '002', args: ['report', '--quarter', '2', '--year', '2024', '--data', FX], name: 'Hoàng Trọng Hùng' },
  {
    seed: '003',
    args: ['letter', 'low-score', '--date', '2026-03-09', '--bottom', '7', '--target', '94', '--since', '2026-01-09', '--data', FX],
    name: 'Trương Công Thái',
  },
  { seed: '004', args: ['letter', 'par-sipas', '--year', '2021', '--input', PAR], name: 'Nguyễn Tuấn Hà' },
];

describe('the default configuration signs and sends each document as its seed', () => {
  for (const s of SEEDS) {
    it(`seed ${s.seed}: Nơi nhận item for item, and the signer`, async () => {
      const w = await write(s.args);
      const expected = seedNoiNhan(s.seed);
      expect(expected.length).toBeGreaterThan(4);
      expect(w.noiNhan).toEqual(expected);
      expect(w.name).toBe(s.name);
      if (s.name) {
        expect(seedText(s.seed)).toContain(s.name);
        expect(w.result.stderr).not.toMatch(SIGNER_WARNING);
      } else {
        // Seed 000 shows no name: the default leaves it empty, and the run says so.
        expect(w.result.stderr).toMatch(SIGNER_WARNING);
        expect(w.result.stderr).toContain('documents.publish.signer.name');
      }
    });
  }

  it('the quarterly report names its own signer in Nơi nhận, not the weekly one', async () => {
    const w = await write(SEEDS[2]!.args);
    expect(w.noiNhan).toContain('CVP, PCVP UBND tỉnh (Đ/c Hùng);');
    expect(signed(w)).not.toContain('Khánh');
  });
});

describe('--signer', () => {
  it('replaces the weekly report’s signer in the signature and in "(đ/c …)", lower-case as the seed', async () => {
    const w = await write([...SEEDS[1]!.args, '--signer', '  Hoàng   Trọng Hùng ']);
    expect(w.name).toBe('Hoàng Trọng Hùng');
    expect(w.title).toEqual(['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG']);
    expect(w.noiNhan).toContain('CVP, PCVP UBND tỉnh (đ/c Hùng);');
    expect(signed(w)).not.toContain('Khánh');
  });

  it('names the publish letter’s signer, and the empty-name warning goes away', async () => {
    const w = await write([...SEEDS[0]!.args, '--signer', 'Hoàng Trọng Hùng']);
    expect(w.name).toBe('Hoàng Trọng Hùng');
    expect(w.result.stderr).not.toMatch(SIGNER_WARNING);
    expect(w.noiNhan).toEqual(seedNoiNhan('000'));
  });

  it('low-score: "(đ/c …)" of CT, PCT follows the signer; the PCVP following up stays', async () => {
    const w = await write([...SEEDS[3]!.args, '--signer', 'Lê Thị Mai']);
    expect(w.name).toBe('Lê Thị Mai');
    expect(w.noiNhan).toContain('CT, PCT UBND tỉnh (đ/c Mai);');
    expect(w.noiNhan).toContain('CVP, PCVP UBND tỉnh (đ/c Khánh);');
    expect(signed(w)).not.toContain('Thái');
  });

  it('par-sipas: "(Đ/c …)" keeps the seed’s capital', async () => {
    const w = await write([...SEEDS[4]!.args, '--signer', 'Võ Văn Cảnh']);
    expect(w.name).toBe('Võ Văn Cảnh');
    expect(w.noiNhan).toContain('CT, PCT UBND tỉnh (Đ/c Cảnh);');
    expect(w.noiNhan).toContain('CVP, PCVP UBND tỉnh (Đ/c Thượng);');
  });

  it('an empty --signer is a usage error naming the option; help lists it on report and letters', async () => {
    const r = await dakindex([...SEEDS[1]!.args, '--out', tempDir(), '--signer', '   ']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--signer: họ tên người ký không được để trống');
    for (const cmd of [['report'], ['letter', 'publish'], ['letter', 'low-score'], ['letter', 'par-sipas']]) {
      const h = await dakindex([...cmd, '--help']);
      expect(h.stdout, cmd.join(' ')).toContain('--signer <HỌ_TÊN>');
    }
  });
});

describe('an empty signer name', () => {
  it('warns on every kind it would print without a name, naming the key and --signer; --json lists it', async () => {
    const dir = tempDir();
    const empty = { signer: { title: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: '' } };
    writeFileSync(
      join(dir, 'dakindex.config.json'),
      JSON.stringify({ documents: { weeklyReport: { signer: { title: ['CHÁNH VĂN PHÒNG'], name: '' } }, periodicReport: empty, lowScore: empty, parSipas: empty } }),
    );
    const kinds: [string[], string][] = [
      [SEEDS[1]!.args, 'weeklyReport'],
      [SEEDS[2]!.args, 'periodicReport'],
      [SEEDS[3]!.args, 'lowScore'],
      [SEEDS[4]!.args, 'parSipas'],
    ];
    for (const [args, key] of kinds) {
      const w = await write(args, dir);
      expect(w.name, key).toBeNull();
      expect(w.result.stderr.match(SIGNER_WARNING)?.[1], key).toBe(key);
    }
    // The weekly list names the signer: left blank to fill by hand, and the warning says so.
    const weekly = await write(SEEDS[1]!.args, dir);
    expect(weekly.noiNhan).toContain(`CVP, PCVP UBND tỉnh (đ/c ${BLANK});`);
    expect(weekly.result.stderr).toContain('Nơi nhận để trống tên đồng chí');
    const json = await write([...SEEDS[1]!.args, '--json'], dir);
    expect((JSON.parse(json.result.stdout) as { warnings: string[] }).warnings.join('\n')).toMatch(SIGNER_WARNING);
  });
});

describe('Nơi nhận entries that name a level follow the data', () => {
  const HUYEN = 'UBND các huyện, thị xã, thành phố;';
  const XA = 'UBND các xã, phường;';

  it('weekly report on 2024 data (districts): the districts, not the communes', async () => {
    const w = await write(['report', '--week', '1', '--month', '6', '--year', '2024', '--data', FX]);
    expect(w.noiNhan).toContain(HUYEN);
    expect(w.noiNhan).not.toContain(XA);
  });

  it('monthly report on 2025 data (no districts): the communes, not the districts', async () => {
    const w = await write(['report', '--month', '11', '--year', '2025', '--data', FX]);
    expect(w.noiNhan).toContain(XA);
    expect(w.noiNhan).not.toContain(HUYEN);
    expect(w.noiNhan).toContain('CVP, PCVP UBND tỉnh (Đ/c Hùng);');
  });

  it('a configured sở entry is left out when the data hold only the provinces', async () => {
    const dir = tempDir();
    const file = join(dir, 'chi-tinh.xlsx');
    const rows = provinceRows(rng(3), PROVINCES_34, { name: 'Đắk Lắk', values: { ckmb: 15, tdgq: 18, dvctt: 9, tttt: 8, mdhl: 17, mdsh: 19 }, rank: 12 }, SIX, [70, 97]);
    await writeXlsx(file, [
      {
        name: 'Sheet1',
        ...vnTable({ title: ['Số liệu tính đến ngày 28/11/2025'], groups: SIX, nameLabel: 'Tỉnh/Thành phố', totalColumn: true, rankColumn: true, rows }),
        numFmt: '0.00',
      },
    ]);
    const recipients = ['Như trên;', { text: 'Các sở, ban, ngành;', level: 'so' }, 'Lưu: VT.'];
    writeFileSync(join(dir, 'dakindex.config.json'), JSON.stringify({ documents: { periodicReport: { recipients } } }));
    const w = await write(['report', '--month', '11', '--year', '2025', '--input', file, '--sheet', 'Sheet1=tinh'], dir);
    expect(w.noiNhan).toEqual(['Như trên;', 'Lưu: VT.']);
    const withAgencies = await write(['report', '--month', '11', '--year', '2025', '--data', FX], dir);
    expect(withAgencies.noiNhan).toEqual(['Như trên;', 'Các sở, ban, ngành;', 'Lưu: VT.']);
  });
});

describe('--issued before the data', () => {
  const EARLY = /--issued: ngày ban hành (\S+) trước (.+?) \((\S+)\)/;

  it('warns for a report and each letter, naming the date it precedes; the same day does not warn', async () => {
    const cases: { args: string[]; issued: string; same: string; what: RegExp; date: string }[] = [
      { args: SEEDS[1]!.args, issued: '2025-11-13', same: '2025-11-14', what: /ngày đánh giá của dữ liệu/, date: '14/11/2025' },
      { args: SEEDS[0]!.args, issued: '2024-06-03', same: '2024-06-04', what: /ngày đánh giá của dữ liệu/, date: '04/6/2024' },
      { args: SEEDS[3]!.args, issued: '2026-03-08', same: '2026-03-09', what: /ngày đánh giá của dữ liệu/, date: '09/3/2026' },
      { args: SEEDS[4]!.args, issued: '2022-05-24', same: '2022-05-25', what: /ngày công bố kết quả năm 2021 \(theo par-sipas-2021\.yaml/, date: '25/5/2022' },
    ];
    for (const c of cases) {
      const early = await write([...c.args, '--issued', c.issued]);
      const m = EARLY.exec(early.result.stderr);
      expect(m, c.args.join(' ')).not.toBeNull();
      expect(m![2]).toMatch(c.what);
      expect(m![3]).toBe(c.date);
      // The document still carries the date asked for.
      expect(early.doc.text).toContain(`ngày ${c.issued.slice(8)} tháng`);
      const same = await write([...c.args, '--issued', c.same]);
      expect(same.result.stderr).not.toMatch(EARLY);
    }
  });
});
