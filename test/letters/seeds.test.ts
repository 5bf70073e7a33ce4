/**
 * The three công văn against their seeds (shared/seeds/000, 003, 004): every sentence carrying a
 * figure word for word, the template text as the seed's, header, Kính gửi, footnotes, signature.
 * Built through the real CLI (in-process) from the bundled fixtures.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BLANK } from '../../src/core/format-vi.js';
import { textOf } from '../helpers/docx-xml.js';
import { validateDocx, xmllintAvailable } from '../helpers/ooxml-validate.js';
import { normalize, seedText } from '../helpers/seeds.js';
import { seedAsWritten } from '../helpers/spelling.js';
import {
  bodyParagraphs,
  expectBoth,
  expectSubjectUnderNumber,
  footnoteIds,
  letter,
  seedWithoutFootnotes,
  type Letter,
} from './helpers.js';

describe('letter publish --month 5 --year 2024 (seed 000)', () => {
  const seed = seedText('000');
  let r: Letter;
  beforeAll(async () => {
    r = await letter(['publish', '--month', '5', '--year', '2024', '--data', 'fixtures/daklak']);
  });

  it('chooses the file of 04/6/2024 and names the output by date and month', () => {
    expect(r.files).toHaveLength(1);
    expect(r.files[0]).toMatch(/2024-06-04_cong-van-cong-khai-thang-05-2024\.docx$/);
    expect(r.result.stdout).toContain('diem-766-2024-06-04.xlsx');
    expect(r.result.stdout).toMatch(/Đã ghi công văn: .*2024-06-04_cong-van-cong-khai-thang-05-2024\.docx/);
  });

  it('writes the total and every group line word for word', () => {
    const doc = r.docs[0]!;
    for (const s of [
      'Tổng số điểm Đắk Lắk đạt: 73,73/100 điểm, xếp hạng 31/63 tỉnh, thành phố (Số liệu ngày 04/6/2024, số liệu này có thể thay đổi theo thời gian), cụ thể:',
      '1. Nhóm chỉ số công khai, minh bạch: 10,0/18 điểm.',
      '2. Nhóm chỉ số tiến độ, kết quả giải quyết: 19,1/20 điểm.',
      '3. Nhóm chỉ số Dịch vụ trực tuyến:',
      '3.1. Dịch vụ công trực tuyến: 4,8/12 điểm;',
      '3.2. Thanh toán trực tuyến: 2,1/10 điểm.',
      '4. Nhóm chỉ số mức độ hài lòng: 18,0/18 điểm.',
      '5. Nhóm chỉ số số hóa hồ sơ: 14,7/22 điểm.',
      'trong tháng 5 năm 2024 của tỉnh như sau:',
    ]) expectBoth(seed, doc, s);
    // The seed's "(Chi tiết có Phụ lục kèm theo)" names the three appendices the letter carries.
    expect(seed).toContain('(Chi tiết có Phụ lục kèm theo)');
    expect(doc.paragraphs).toContain('(Chi tiết tại Phụ lục I, II và III kèm theo).');
    // Each group is a paragraph of its own, as in the seed.
    expect(doc.paragraphs).toContain('3. Nhóm chỉ số Dịch vụ trực tuyến:');
    expect(doc.paragraphs).toContain('3.1. Dịch vụ công trực tuyến: 4,8/12 điểm;');
  });

  it('reproduces every paragraph of the seed’s content, with one spelling per term', () => {
    const body = bodyParagraphs(r.docs[0]!);
    expect(body.length).toBe(12);
    const written = seedAsWritten('000');
    for (const p of body) expect(written).toContain(normalize(p));
  });

  it('puts V/v under Số in the header, 12–13 pt, regular; number and day blank in June 2024', () => {
    const doc = r.docs[0]!;
    const subject = expectSubjectUnderNumber(doc, `Số: ${BLANK}/VPUBND-KSTTHC`);
    expect(subject.join(' ')).toBe('V/v công khai kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 5/2024');
    expect(seed).toContain(normalize(subject.join(' ')));
    expect(doc.paragraphs).toContain(`Đắk Lắk, ngày ${BLANK} tháng 6 năm 2024`);
    expect(doc.paragraphs.slice(0, 2)).toEqual(['UBND TỈNH ĐẮK LẮK', 'VĂN PHÒNG']);
  });

  it('sends it to the agencies and the districts (the data has a district level)', () => {
    const p = r.docs[0]!.paragraphs;
    const at = p.indexOf('Kính gửi:');
    expect(p.slice(at, at + 3)).toEqual(['Kính gửi:', '- Các sở, ban, ngành;', '- UBND các huyện, thị xã, thành phố.']);
    expectBoth(seed, r.docs[0]!, '- Các sở, ban, ngành; - UBND các huyện, thị xã, thành phố.');
  });

  it('signs as the seed, with the configured Nơi nhận', () => {
    const doc = r.docs[0]!;
    for (const s of ['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG', '- Như trên;', '- Lưu: VT, KSTTHC (B_01b).', '- TT CN & Cổng TTĐT tỉnh (để đăng tải);']) {
      expectBoth(seed, doc, s);
    }
    const p = doc.paragraphs;
    expect(p.indexOf('PHÓ CHÁNH VĂN PHÒNG')).toBe(p.indexOf('KT. CHÁNH VĂN PHÒNG') + 1);
  });

  it('appends one Phụ lục per level except the province, noted as the Công văn’s', () => {
    const p = r.docs[0]!.paragraphs;
    const note = `(Kèm theo Công văn số ${BLANK}/VPUBND-KSTTHC ngày ${BLANK} tháng 6 năm 2024 của Văn phòng UBND tỉnh)`;
    expect(p.filter((t) => t === note)).toHaveLength(3);
    expect(p).toContain('KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁC SỞ, BAN, NGÀNH');
    expect(p).toContain('KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI UBND CẤP HUYỆN');
    expect(p).toContain('KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI UBND CẤP XÃ');
    expect(p.filter((t) => /^Phụ lục (I|II|III)$/.test(t))).toEqual(['Phụ lục I', 'Phụ lục II', 'Phụ lục III']);
    expect(p).not.toContain('KẾT QUẢ ĐÁNH GIÁ CÁC TỈNH, THÀNH PHỐ');
  });

  it.runIf(xmllintAvailable())('is schema-valid', () => {
    expect(validateDocx(readFileSync(r.files[0]!))).toEqual([]);
  });
});

describe('letter low-score --date 2026-03-09 --bottom 7 --target 94 --since 2026-01-09 (seed 003)', () => {
  const seed = seedText('003');
  const FOOTNOTE_1 =
    'UBND xã Ea Ly đạt 89,69 điểm, UBND phường Sông Cầu đạt 89,55 điểm, UBND xã Xuân Cảnh đạt 89,23 điểm, UBND xã Dur Kmăl đạt 88,88 điểm, UBND xã Xuân Lộc đạt 87,12 điểm, UBND xã Vụ Bổn đạt 86,48 điểm, UBND xã Ea Drăng đạt 84,54 điểm.';
  const FOOTNOTE_2 = 'Chỉ tiêu theo Công văn số 821/UBND-PVHCC ngày 15/01/2026 của UBND tỉnh.';
  let r: Letter;
  beforeAll(async () => {
    r = await letter([
      'low-score', '--date', '2026-03-09', '--bottom', '7', '--target', '94', '--since', '2026-01-09', '--data', 'fixtures/daklak',
    ]);
  });

  it('writes one letter from the files of 09/3/2026 and 09/01/2026', () => {
    expect(r.files).toHaveLength(1);
    expect(r.files[0]).toMatch(/2026-03-09_cong-van-diem-thap\.docx$/);
    expect(r.result.stdout).toContain('diem-766-2026-03-09.xlsx');
    expect(r.result.stdout).toContain('diem-766-2026-01-09.xlsx');
  });

  it('addresses the seven communes, best score first, as the seed', () => {
    const doc = r.docs[0]!;
    const p = doc.paragraphs;
    const at = p.indexOf('Kính gửi:');
    expect(p.slice(at + 1, at + 3)).toEqual([
      '- Chủ tịch UBND các phường, xã: Ea Ly, Sông Cầu, Xuân Cảnh, Dur Kmăl, Xuân Lộc, Vụ Bổn, Ea Drăng;',
      '- Đồng kính gửi: Bí thư các phường, xã: Ea Ly, Sông Cầu, Xuân Cảnh, Dur Kmăl, Xuân Lộc, Vụ Bổn, Ea Drăng.',
    ]);
    for (const line of p.slice(at + 1, at + 3)) expect(seed).toContain(normalize(line));
  });

  it('writes the province, the communes and the target sentences word for word', () => {
    const doc = r.docs[0]!;
    for (const s of [
      'hiện đạt 93,79/100 điểm, xếp 21/34 tỉnh, thành phố, tăng 12 bậc so với ngày 09/01/2026.',
      'Theo số liệu công khai trên Cổng Dịch vụ công quốc gia tính đến ngày 09/3/2026, hiện có 07 địa phương có thứ hạng từ 96 đến 102 (điểm từ 84,54 đến 89,69)',
      'chất lượng phục vụ người dân, doanh nghiệp trong năm 2026, Chủ tịch UBND tỉnh yêu cầu các địa phương khẩn trương',
      'bảo đảm đến cuối tháng 3 năm 2026 điểm số Chỉ số phục vụ người dân, doanh nghiệp theo Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ đạt từ 94 điểm trở lên',
    ]) expectBoth(seed, doc, s);
  });

  it('puts the communes’ figures and the target’s source in real footnotes', () => {
    const doc = r.docs[0]!;
    expect(seed).toContain(normalize(FOOTNOTE_1));
    expect(seed).toContain(normalize(FOOTNOTE_2));
    expect(doc.footnotes).toEqual([FOOTNOTE_1, FOOTNOTE_2]);
    const { refs, notes } = footnoteIds(doc);
    expect(refs).toHaveLength(2);
    expect(refs).toEqual(notes);
    // The first reference closes "(điểm từ 84,54 đến 89,69)", the second "trở lên", as in the seed.
    expect(doc.text).toContain('(điểm từ 84,54 đến 89,69). Nhằm nâng cao');
    expect(doc.text).toContain('đạt từ 94 điểm trở lên.');
    expect(doc.docx.files.get('word/document.xml')).toContain('w:footnoteReference');
  });

  it('reproduces every paragraph of the seed’s content, the six tasks included', () => {
    const clean = seedWithoutFootnotes(
      seed,
      [
        ['(điểm từ 84,54 đến 89,69)1.', '(điểm từ 84,54 đến 89,69).'],
        ['trở lên2.', 'trở lên.'],
      ],
      [`1 ${FOOTNOTE_1}`, `2 ${FOOTNOTE_2}`],
    );
    const body = bodyParagraphs(r.docs[0]!);
    expect(body.filter((p) => /^[1-6]\. /.test(p))).toHaveLength(6);
    for (const p of body) expect(clean).toContain(normalize(p));
  });

  it('is issued by the provincial committee, V/v under Số, signed KT. CHỦ TỊCH', () => {
    const doc = r.docs[0]!;
    expect(doc.paragraphs.slice(0, 2)).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH ĐẮK LẮK']);
    const subject = expectSubjectUnderNumber(doc, `Số: ${BLANK}/UBND-PVHCC`);
    expect(subject).toEqual(['V/v tập trung cải thiện Chỉ số', 'phục vụ người dân, doanh nghiệp', 'đối với các địa phương có điểm thấp']);
    expect(seed).toContain(normalize(subject.join(' ')));
    expect(doc.paragraphs).toContain(`Đắk Lắk, ngày ${BLANK} tháng 3 năm 2026`);
    for (const s of ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Trương Công Thái', '- Thường trực Tỉnh ủy (b/c);', '- Lưu: VT, PVHCC (B_03b).']) {
      expectBoth(seed, doc, s);
    }
  });

  it.runIf(xmllintAvailable())('is schema-valid', () => {
    expect(validateDocx(readFileSync(r.files[0]!))).toEqual([]);
  });
});

describe('letter par-sipas --year 2021 (seed 004)', () => {
  const seed = seedText('004');
  const FIGURES =
    'Kết quả Chỉ số PAR Index năm 2021 của tỉnh Đắk Lắk đạt 86,52 điểm, xếp vị thứ 36/63 tỉnh, thành phố trực thuộc Trung ương, tăng 3,3 điểm, cải thiện 09 bậc so với năm 2020; Chỉ số SIPAS năm 2021 của tỉnh Đắk Lắk đạt 83,65%, xếp vị thứ 59/63 tỉnh, thành phố trực thuộc Trung ương, tăng 6,23%, cải thiện 03 bậc so với năm 2020;';
  const ANNOUNCED =
    'Ngày 25 tháng 5 năm 2022, Ban Chỉ đạo cải cách hành chính của Chính phủ đã tổ chức Hội nghị công bố kết quả Chỉ số hài lòng về sự phục vụ hành chính năm 2021 (Chỉ số SIPAS) và Chỉ số cải cách hành chính năm 2021 (Chỉ số PAR Index)';

  for (const ext of ['yaml', 'xlsx'] as const) {
    describe(`from the .${ext} fixture`, () => {
      let r: Letter;
      beforeAll(async () => {
        r = await letter(['par-sipas', '--year', '2021', '--input', `fixtures/par-sipas/par-sipas-2021.${ext}`]);
      });

      it('names the output by the announcement date and year', () => {
        expect(r.files[0]).toMatch(/2022-05-25_cong-van-par-sipas-nam-2021\.docx$/);
      });

      it('writes the announcement and the figures sentence word for word', () => {
        expectBoth(seed, r.docs[0]!, FIGURES);
        expectBoth(seed, r.docs[0]!, ANNOUNCED);
        expect(r.docs[0]!.paragraphs).toContain(FIGURES);
      });

      it('reproduces every paragraph of the seed’s content, the six tasks included', () => {
        const body = bodyParagraphs(r.docs[0]!);
        expect(body.filter((p) => /^[1-6]\. /.test(p))).toHaveLength(6);
        expect(body).toHaveLength(10);
        for (const p of body) expect(seed).toContain(normalize(p));
      });
    });
  }

  describe('header, Kính gửi and signature', () => {
    let r: Letter;
    beforeAll(async () => {
      r = await letter(['par-sipas', '--year', '2021', '--input', 'fixtures/par-sipas/par-sipas-2021.yaml']);
    });

    it('keeps the day blank in the month and year of the announcement; V/v under Số', () => {
      const doc = r.docs[0]!;
      expect(doc.paragraphs.slice(0, 2)).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH ĐẮK LẮK']);
      const subject = expectSubjectUnderNumber(doc, `Số: ${BLANK}/UBND-KSTTHC`);
      expect(subject.join(' ')).toBe('V/v triển khai nâng cao Chỉ số PAR Index, Chỉ số SIPAS năm 2022');
      expect(doc.paragraphs).toContain(`Đắk Lắk, ngày ${BLANK} tháng 5 năm 2022`);
    });

    it('sends it to the agencies and the districts, signed as the seed', () => {
      const doc = r.docs[0]!;
      const p = doc.paragraphs;
      const at = p.indexOf('Kính gửi:');
      expect(p.slice(at + 1, at + 3)).toEqual(['- Các sở, ban, ngành;', '- UBND các huyện, thị xã, thành phố.']);
      for (const s of ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Tuấn Hà', '- TT Tỉnh ủy, TT HĐND tỉnh (báo cáo);', '- Lưu: VT, KSTTHC (Hly05b).']) {
        expectBoth(seed, doc, s);
      }
      expect(doc.footnotes).toEqual([]);
    });

    it('fills number and date with --number and --issued', async () => {
      const n = await letter(['par-sipas', '--year', '2021', '--input', 'fixtures/par-sipas/par-sipas-2021.yaml', '--number', '7', '--issued', '2022-06-02']);
      expect(n.docs[0]!.paragraphs).toContain('Số: 07/UBND-KSTTHC');
      expect(n.docs[0]!.paragraphs).toContain('Đắk Lắk, ngày 02 tháng 6 năm 2022');
    });

    it.runIf(xmllintAvailable())('is schema-valid', () => {
      expect(validateDocx(readFileSync(r.files[0]!))).toEqual([]);
    });
  });
});

describe('number and date of the publish letter and its appendices', () => {
  it('fills them everywhere with --number and --issued', async () => {
    const r = await letter(['publish', '--month', '5', '--year', '2024', '--data', 'fixtures/daklak', '--number', '5', '--issued', '2024-06-05']);
    const p = r.docs[0]!.paragraphs;
    expect(p).toContain('Số: 05/VPUBND-KSTTHC');
    expect(p).toContain('Đắk Lắk, ngày 05 tháng 6 năm 2024');
    expect(p).toContain('(Kèm theo Công văn số 05/VPUBND-KSTTHC ngày 05 tháng 6 năm 2024 của Văn phòng UBND tỉnh)');
    expect(textOf(r.docs[0]!.docx.body)).not.toContain(`${BLANK}/VPUBND`);
  });
});
