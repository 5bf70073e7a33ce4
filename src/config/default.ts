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
};
