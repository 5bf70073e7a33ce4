/**
 * The pure builders of the three công văn with small hand-made data: the wording where the seeds
 * are silent (five groups, no districts, one commune, ranks going down, no previous year).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import { provinceRank } from '../../src/core/documents/common.js';
import type { DocumentInput, DocumentKind } from '../../src/core/documents/kind.js';
import { committeeName, localityKinds } from '../../src/core/documents/letter-common.js';
import { lowScore, lowScoreWarnings, selectLowScoring, type LowScoreRun } from '../../src/core/documents/letter-low-score.js';
import { parSipas, parSipasContext, parSipasWarnings, type ParSipasData, type ParSipasInput } from '../../src/core/documents/letter-par-sipas.js';
import { publish, publishContext, type PublishInput } from '../../src/core/documents/letter-publish.js';
import { runsText } from '../../src/core/documents/markup.js';
import type { DocumentModel } from '../../src/core/documents/model.js';
import { DataError } from '../../src/core/errors.js';
import { BLANK } from '../../src/core/format-vi.js';
import { evaluate, type Evaluation } from '../../src/core/evaluation.js';
import type { SheetUnit } from '../../src/core/types.js';
import { renderDocuments } from '../../src/io/produce.js';
import { TemplateSet } from '../../src/io/templates.js';
import { dataset, points, sheet, SETTINGS, unit } from '../core/engine-helpers.js';

const templates = await TemplateSet.open();
const config = DEFAULT_CONFIG;

/** The kind's one document, through the path every command takes (renderDocuments in produce). */
function one<I extends DocumentInput>(kind: DocumentKind<I>, input: I): DocumentModel {
  const docs = renderDocuments(kind, input, templates);
  expect(docs).toHaveLength(1);
  return docs[0]!.model;
}

function evaluation(sheets: Parameters<typeof dataset>[0], date: string): Evaluation & { date: string } {
  return { ...evaluate(dataset(sheets, date), SETTINGS), date };
}

/** The body's paragraphs, footnotes left out, and the footnotes. */
function texts(model: DocumentModel): { body: string[]; notes: string[] } {
  return {
    body: model.body.map((b) => (b.type === 'chart' ? '' : runsText(b.runs))),
    notes: model.body.flatMap((b) => (b.type === 'chart' ? [] : b.runs.flatMap((r) => (r.footnote ? [r.footnote] : [])))),
  };
}

function provinces(score: number, rank: number, of: number): SheetUnit[] {
  const others = Array.from({ length: of - 1 }, (_, i) => {
    // Others around the province so that it lands at `rank`.
    const s = i < rank - 1 ? 99 - i * 0.01 : 10 + i * 0.01;
    return unit(`Tỉnh ${i + 1}`, 'tinh', s);
  });
  return [...others, unit('Đắk Lắk', 'tinh', score)];
}

