/**
 * Sample document models for the docx writer's tests: a Báo cáo like seed 001 (weekly report with
 * two appendices, one landscape) and a Công văn like seed 003 (low-score letter).
 */
import type { Appendix, DocumentModel, Table } from '../../src/core/documents/model.js';

const GROUPS = [
  'Công khai, minh bạch (18)',
  'Tiến độ, kết quả giải quyết (20)',
  'Số hóa hồ sơ (22)',
  'Cung cấp dịch vụ trực tuyến (22)',
  'Mức độ hài lòng (18)',
];

function score(i: number, max: number): string {
  return ((max * (97 - ((i * 7) % 23))) / 100).toFixed(2).replace('.', ',');
}

/** A ranking table like the seeds' appendices: STT, name, group scores, total, band, rank. */
export function rankingTable(rows: number, options: { change?: boolean } = {}): Table {
  const columns: Table['columns'] = [
    { header: 'STT', width: 5, align: 'center' },
    { header: 'Tên cơ quan, đơn vị', width: 28, align: 'left' },
    ...GROUPS.map((header) => ({ header, width: 10, align: 'right' as const })),
    { header: 'Tổng điểm (100)', width: 9, align: 'right' },
    { header: 'Xếp loại', width: 10, align: 'center' },
    { header: 'Xếp hạng', width: 7, align: 'center' },
  ];
  if (options.change) columns.push({ header: 'So với kỳ trước', width: 8, align: 'right' });
  const maxes = [18, 20, 22, 22, 18];
  const data: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const scores = maxes.map((m) => score(i, m));
    const total = scores.reduce((a, s) => a + Number(s.replace(',', '.')), 0);
    const row = [
      String(i + 1),
      i % 3 === 0 ? `UBND xã Ea Ly & Sông Cầu số ${i + 1}` : `Sở Khoa học và Công nghệ ${i + 1}`,
      ...scores,
      total.toFixed(2).replace('.', ','),
      total >= 90 ? 'Xuất sắc' : total >= 80 ? 'Tốt' : 'Khá',
      String(i + 1),
    ];
    if (options.change) row.push(i % 2 === 0 ? '+0,27' : '-1,05');
    data.push(row);
  }
  return { columns, rows: data };
}

export function appendix(number: string, title: string, landscape: boolean, table: Table): Appendix {
  return {
    number,
    title,
    note: '(Kèm theo Báo cáo số      /BC-VPUBND ngày      tháng 11 năm 2025 của Văn phòng UBND tỉnh)',
    landscape,
    tables: [{ table }],
  };
}

export const FOOTNOTE_001 = 'Số liệu công khai trên Cổng Dịch vụ công quốc gia tại thời điểm đánh giá.';
export const FOOTNOTE_003 =
  'UBND xã Ea Ly đạt 89,69 điểm, UBND phường Sông Cầu đạt 89,55 điểm, UBND xã Xuân Cảnh đạt 89,23 điểm.';

