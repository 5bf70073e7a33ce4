import type { Config } from './schema.js';

const officeIssuer = {
  parent: ['UBND TỈNH ĐẮK LẮK'],
  name: ['VĂN PHÒNG'],
  shortName: 'Văn phòng UBND tỉnh',
};
const committeeIssuer = {
  parent: [],
  name: ['ỦY BAN NHÂN DÂN', 'TỈNH ĐẮK LẮK'],
  shortName: 'UBND tỉnh',
};

/** The Đắk Lắk provincial office: what a first run uses without a configuration file. */
export const DEFAULT_CONFIG: Config = {
  province: { name: 'Đắk Lắk', place: 'Đắk Lắk' },
  groups: {
    ckmb: { label: 'Công khai, minh bạch', max: 18 },
    tdgq: { label: 'Tiến độ, kết quả giải quyết', max: 20 },
    dvctt: { label: 'Dịch vụ công trực tuyến', max: 12 },
    tttt: { label: 'Thanh toán trực tuyến', max: 10 },
    dvtt: { label: 'Cung cấp dịch vụ trực tuyến', max: 22 },
    mdhl: { label: 'Mức độ hài lòng', max: 18 },
    mdsh: { label: 'Số hóa hồ sơ', max: 22 },
  },
  bands: [
    { key: 'xuat-sac', label: 'Xuất sắc', min: 90 },
    { key: 'tot', label: 'Tốt', min: 80 },
    { key: 'kha', label: 'Khá', min: 70 },
    { key: 'trung-binh', label: 'Trung bình', min: 50 },
    { key: 'yeu', label: 'Yếu', min: 0 },
  ],
  layout: {
    margins: { top: 20, bottom: 20, left: 30, right: 15 },
    bodySize: 14,
  },
  input: { maxInflatedBytes: 200 * 1024 * 1024, maxRows: 200_000, maxErrors: 50 },
  comparison: { countChangeBands: ['xuat-sac'] },
  trend: { weeks: 4, months: 6, quarters: 4, years: 3 },
  dataDir: 'data',
  outDir: 'out',
  documents: {
    weeklyReport: {
      issuer: officeIssuer,
      symbol: 'BC-VPUBND',
      signer: { title: ['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'], name: 'Cao Như Khánh' },
      recipients: [
        'CT, PCT UBND tỉnh (báo cáo);',
        'CVP, PCVP UBND tỉnh (đ/c {signer.short});',
        'Các sở, ban, ngành;',
        { text: 'UBND các huyện, thị xã, thành phố;', level: 'huyen' },
        { text: 'UBND các xã, phường;', level: 'xa' },
        'Viễn thông Đắk Lắk;',
        'Các Phòng: TH, HCQT, NV, NGV;',
        'TT CN & Cổng TTĐT tỉnh (Để đăng tải);',
        'Lưu: VT, PVHCC (B_02b).',
      ],
    },
    periodicReport: {
      issuer: officeIssuer,
      symbol: 'BC-VPUBND',
      signer: { title: ['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'], name: 'Hoàng Trọng Hùng' },
      recipients: [
        'Như trên;',
        'Đ/c Nguyễn Tuấn Hà - PCT UBND tỉnh (B/c);',
        'CVP, PCVP UBND tỉnh (Đ/c {signer.short});',
        'Sở, ban, ngành;',
        { text: 'UBND các huyện, thị xã, thành phố;', level: 'huyen' },
        { text: 'UBND các xã, phường;', level: 'xa' },
        'Viễn thông Đắk Lắk;',
        'Các Phòng, TT: TH, HCTC, PVHCC;',
        'TT CN & Cổng TTĐT tỉnh (Để đăng tải);',
        'Lưu: VT, KSTTHC (B_02b).',
      ],
    },
    publish: {
      issuer: officeIssuer,
      symbol: 'VPUBND-KSTTHC',
      // Seed 000 shows no name under the title: left empty, so every run warns until it is set.
      signer: { title: ['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'], name: '' },
      recipients: [
        'Như trên;',
        'CT, PCT UBND tỉnh;',
        'CVP, các PCVP UBND tỉnh;',
        'Các Phòng, TT: TH, HCTC, PVHCC;',
        'TT CN & Cổng TTĐT tỉnh (để đăng tải);',
        'Lưu: VT, KSTTHC (B_01b).',
      ],
    },
    lowScore: {
      issuer: committeeIssuer,
      symbol: 'UBND-PVHCC',
      signer: { title: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Trương Công Thái' },
      recipients: [
        'Như trên;',
        'Thường trực Tỉnh ủy (b/c);',
        'Đảng ủy UBND tỉnh (b/c);',
        'CT, PCT UBND tỉnh (đ/c {signer.short});',
        'CVP, PCVP UBND tỉnh (đ/c Khánh);',
        'VNPT Đắk Lắk;',
        'Các phòng, TT thuộc VP UBND tỉnh;',
        'Lưu: VT, PVHCC (B_03b).',
      ],
    },
    parSipas: {
      issuer: committeeIssuer,
      symbol: 'UBND-KSTTHC',
      signer: { title: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Tuấn Hà' },
      recipients: [
        'Như trên;',
        'TT Tỉnh ủy, TT HĐND tỉnh (báo cáo);',
        'CT, PCT UBND tỉnh (Đ/c {signer.short});',
        'CVP, PCVP UBND tỉnh (Đ/c Thượng);',
        'Các Phòng, Trung tâm thuộc VP UBND tỉnh;',
        'Lưu: VT, KSTTHC (Hly05b).',
      ],
    },
  },
  // Only documents whose number and date are known. The yearly plans of 2025 and 2026 (the
  // successors of 1541/UBND-KSTTHC) are not: the office adds them here, each until 31 December.
  legalBases: [
    {
      text: 'Công văn số 1541/UBND-KSTTHC ngày 27/02/2024 của UBND tỉnh về việc triển khai các nhiệm vụ cải cách TTHC trọng tâm năm 2024',
      from: '2024-02-27',
      until: '2024-12-31',
      in: ['report', 'publish'],
    },
    {
      // Dated 06/11/2025 (the weekly report's Kiến nghị lists it), cited without its date in seed 001.
      text: 'chỉ đạo của Chủ tịch UBND tại khoản 6 Công văn số 07406/UBND-PVHCC về việc tập trung triển khai thực hiện các nhóm chỉ số thành phần, nhiệm vụ theo Quyết định số 766/QĐ-TTg',
      from: '2025-11-06',
      in: ['weeklyReport'],
    },
    { text: '04972/UBND-PVHCC ngày 29/9/2025', from: '2025-09-29', in: ['weeklyReportTasks'] },
    { text: '06172/UBND-PVHCC ngày 20/10/2025', from: '2025-10-20', in: ['weeklyReportTasks'] },
    { text: '06775/UBND-PVHCC ngày 28/10/2025', from: '2025-10-28', in: ['weeklyReportTasks'] },
    { text: '07406/UBND-PVHCC ngày 06/11/2025', from: '2025-11-06', in: ['weeklyReportTasks'] },
    {
      text: 'Công văn số 821/UBND-PVHCC ngày 15/01/2026 của UBND tỉnh',
      from: '2026-01-15',
      until: '2026-12-31',
      in: ['lowScoreTarget'],
    },
  ],
  names: {
    // The Sở Thông tin và Truyền thông was merged into the Sở Khoa học và Công nghệ on 01/3/2025.
    digitalAgency: [
      { name: 'Sở Thông tin và Truyền thông', until: '2025-02-28' },
      { name: 'Sở Khoa học và Công nghệ', from: '2025-03-01' },
    ],
    // The province's system for TTHC, named by its product (iGate) until the merged province's.
    tthcSystem: [
      { name: 'Hệ thống iGate', until: '2025-06-30' },
      { name: 'Hệ thống thông tin giải quyết TTHC của tỉnh', from: '2025-07-01' },
    ],
  },
};