describe('publish letter', () => {
  const communes = [unit('UBND xã Ea Ly', 'xa', 80), unit('UBND phường Tân Lập', 'xa', 90)];

  it('writes the 22-point online group directly with five-group data, and addresses only the levels of the data', () => {
    const tinh = provinces(81.5, 3, 34);
    tinh[tinh.length - 1] = unit('Đắk Lắk', 'tinh', null, points({ ckmb: 15.5, tdgq: 18, dvtt: 17.9, mdhl: 16.1, mdsh: 14 }));
    const input: PublishInput = {
      period: { kind: 'month', month: 8, year: 2025 },
      current: evaluation([sheet('tinh', tinh, ['ckmb', 'tdgq', 'dvtt', 'mdhl', 'mdsh']), sheet('xa', communes)], '2025-09-03'),
      comparison: null,
      config,
      issue: {},
    };
    const model = one(publish, input);
    const { body } = texts(model);
    expect(body).toContain('Tổng số điểm Đắk Lắk đạt: 81,5/100 điểm, xếp hạng 3/34 tỉnh, thành phố (Số liệu ngày 03/9/2025, số liệu này có thể thay đổi theo thời gian), cụ thể:');
    expect(body).toContain('3. Nhóm chỉ số Dịch vụ trực tuyến: 17,9/22 điểm.');
    expect(body.some((t) => t.startsWith('3.1.'))).toBe(false);
    expect(body).toContain('1. Nhóm chỉ số công khai, minh bạch: 15,5/18 điểm.');
    expect(body).toContain('5. Nhóm chỉ số số hóa hồ sơ: 14,0/22 điểm.');
    // The data has communes and no agencies: Kính gửi names the communes alone.
    expect(model.recipients).toEqual(['UBND các xã, phường.']);
    expect(model.header.subject!.join(' ')).toBe('V/v công khai kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 8/2025');
    expect(model.header.placeDate).toBe(`Đắk Lắk, ngày ${BLANK} tháng 9 năm 2025`);
    expect(model.appendices.map((a) => a.number)).toEqual(['I']);
    expect(model.kind).toBe('cong-van');
    expect(model.signature.title).toEqual(['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG']);
  });

  it('writes the total alone when the province sheet has no group columns, and no appendix reference without appendices', () => {
    const input: PublishInput = {
      period: { kind: 'month', month: 8, year: 2025 },
      current: evaluation([sheet('tinh', provinces(81.5, 3, 34))], '2025-09-03'),
      comparison: null,
      config,
      issue: {},
    };
    const { body } = texts(one(publish, input));
    expect(body).toContain('Tổng số điểm Đắk Lắk đạt: 81,5/100 điểm, xếp hạng 3/34 tỉnh, thành phố (Số liệu ngày 03/9/2025, số liệu này có thể thay đổi theo thời gian).');
    expect(body.some((t) => /^\d\. Nhóm/.test(t))).toBe(false);
    expect(body.filter((t) => /phụ lục/iu.test(t))).toEqual([]);
  });

  it('refuses data without the province', () => {
    const input: PublishInput = {
      period: { kind: 'month', month: 8, year: 2025 },
      current: evaluation([sheet('xa', communes)], '2025-09-03'),
      comparison: null,
      config,
      issue: {},
    };
    expect(() => publishContext(input)).toThrow(DataError);
    expect(() => publishContext(input)).toThrow(/không có điểm của tỉnh Đắk Lắk/);
  });

  it('words a published rank without the number of provinces', () => {
    expect(provinceRank({ name: 'Đắk Lắk', score: 80, rank: 31, of: null, groups: {} })).toBe('thứ 31');
    expect(provinceRank({ name: 'Đắk Lắk', score: 80, rank: 31, of: 63, groups: {} })).toBe('31/63 tỉnh, thành phố');
    expect(provinceRank({ name: 'Đắk Lắk', score: 80, rank: null, of: null, groups: {} })).toBeNull();
  });
});

