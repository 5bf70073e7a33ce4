import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/bands.js';
import { compare } from '../../src/core/comparison.js';
import { evaluate } from '../../src/core/evaluation.js';
import { competitionRanks } from '../../src/core/rank.js';
import { onlineServicesPoints, scoreUnit } from '../../src/core/scoring.js';
import { BAND_KEYS, NO_DATA } from '../../src/core/types.js';
import { dataset, points, rates, sheet, SETTINGS, unit } from './engine-helpers.js';

const band = (s: number) => classify(s, SETTINGS.bands).key;

describe('bands', () => {
  it('puts each edge in the upper band', () => {
    expect(band(100)).toBe('xuat-sac');
    expect(band(90)).toBe('xuat-sac');
    expect(band(89.99)).toBe('tot');
    expect(band(80)).toBe('tot');
    expect(band(79.99)).toBe('kha');
    expect(band(70)).toBe('kha');
    expect(band(69.99)).toBe('trung-binh');
    expect(band(50)).toBe('trung-binh');
    expect(band(49.99)).toBe('yeu');
    expect(band(0)).toBe('yeu');
  });

  it('classifies the score rounded to 2 decimals: 89,995 prints as 90,00 and is Xuất sắc', () => {
    expect(band(89.995)).toBe('xuat-sac');
    expect(band(89.994)).toBe('tot');
  });

  it('follows configured bands', () => {
    const custom = [
      { key: 'xuat-sac', label: 'A', min: 95 },
      { key: 'tot', label: 'B', min: 85 },
      { key: 'kha', label: 'C', min: 70 },
      { key: 'trung-binh', label: 'D', min: 50 },
      { key: 'yeu', label: 'E', min: 0 },
    ] as const;
    expect(classify(94, custom).key).toBe('tot');
  });
});

describe('ranks', () => {
  it('ties share a rank and the next rank skips (1, 2, 2, 4)', () => {
    expect(competitionRanks([90, 80, 80, 70])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([70, 80, 90, 80])).toEqual([4, 2, 1, 2]);
    expect(competitionRanks([null, 50, 50])).toEqual([null, 1, 1]);
  });
});

describe('scoring a unit', () => {
  it('turns rates into points: 75% of Số hóa hồ sơ is 16,5 points', () => {
    const w: never[] = [];
    const s = scoreUnit(unit('Sở A', 'so', null, rates({ mdsh: 75, ckmb: 100 })), SETTINGS.groups, w);
    expect(s.groups.mdsh).toBe(16.5);
    expect(s.groups.ckmb).toBe(18);
    expect(s.score).toBe(34.5);
  });

  it('keeps the published total and warns when it is off the sum by more than 0,01', () => {
    const warnings: { message: string }[] = [];
    const ok = scoreUnit(unit('UBND xã A', 'xa', 50.01, points({ ckmb: 20, tdgq: 30 })), SETTINGS.groups, warnings);
    expect(ok.score).toBe(50.01);
    expect(warnings).toHaveLength(0);
    const off = scoreUnit(unit('UBND xã B', 'xa', 73.73, points({ ckmb: 10, tdgq: 19.1 })), SETTINGS.groups, warnings);
    expect(off.score).toBe(73.73);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('UBND xã B');
    expect(warnings[0]!.message).toContain('73,73');
    expect(warnings[0]!.message).toContain('29,1');
    scoreUnit(unit('UBND xã C', 'xa', 89.995, points({ ckmb: 18, tdgq: 20 })), SETTINGS.groups, warnings);
    expect(warnings[1]!.message).toContain('tổng điểm công bố 89,995 khác tổng các nhóm 38');
  });

  it('a unit with no values and no total has no data', () => {
    expect(scoreUnit(unit('Sở C', 'so', null), SETTINGS.groups, []).score).toBeNull();
  });

  it('the online group is the 22-point column or the sum of its two halves', () => {
    expect(onlineServicesPoints({ dvctt: 8.85, tttt: 9.09 })).toBe(17.94);
    expect(onlineServicesPoints({ dvtt: 20 })).toBe(20);
    expect(onlineServicesPoints({ ckmb: 1 })).toBeUndefined();
  });
});

