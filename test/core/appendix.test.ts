import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import { compare } from '../../src/core/comparison.js';
import { levelAppendix, NEW_UNIT_LABEL, NO_DATA_LABEL } from '../../src/core/documents/appendix.js';
import { evaluate } from '../../src/core/evaluation.js';
import { dataset, points, sheet, SETTINGS, unit } from './engine-helpers.js';

describe('the Phụ lục table of a level', () => {
  const prev = evaluate(dataset([sheet('xa', [unit('UBND xã A', 'xa', 90), unit('UBND xã B', 'xa', null), unit('UBND xã D', 'xa', 70)])], '2025-11-07'), SETTINGS);
  const cur = evaluate(
    dataset([
      sheet('xa', [
        unit('UBND xã A', 'xa', 91.05, points({ ckmb: 18, tdgq: 20, dvtt: 20, mdhl: 18, mdsh: 15.05 })),
        unit('UBND xã B', 'xa', 80),
        unit('UBND xã C', 'xa', 80),
        unit('UBND xã D', 'xa', null),
      ], ['ckmb', 'tdgq', 'dvtt', 'mdhl', 'mdsh']),
    ]),
    SETTINGS,
  );
  const table = levelAppendix(cur.levels.xa!, 'II', '(note)', DEFAULT_CONFIG, compare(cur, prev).levels.xa!).tables[0]!.table;
  const row = (name: string) => table.rows.find((r) => r[1] === name)!;

  it('has STT, unit, one column per group with its maximum, total, class, rank and change', () => {
    expect(table.columns.map((c) => c.header)).toEqual([
      'STT', 'Tên đơn vị', 'Công khai, minh bạch (18)', 'Tiến độ, kết quả giải quyết (20)', 'Cung cấp dịch vụ trực tuyến (22)',
      'Mức độ hài lòng (18)', 'Số hóa hồ sơ (22)', 'Tổng điểm (100)', 'Xếp loại', 'Xếp hạng', 'So với kỳ trước',
    ]);
    expect(row('UBND xã A')).toEqual(['1', 'UBND xã A', '18,00', '20,00', '20,00', '18,00', '15,05', '91,05', 'Xuất sắc', '1', '+1,05']);
  });

  it('ties share a rank; units without data come last, marked, without figures', () => {
    expect(table.rows.map((r) => [r[1], r[9]])).toEqual([['UBND xã A', '1'], ['UBND xã B', '2'], ['UBND xã C', '2'], ['UBND xã D', '']]);
    expect(row('UBND xã D')).toEqual(['4', 'UBND xã D', '', '', '', '', '', '', NO_DATA_LABEL, '', '']);
  });

  it('"mới" only for a unit absent before; a unit without data before gets no change', () => {
    expect(row('UBND xã C')[10]).toBe(NEW_UNIT_LABEL);
    expect(row('UBND xã B')[10]).toBe('');
  });

  it('numbers its appendix and lays a wide table landscape', () => {
    const a = levelAppendix(cur.levels.xa!, 'II', '(note)', DEFAULT_CONFIG, null);
    expect(a.number).toBe('II');
    expect(a.landscape).toBe(true);
    expect(a.tables).toHaveLength(1);
    expect(a.tables[0]!.table.columns.at(-1)!.header).toBe('Xếp hạng');
  });
});