describe('low-score letter', () => {
  const communes = [
    unit('UBND xã A Một', 'xa', 95),
    unit('UBND phường Hai', 'xa', 92),
    unit('UBND xã Ba', 'xa', 88.5),
    unit('UBND phường Bốn', 'xa', 88.5),
    unit('UBND xã Năm', 'xa', 80.25),
    unit('UBND xã Sáu', 'xa', null),
  ];
  const current = evaluation([sheet('tinh', provinces(90, 10, 34)), sheet('xa', communes)], '2026-04-10');
  const input = (over: Partial<LowScoreRun> = {}): LowScoreRun => ({
    current,
    since: null,
    target: 95,
    config,
    issue: {},
    choice: { bottom: 3 },
    separate: false,
    ...over,
  });
  const render = (i: LowScoreRun) => one(lowScore, i);

  it('takes the N lowest with any tied with the last, best first, and warns', () => {
    const s = selectLowScoring(current, { bottom: 2 });
    expect(s.units.map((u) => u.shortName)).toEqual(['Ba', 'Bốn', 'Năm']);
    expect(s.rated).toBe(5);
    expect(s.warnings.map((w) => w.message).join('\n')).toMatch(/cùng điểm 88,5/);
    expect(s.warnings.map((w) => w.message).join('\n')).toMatch(/01 UBND cấp xã không có dữ liệu/);
  });

  it('takes all below a score, and refuses when there is none', () => {
    expect(selectLowScoring(current, { below: 90 }).units.map((u) => u.shortName)).toEqual(['Ba', 'Bốn', 'Năm']);
    expect(() => selectLowScoring(current, { below: 80 })).toThrow(/Không có UBND cấp xã nào dưới 80,0 điểm ngày 10\/4\/2026 \(thấp nhất: UBND xã Năm 80,25 điểm\)/);
    expect(() => selectLowScoring(evaluation([sheet('tinh', provinces(90, 10, 34))], '2026-04-10'), { bottom: 3 })).toThrow(DataError);
  });

  it('names "các xã", "các phường" or "các phường, xã" by the list', () => {
    expect(localityKinds([{ name: 'UBND xã A' }, { name: 'UBND xã B' }])).toBe('các xã');
    expect(localityKinds([{ name: 'UBND phường A' }])).toBe('các phường');
    expect(localityKinds([{ name: 'UBND xã A' }, { name: 'UBND phường B' }])).toBe('các phường, xã');
    expect(localityKinds([{ name: 'Xã A' }, { name: 'Thị trấn B' }])).toBe('các xã, thị trấn');
    expect(committeeName({ name: 'Xã Ea Ly', shortName: 'Ea Ly' })).toBe('UBND xã Ea Ly');
    expect(committeeName({ name: 'Ủy ban nhân dân phường Tân An', shortName: 'Tân An' })).toBe('UBND phường Tân An');
  });

  it('writes ranks, scores and footnote of the selection; no rank change without --since', () => {
    const m = render(input());
    const { body, notes } = texts(m);
    expect(m.recipients).toEqual(['Chủ tịch UBND các phường, xã: Ba, Bốn, Năm;', 'Đồng kính gửi: Bí thư các phường, xã: Ba, Bốn, Năm.']);
    expect(body[0]).toMatch(/hiện đạt 90,0\/100 điểm, xếp 10\/34 tỉnh, thành phố\.$/);
    expect(body.join('\n')).toContain('tính đến ngày 10/4/2026, hiện có 03 địa phương có thứ hạng từ 3 đến 5 (điểm từ 80,25 đến 88,5). Nhằm');
    expect(notes[0]).toBe('UBND xã Ba đạt 88,5 điểm, UBND phường Bốn đạt 88,5 điểm, UBND xã Năm đạt 80,25 điểm.');
    expect(body.join('\n')).toContain('bảo đảm đến cuối tháng 4 năm 2026 điểm số');
    expect(body.join('\n')).toContain('đạt từ 95 điểm trở lên.');
  });

  it('says "giảm" when the province fell since the reference date', () => {
    const since = evaluation([sheet('tinh', provinces(91, 7, 34))], '2026-02-09');
    const { body } = texts(render(input({ since })));
    expect(body[0]).toMatch(/xếp 10\/34 tỉnh, thành phố, giảm 03 bậc so với ngày 09\/02\/2026\.$/);
    const noProvince = evaluation([sheet('xa', communes)], '2026-02-09');
    expect(lowScoreWarnings(input({ since: noProvince }))[0]!.message).toMatch(/không nêu mức tăng, giảm bậc/);
  });

  it('writes one commune’s letter to that commune only, with its own figure', () => {
    const letters = renderDocuments(lowScore, input({ separate: true }), templates);
    expect(letters.map((l) => l.name)).toEqual([
      '2026-04-10_cong-van-diem-thap-xa-ba.docx',
      '2026-04-10_cong-van-diem-thap-phuong-bon.docx',
      '2026-04-10_cong-van-diem-thap-xa-nam.docx',
    ]);
    const m = letters[2]!.model;
    const { body, notes } = texts(m);
    expect(m.recipients).toEqual(['Chủ tịch UBND xã Năm;', 'Đồng kính gửi: Bí thư Đảng ủy xã Năm.']);
    expect(m.header.subject).toEqual(['V/v tập trung cải thiện Chỉ số', 'phục vụ người dân, doanh nghiệp', 'đối với địa phương có điểm thấp']);
    expect(body.join('\n')).toContain('hiện có 01 địa phương có thứ hạng 5 (điểm 80,25). Nhằm');
    expect(body.join('\n')).toContain('Chủ tịch UBND tỉnh yêu cầu địa phương khẩn trương');
    expect(body.join('\n')).toContain('6. Giao Chủ tịch UBND xã Năm chịu trách nhiệm');
    expect(notes[0]).toBe('UBND xã Năm đạt 80,25 điểm.');
  });

  it('leaves the target and its footnote out without --target', () => {
    const { body, notes } = texts(render(input({ target: null })));
    expect(body.join('\n')).not.toContain('bảo đảm đến');
    expect(body.join('\n')).toContain('cung cấp dịch vụ công trực tuyến và thanh toán trực tuyến.');
    expect(notes).toHaveLength(1);
  });

  it('is the committee’s letter with no appendix', () => {
    const m = render(input());
    expect(m.header.issuer).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH ĐẮK LẮK']);
    expect(m.header.parent).toEqual([]);
    expect(m.header.number).toBe(`Số: ${BLANK}/UBND-PVHCC`);
    expect(m.signature.title).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(m.appendices).toEqual([]);
  });
});