/** Seed 001: BÁO CÁO tuần 02 tháng 11/2025 of the Văn phòng UBND tỉnh. */
export function baoCaoModel(overrides: Partial<DocumentModel> = {}): DocumentModel {
  return {
    kind: 'bao-cao',
    layout: { margins: { top: 20, bottom: 20, left: 30, right: 15 }, bodySize: 14 },
    header: {
      parent: ['UBND TỈNH ĐẮK LẮK'],
      issuer: ['VĂN PHÒNG'],
      number: 'Số:      /BC-VPUBND',
      placeDate: 'Đắk Lắk, ngày      tháng 11 năm 2025',
    },
    title: {
      name: 'BÁO CÁO',
      summary: [
        'Kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp',
        'trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực',
        'trên môi trường điện tử tỉnh Đắk Lắk tuần 02 tháng 11/2025',
      ],
    },
    body: [
      {
        type: 'paragraph',
        runs: [
          {
            text: 'Thực hiện chỉ đạo của Chủ tịch UBND tại khoản 6 Công văn số 07406/UBND-PVHCC về việc tập trung triển khai thực hiện các nhóm chỉ số thành phần, nhiệm vụ theo Quyết định số 766/QĐ-TTg, Văn phòng UBND tỉnh báo cáo kết quả xếp loại, đánh giá chất lượng phục vụ người dân, doanh nghiệp trong tuần 02 tháng 11/2025 (tính đến ngày 14/11/2025)',
            footnote: FOOTNOTE_001,
          },
          { text: ', với các nội dung cụ thể như sau:' },
        ],
      },
      { type: 'heading', runs: [{ text: '1. Về cách tính điểm đạt được của từng cơ quan, đơn vị, địa phương và cách xếp loại cụ thể như sau' }] },
      {
        type: 'dash',
        runs: [{ text: 'Theo Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ thì tổng điểm đánh giá, xếp loại là 100 điểm, bao gồm 05 tiêu chí là:' }],
      },
      { type: 'plus', runs: [{ text: 'Công khai, minh bạch: 18 điểm.' }] },
      { type: 'plus', runs: [{ text: 'Tiến độ, kết quả giải quyết: 20 điểm.' }] },
      { type: 'heading', runs: [{ text: '3. Kết quả đánh giá, xếp loại trên địa bàn tỉnh Đắk Lắk' }] },
      {
        type: 'subheading',
        runs: [
          { text: 'a) Kết quả đánh giá về thực hiện cải cách TTHC của tỉnh Đắk Lắk: ' },
          { text: 'đạt 88,72 điểm', bold: true },
          { text: ' (tăng 0,27 điểm so với tuần 01 tháng 11), xếp hạng 16/34 tỉnh, thành phố.' },
        ],
      },
      { type: 'subheading', runs: [{ text: 'b) Các sở, ban, ngành:', italic: true }] },
      { type: 'dash', runs: [{ text: 'Có 10/14 cơ quan xếp loại: Xuất sắc.' }] },
      {
        type: 'paragraph',
        runs: [{ text: 'Kèm theo các Phụ lục đánh giá, xếp loại và mức điểm cụ thể đối với các sở, ban, ngành (Phụ lục I) và đối với UBND cấp xã (Phụ lục II).' }],
      },
      { type: 'paragraph', runs: [{ text: 'TT CN & Cổng TTĐT tỉnh đăng tải Báo cáo này./.' }] },
    ],
    signature: {
      recipients: [
        'CT, PCT UBND tỉnh (báo cáo);',
        'CVP, PCVP UBND tỉnh (đ/c Khánh);',
        'Các sở, ban, ngành;',
        'UBND các xã, phường;',
        'TT CN & Cổng TTĐT tỉnh (Để đăng tải);',
        'Lưu: VT, PVHCC (B_02b).',
      ],
      title: ['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'],
      name: 'Cao Như Khánh',
    },
    appendices: [
      appendix('I', 'KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁC SỞ, BAN, NGÀNH', false, {
        columns: [
          { header: 'STT', width: 6, align: 'center' },
          { header: 'Tên cơ quan, đơn vị', width: 40, align: 'left' },
          { header: 'Tổng điểm (100)', width: 14, align: 'right' },
          { header: 'Xếp loại', width: 14, align: 'center' },
          { header: 'Xếp hạng', width: 10, align: 'center' },
        ],
        rows: [
          ['1', 'Sở Khoa học và Công nghệ', '97,50', 'Xuất sắc', '1'],
          ['2', 'Sở Tư pháp', '95,12', 'Xuất sắc', '2'],
          ['3', 'Sở Nội vụ', '71,04', 'Khá'],
        ],
      }),
      appendix('II', 'KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI UBND CẤP XÃ', true, rankingTable(12, { change: true })),
    ],
    ...overrides,
  };
}

/** Seed 003: Công văn of the UBND tỉnh to the low-scoring communes. */
export function congVanModel(overrides: Partial<DocumentModel> = {}): DocumentModel {
  return {
    kind: 'cong-van',
    layout: { margins: { top: 20, bottom: 20, left: 30, right: 15 }, bodySize: 14 },
    header: {
      parent: [],
      issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH ĐẮK LẮK'],
      number: 'Số:      /UBND-PVHCC',
      subject: [
        'V/v tập trung cải thiện Chỉ số',
        'phục vụ người dân, doanh nghiệp',
        'đối với các địa phương có điểm thấp',
      ],
      placeDate: 'Đắk Lắk, ngày      tháng 3 năm 2026',
    },
    recipients: [
      'Chủ tịch UBND các phường, xã: Ea Ly, Sông Cầu, Xuân Cảnh, Dur Kmăl, Xuân Lộc, Vụ Bổn, Ea Drăng;',
      'Đồng kính gửi: Bí thư các phường, xã: Ea Ly, Sông Cầu, Xuân Cảnh, Dur Kmăl, Xuân Lộc, Vụ Bổn, Ea Drăng.',
    ],
    body: [
      {
        type: 'paragraph',
        runs: [
          {
            text: 'Theo số liệu công khai trên Cổng Dịch vụ công quốc gia tính đến ngày 09/3/2026, hiện có 07 địa phương có thứ hạng từ 96 đến 102 (điểm từ 84,54 đến 89,69)',
            footnote: FOOTNOTE_003,
          },
          { text: '. Nhằm nâng cao hiệu quả cải cách, kiểm soát TTHC và chất lượng phục vụ người dân, doanh nghiệp trong năm 2026, Chủ tịch UBND tỉnh yêu cầu các địa phương khẩn trương tập trung thực hiện các nội dung sau:' },
        ],
      },
      {
        type: 'paragraph',
        runs: [{ text: '1. Khẩn trương rà soát những nội dung bị mất điểm so với điểm quy định, các nội dung mà người dân, doanh nghiệp đánh giá chưa tích cực.' }],
      },
      {
        type: 'paragraph',
        runs: [
          { text: '2. Bảo đảm đến cuối tháng 3 năm 2026 điểm số Chỉ số phục vụ người dân, doanh nghiệp đạt từ 94 điểm trở lên' },
          { text: '', footnote: 'Chỉ tiêu theo Công văn số 821/UBND-PVHCC ngày 15/01/2026 của UBND tỉnh.' },
          { text: './.' },
        ],
      },
    ],
    signature: {
      recipients: ['Như trên;', 'Thường trực Tỉnh ủy (b/c);', 'VNPT Đắk Lắk;', 'Lưu: VT, PVHCC (B_03b).'],
      title: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
      name: 'Trương Công Thái',
    },
    appendices: [],
    ...overrides,
  };
}
