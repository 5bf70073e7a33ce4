import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import { DataError } from '../../src/core/errors.js';
import { readScoreFile } from '../../src/io/readers/read-score-file.js';
import { dakindex, REPO } from '../helpers/cli.js';
import { expectThrows, tempDir } from './helpers.js';

const config = DEFAULT_CONFIG;
const HEADER = 'STT,Tên đơn vị,Công khai minh bạch,Tiến độ giải quyết,Dịch vụ công trực tuyến,Thanh toán trực tuyến,Mức độ hài lòng,Số hóa hồ sơ,Tổng điểm';
const COMMUNES = [
  ['UBND xã Ea Ly', '14,53', '18,62', '8,85', '9,09', '17,53', '20,1', '88,72'],
  ['UBND xã Ea Kar', '18', '17,74', '10,71', '8,36', '15,81', '18,78', '89,4'],
  ['UBND phường Tân An', '17,05', '19,71', '12', '10', '17,52', '19,85', '96,13'],
];

function write(text: string, name = 'xa.csv'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  return file;
}

describe('CSV whose decimal commas collide with its comma separator', () => {
  it('is refused with one message naming the file, the first split row and the fixes', async () => {
    const text = [
      'Số liệu ngày 14/11/2025',
      HEADER,
      ...COMMUNES.map((c, i) => [String(i + 1), ...c].join(',')),
    ].join('\r\n');
    const file = write(text);
    const e = await expectThrows(readScoreFile(file, { config }), DataError);
    expect(e.message).toBe(
      `${file}, dòng 3: có 16 ô, nhiều hơn 9 cột của dòng tiêu đề (dòng 2). ` +
        'Tệp CSV dùng dấu phẩy "," vừa để ngăn cách các cột vừa làm dấu thập phân, nên một số như "14,53" bị tách thành hai ô ("14" và "53"). ' +
        'Hãy lưu lại tệp với dấu ";" để ngăn cách các cột, hoặc đặt các số trong dấu ngoặc kép ("9,5"), hoặc dùng dấu chấm "." làm dấu thập phân (9.5).',
    );
  });

  it('is found on the first row that splits, after rows whose numbers are whole', async () => {
    const text = [HEADER, '1,UBND xã A,18,20,12,10,18,22,100', '2,UBND xã B,18,20,12,10,18,22,100', ...COMMUNES.map((c) => ['3', ...c].join(','))].join('\n');
    const e = await expectThrows(readScoreFile(write(text), { config }), DataError);
    expect(e.message).toMatch(/, dòng 4: có 16 ô, nhiều hơn 9 cột/);
  });

  it('gives the one message through check, not a list of "vượt điểm tối đa" errors', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i + 1},UBND xã X${i},14,53,18,62,8,85,9,09,17,53,20,1,88,72`);
    const file = write([HEADER, ...rows].join('\n'));
    const r = await dakindex(['check', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('dấu phẩy "," vừa để ngăn cách các cột vừa làm dấu thập phân');
    expect(r.stderr).not.toContain('vượt điểm tối đa');
  });

  it('still reads comma CSVs with dot decimals or quoted decimal commas, and semicolon CSVs', async () => {
    const dotted = await readScoreFile(join(REPO, 'fixtures/layouts/csv-comma.csv'), { config });
    expect(dotted.sheets[0]!.units.length).toBeGreaterThan(3);
    expect(dotted.sheets[0]!.units[0]!.total).toBe(82.98);

    const quoted = write([HEADER, ...COMMUNES.map((c, i) => [String(i + 1), ...c.map((v) => `"${v}"`)].join(','))].join('\n'));
    const q = await readScoreFile(quoted, { config });
    expect(q.sheets[0]!.units.map((u) => u.total)).toEqual([88.72, 89.4, 96.13]);

    const semi = write([HEADER.replaceAll(',', ';'), ...COMMUNES.map((c, i) => [String(i + 1), ...c].join(';'))].join('\n'));
    const s = await readScoreFile(semi, { config });
    expect(s.sheets[0]!.units.map((u) => u.total)).toEqual([88.72, 89.4, 96.13]);
    expect(s.sheets[0]!.units[0]!.values.ckmb).toEqual({ value: 14.53, kind: 'points' });

    const fixture = await readScoreFile(join(REPO, 'fixtures/layouts/csv-semicolon-bom.csv'), { config });
    expect(fixture.sheets[0]!.units[0]!.total).toBe(89.4);
  });
});