describe('PAR Index and SIPAS letter', () => {
  const data = (prev: boolean, announced = '2022-05-25'): ParSipasData => {
    const years: ParSipasData['years'] = {
      2021: { announced, provinces: 63, par: { score: 82.02, rank: 40 }, sipas: { percent: 80.5, rank: 50 } },
    };
    if (prev) years[2020] = { par: { score: 83.22, rank: 36 }, sipas: { percent: 83, rank: 48 } };
    return { file: 'x.yaml', years };
  };

  it('says "giảm ... điểm, giảm ... bậc" when the province went down', () => {
    const c = parSipasContext({ year: 2021, data: data(true), config, issue: {} });
    expect(c.par).toEqual({ score: '82,02', rank: '40', change: 'giảm 1,2 điểm, giảm 04 bậc so với năm 2020' });
    expect(c.sipas).toEqual({ score: '80,5%', rank: '50', change: 'giảm 2,5%, giảm 02 bậc so với năm 2020' });
    expect(c.announced).toBe('Ngày 25 tháng 5 năm 2022');
  });

  it('names what stayed the same: "giữ nguyên số điểm", "giữ nguyên tỷ lệ"', () => {
    const d = data(true);
    d.years[2020] = { par: { score: 82.02, rank: 40 }, sipas: { percent: 80.5, rank: 52 } };
    const c = parSipasContext({ year: 2021, data: d, config, issue: {} });
    expect(c.par.change).toBe('giữ nguyên số điểm, không thay đổi thứ hạng so với năm 2020');
    expect(c.sipas.change).toBe('giữ nguyên tỷ lệ, cải thiện 02 bậc so với năm 2020');
  });

  it('leaves the changes out, with a warning, without the year before', () => {
    const i: ParSipasInput = { year: 2021, data: data(false), config, issue: {} };
    const { body } = texts(one(parSipas, i));
    expect(body).toContain(
      'Kết quả Chỉ số PAR Index năm 2021 của tỉnh Đắk Lắk đạt 82,02 điểm, xếp vị thứ 40/63 tỉnh, thành phố trực thuộc Trung ương; Chỉ số SIPAS năm 2021 của tỉnh Đắk Lắk đạt 80,5%, xếp vị thứ 50/63 tỉnh, thành phố trực thuộc Trung ương;',
    );
    expect(parSipasWarnings(i)[0]!.message).toMatch(/không có số liệu năm 2020/);
  });

  it('writes to the communes after the districts were abolished, dated in the announcement’s month', () => {
    const m = one(parSipas, { year: 2021, data: data(true, '2025-08-06'), config, issue: {} });
    expect(m.recipients).toEqual(['Các sở, ban, ngành;', 'UBND các xã, phường.']);
    expect(texts(m).body.join('\n')).not.toContain('huyện');
    expect(m.header.placeDate).toBe(`Đắk Lắk, ngày ${BLANK} tháng 8 năm 2025`);
  });

  it('refuses a year the file lacks, naming the file', () => {
    expect(() => parSipasContext({ year: 2019, data: data(true), config, issue: {} })).toThrow(/x\.yaml: không có số liệu năm 2019/);
  });
});
