/**
 * `letter low-score --streak K` on a copy of fixtures/daklak, whose four last exports (16/02 to
 * 09/3/2026, Mondays) are consecutive weeks with known lowest communes: the letter names the
 * communes in the bottom N (or below X) at each of the last K dates and says "liên tục K tuần";
 * over dates that are not consecutive weeks it says "lần đánh giá" and warns.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import { selectStreak, streakWording } from '../../src/core/documents/letter-low-score.js';
import type { BottomChoice, Streak } from '../../src/core/history.js';
import { nameKey } from '../../src/core/names.js';
import { readDataset } from '../../src/io/readers/read-dataset.js';
import { dakindex, tempDir } from '../helpers/cli.js';
import { dataCopy } from '../history/helpers.js';
import { bodyParagraphs, docxFiles, letter } from './helpers.js';

const data = dataCopy();
const LOW = ['low-score', '--data', data, '--date', '2026-03-09'];

/** The Kính gửi line to the chairs of the communes. */
const chairs = (paragraphs: string[]) => paragraphs.find((p) => p.startsWith('- Chủ tịch UBND'));
/** The sentence that says how many communes and which ranks. */
const selection = (paragraphs: string[]) => paragraphs.find((p) => p.startsWith('Theo số liệu công khai'))!;

describe('letter low-score --streak', () => {
  it('names the communes in the bottom seven for four weeks in a row, and says so', async () => {
    const r = await letter([...LOW, '--bottom', '7', '--streak', '4', '--target', '94', '--since', '2026-01-09']);
    expect(r.files).toHaveLength(1);
    const doc = r.docs[0]!;
    expect(chairs(doc.paragraphs)).toBe('- Chủ tịch UBND các xã: Xuân Lộc, Vụ Bổn, Ea Drăng;');
    expect(doc.paragraphs).toContain('- Đồng kính gửi: Bí thư các xã: Xuân Lộc, Vụ Bổn, Ea Drăng.');
    expect(selection(bodyParagraphs(doc))).toContain(
      'tính đến ngày 09/3/2026, hiện có 03 địa phương liên tục 04 tuần nằm trong nhóm 07 địa phương có điểm thấp nhất của tỉnh, có thứ hạng từ 100 đến 102 (điểm từ 84,54 đến 87,12). Nhằm nâng cao',
    );
    expect(doc.footnotes[0]).toBe('UBND xã Xuân Lộc đạt 87,12 điểm, UBND xã Vụ Bổn đạt 86,48 điểm, UBND xã Ea Drăng đạt 84,54 điểm.');
    // The rest is the seed's: the province's rank change, the target and its source.
    expect(doc.text).toContain('hiện đạt 93,79/100 điểm, xếp 21/34 tỉnh, thành phố, tăng 12 bậc so với ngày 09/01/2026.');
    expect(doc.footnotes[1]).toBe('Chỉ tiêu theo Công văn số 821/UBND-PVHCC ngày 15/01/2026 của UBND tỉnh.');
    expect(r.result.stdout).toContain(`Lịch sử: 4 ngày đánh giá gần nhất đến 09/3/2026 trong ${data}: 16/02/2026, 23/02/2026, 02/3/2026, 09/3/2026`);
    expect(r.result.stdout).toContain('Chọn 3/102 UBND cấp xã liên tục 04 tuần nằm trong nhóm 07 địa phương có điểm thấp nhất của tỉnh: Xuân Lộc (87,12), Vụ Bổn (86,48), Ea Drăng (84,54)');
    expect(r.result.stderr).not.toContain('tuần liên tiếp');
  });

  it('takes K dates back from the letter\'s date: three weeks add Dur Kmăl; up to 02/3 Cư Pui', async () => {
    const three = await letter([...LOW, '--bottom', '7', '--streak', '3']);
    expect(chairs(three.docs[0]!.paragraphs)).toBe('- Chủ tịch UBND các xã: Dur Kmăl, Xuân Lộc, Vụ Bổn, Ea Drăng;');
    expect(selection(bodyParagraphs(three.docs[0]!))).toContain('hiện có 04 địa phương liên tục 03 tuần nằm trong nhóm 07 địa phương có điểm thấp nhất của tỉnh, có thứ hạng từ 99 đến 102 (điểm từ 84,54 đến 88,88)');
    const earlier = await letter(['low-score', '--data', data, '--date', '2026-03-02', '--bottom', '7', '--streak', '3']);
    expect(chairs(earlier.docs[0]!.paragraphs)).toBe('- Chủ tịch UBND các xã: Cư Pui, Xuân Lộc, Vụ Bổn, Ea Drăng;');
  });

  it('words a score threshold: below 89 two weeks in a row', async () => {
    const r = await letter([...LOW, '--below', '89', '--streak', '2', '--json']);
    const j = JSON.parse(r.result.stdout);
    expect(j.communes.map((c: { name: string }) => c.name)).toEqual(['UBND xã Dur Kmăl', 'UBND xã Xuân Lộc', 'UBND xã Vụ Bổn', 'UBND xã Ea Drăng']);
    expect(j.streak).toEqual({ length: 2, dates: ['2026-03-02', '2026-03-09'], weekly: true });
    expect(selection(bodyParagraphs(r.docs[0]!))).toContain('hiện có 04 địa phương liên tục 02 tuần có điểm dưới 89, có thứ hạng từ 99 đến 102');
  });

  it('says "lần đánh giá" and warns when the dates are not consecutive weeks; the communes are those a recount finds', async () => {
    const r = await letter([...LOW, '--bottom', '7', '--streak', '5']);
    // Recount: the bottom seven of 09/01/2026 (ties included), read apart, against the four weeks' three.
    const jan = (await readDataset([join(data, 'diem-766-2026-01-09.xlsx')], { config: DEFAULT_CONFIG })).sheets.find((s) => s.level === 'xa')!;
    const totals = jan.units.map((u) => u.total!).sort((a, b) => a - b);
    const bottom = new Set(jan.units.filter((u) => u.total! <= totals[6]!).map((u) => nameKey(u.name)));
    const expected = ['UBND xã Xuân Lộc', 'UBND xã Vụ Bổn', 'UBND xã Ea Drăng'].filter((n) => bottom.has(nameKey(n)));
    expect(expected.length).toBeGreaterThan(0);
    expect(r.docs[0]!.footnotes[0]).toBe(`${expected.map((n) => `${n} đạt ${{ 'UBND xã Xuân Lộc': '87,12', 'UBND xã Vụ Bổn': '86,48', 'UBND xã Ea Drăng': '84,54' }[n]} điểm`).join(', ')}.`);
    const sentence = selection(bodyParagraphs(r.docs[0]!));
    expect(sentence).toContain(`liên tục 05 lần đánh giá nằm trong nhóm 07 địa phương có điểm thấp nhất của tỉnh, có thứ hạng`);
    expect(r.docs[0]!.text).not.toContain('liên tục 05 tuần');
    expect(r.result.stderr).toContain(
      'Các ngày đánh giá 09/01/2026, 16/02/2026, 23/02/2026, 02/3/2026, 09/3/2026 không thuộc 05 tuần liên tiếp (mỗi tuần, từ thứ Hai đến Chủ nhật, một ngày): công văn ghi "liên tục 05 lần đánh giá", không ghi "tuần".',
    );
  });

  it('writes one letter per commune with --separate, each saying it', async () => {
    const r = await letter([...LOW, '--bottom', '7', '--streak', '4', '--separate']);
    expect(r.files.map((f) => f.replace(/^.*_cong-van-diem-thap-/, ''))).toEqual(['xa-ea-drang.docx', 'xa-vu-bon.docx', 'xa-xuan-loc.docx']);
    const xuanLoc = r.docs[2]!;
    expect(selection(bodyParagraphs(xuanLoc))).toContain('hiện có 01 địa phương liên tục 04 tuần nằm trong nhóm 07 địa phương có điểm thấp nhất của tỉnh, có thứ hạng 100 (điểm 87,12)');
  });

  it('writes nothing when no commune stayed, when the history is too short, or with --input', async () => {
    const out = tempDir();
    // 09/01/2026's lowest commune is not Ea Drăng, the lowest of the four weeks after.
    const none = await dakindex(['letter', ...LOW, '--bottom', '1', '--streak', '5', '--out', out]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(
      'Không có UBND cấp xã nào liên tục 05 lần đánh giá nằm trong nhóm 01 địa phương có điểm thấp nhất của tỉnh (các ngày 09/01/2026, 16/02/2026, 23/02/2026, 02/3/2026, 09/3/2026): không tạo công văn.',
    );
    const short = await dakindex(['letter', ...LOW, '--bottom', '7', '--streak', '12', '--out', out]);
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('Lịch sử chỉ có 9 ngày đánh giá có điểm cấp xã đến ngày 09/3/2026');
    const input = await dakindex(['letter', 'low-score', '--input', join(data, 'diem-766-2026-03-09.xlsx'), '--bottom', '7', '--streak', '4', '--out', out]);
    expect(input.code).toBe(2);
    expect(input.stderr).toContain('--streak đọc lịch sử trong thư mục dữ liệu (--data): không dùng cùng --input');
    expect(docxFiles(out)).toEqual([]);
  });
});

describe('the streak wording (core)', () => {
  const streak = (dates: string[], weekly: boolean, choice: BottomChoice): Streak => ({ level: 'xa', choice, dates, weekly, units: [] });

  it('says "tuần" for consecutive weeks, "lần đánh giá" otherwise, and the criterion as the seed counts', () => {
    expect(streakWording(streak(['2026-03-02', '2026-03-09'], true, { bottom: 7 }))).toEqual({
      text: 'liên tục 02 tuần nằm trong nhóm 07 địa phương có điểm thấp nhất của tỉnh',
      times: '02',
      unit: 'tuần',
      criterion: 'nằm trong nhóm 07 địa phương có điểm thấp nhất của tỉnh',
      dates: '02/3/2026, 09/3/2026',
    });
    expect(streakWording(streak(['2026-01-09', '2026-03-09'], false, { below: 89.5 })).text).toBe('liên tục 02 lần đánh giá có điểm dưới 89,5');
  });

  it('refuses a streak that does not end on the letter\'s date (a bug, not a user error)', async () => {
    const { evaluate } = await import('../../src/core/evaluation.js');
    const { dataset, sheet, unit, SETTINGS } = await import('../core/engine-helpers.js');
    const current = { ...evaluate(dataset([sheet('xa', [unit('UBND xã A', 'xa', 80)])], '2026-03-09'), SETTINGS), date: '2026-03-09' };
    const run = { current, since: null, target: null, config: DEFAULT_CONFIG, issue: {}, choice: { bottom: 1 } };
    expect(() => selectStreak(run, streak(['2026-02-23', '2026-03-02'], true, { bottom: 1 }))).toThrow(RangeError);
  });
});