describe('evaluating a dataset', () => {
  const data = dataset([
    sheet('tinh', [unit('Hà Nội', 'tinh', 95), unit('Đắk Lắk', 'tinh', 88.72, points({ ckmb: 14.53, tdgq: 18.62, dvctt: 8.85, tttt: 9.09, mdhl: 17.53, mdsh: 20.1 })), unit('Huế', 'tinh', 90)]),
    sheet('xa', [
      unit('UBND xã A', 'xa', 80),
      unit('UBND xã B', 'xa', null),
      unit('UBND xã C', 'xa', 95.5),
      unit('UBND xã D', 'xa', 80),
      unit('UBND xã E', 'xa', 100),
    ]),
  ]);
  const ev = evaluate(data, SETTINGS);

  it('orders units best first, ties in input order, no data last', () => {
    expect(ev.levels.xa!.units.map((u) => [u.name, u.rank])).toEqual([
      ['UBND xã E', 1],
      ['UBND xã C', 2],
      ['UBND xã A', 3],
      ['UBND xã D', 3],
      ['UBND xã B', null],
    ]);
  });

  it('counts per band and units without data apart', () => {
    expect(ev.levels.xa!.counts).toEqual({ 'xuat-sac': 2, tot: 2, kha: 0, 'trung-binh': 0, yeu: 0, [NO_DATA]: 1 });
    expect(ev.levels.xa!.rated).toBe(4);
  });

  it('finds the province, its score, rank and groups', () => {
    expect(ev.province).toMatchObject({ name: 'Đắk Lắk', score: 88.72, rank: 3, of: 3 });
    expect(ev.province!.groups.mdsh).toBe(20.1);
  });

  it('a province sheet of one row gives its published rank', () => {
    const one = dataset([sheet('tinh', [{ ...unit('UBND tỉnh Đắk Lắk', 'tinh', 88.72), publishedRank: 16 }])]);
    expect(evaluate(one, SETTINGS).province).toMatchObject({ score: 88.72, rank: 16, of: null });
  });

  it('counts always add up to the number of units (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }), { maxLength: 60 }), (scores) => {
        const units = scores.map((s, i) => unit(`UBND xã ${i}`, 'xa', s));
        const r = evaluate(dataset([sheet('xa', units)]), SETTINGS).levels.xa!;
        const total = [...BAND_KEYS, NO_DATA].reduce((n, k) => n + r.counts[k], 0);
        expect(total).toBe(scores.length);
        expect(r.rated).toBe(scores.filter((s) => s !== null).length);
        for (const u of r.units) if (u.score !== null) expect(u.band).toBe(band(u.score));
      }),
    );
  });
});

describe('comparing two dates', () => {
  const prev = evaluate(
    dataset([
      sheet('tinh', [unit('Đắk Lắk', 'tinh', 88.45), unit('Hà Nội', 'tinh', 89)]),
      sheet('xa', [unit('UBND xã A', 'xa', 91), unit('UBND xã B', 'xa', 85), unit('UBND xã Old', 'xa', 60)]),
    ], '2025-11-07'),
    SETTINGS,
  );
  const cur = evaluate(
    dataset([
      sheet('tinh', [unit('Đắk Lắk', 'tinh', 88.72), unit('Hà Nội', 'tinh', 88)]),
      sheet('xa', [unit('UBND xã A', 'xa', 89.5), unit('UBND xã B', 'xa', 85), unit('UBND xã New', 'xa', 92)]),
    ]),
    SETTINGS,
  );
  const c = compare(cur, prev);

  it('gives the province score delta and rank change', () => {
    expect(c.province).toEqual({ scoreDelta: 0.27, rankChange: 1 });
    expect(c.previousDate).toBe('2025-11-07');
  });

  it('gives band count changes, units that moved and units of one date only', () => {
    const xa = c.levels.xa!;
    expect(xa.countDelta['xuat-sac']).toBe(0);
    expect(xa.countDelta.tot).toBe(1);
    expect(xa.countDelta['trung-binh']).toBe(-1);
    expect(xa.entered.tot).toEqual(['UBND xã A']);
    expect(xa.left['xuat-sac']).toEqual(['UBND xã A']);
    expect(xa.entered['xuat-sac']).toEqual(['UBND xã New']);
    expect(xa.onlyCurrent).toEqual(['UBND xã New']);
    expect(xa.onlyPrevious).toEqual(['UBND xã Old']);
    expect(xa.units.get(cur.levels.xa!.units.find((u) => u.name === 'UBND xã A')!.key)).toEqual({
      scoreDelta: -1.5,
      rankChange: -1,
      previousBand: 'xuat-sac',
    });
  });
});
