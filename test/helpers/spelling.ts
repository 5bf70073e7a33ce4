import { normalize, seedText } from './seeds.js';

/**
 * The terms a document spells one way throughout (issue 8, point 4), each with the one spelling the
 * default templates use. `find` matches every spelling of the term, whatever its case.
 */
export const TERMS: { term: string; find: RegExp; spelling: string }[] = [
  // The official name (Nghị định 42/2022/NĐ-CP; documents.md): "quốc gia" in lower case.
  { term: 'Cổng Dịch vụ công quốc gia', find: /cổng dịch vụ công quốc gia/giu, spelling: 'Cổng Dịch vụ công quốc gia' },
  // "mục" inside a sentence (after a word), as "điểm", "khoản".
  { term: 'mục', find: /(?<=[\p{L}\d,] )mục(?= )/giu, spelling: 'mục' },
  // The index of QĐ 766, named in the decision's title "Bộ chỉ số chỉ đạo, điều hành ...".
  { term: 'Bộ chỉ số', find: /bộ chỉ số/giu, spelling: 'Bộ chỉ số' },
];

/** The spellings of each term a text uses, by term; a term it does not use is left out. */
export function spellingsOf(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const t = text.normalize('NFC');
  for (const { term, find } of TERMS) {
    const found = [...new Set([...t.matchAll(find)].map((m) => m[0]))];
    if (found.length) out[term] = found.sort();
  }
  return out;
}

/**
 * Where the default templates depart from a seed on purpose: [seed's form, ours], normalised. Point 4
 * of issue 8 (one spelling per term, the appendices named), point 3 (the criteria in the order of
 * the appendix columns) and point 2 (the districts as the Kính gửi of seed 000 names them).
 */
export const DELIBERATE: Record<string, [seed: string, ours: string][]> = {
  '000': [
    ['Bộ Chỉ số', 'Bộ chỉ số'],
    ['Mục “Kết quả', 'mục “Kết quả'],
    ['(Chi tiết có Phụ lục kèm theo)', '(Chi tiết tại Phụ lục I, II và III kèm theo).'],
  ],
  '001': [
    ['Bộ Chỉ số', 'Bộ chỉ số'],
    [
      '+ Số hóa hồ sơ: 22 điểm. + Cung cấp dịch vụ trực tuyến: 22 điểm. + Mức độ hài lòng: 18 điểm.',
      '+ Cung cấp dịch vụ trực tuyến: 22 điểm. + Mức độ hài lòng: 18 điểm. + Số hóa hồ sơ: 22 điểm.',
    ],
  ],
  '002': [
    ['Bộ Chỉ số', 'Bộ chỉ số'],
    ['Cổng Dịch vụ công Quốc gia', 'Cổng Dịch vụ công quốc gia'],
    ['tại Mục “Kết quả', 'tại mục “Kết quả'],
    ['điểm đ Mục 1 Chỉ thị', 'điểm đ mục 1 Chỉ thị'],
    ['Đề nghị các sở, ban, ngành, UBND huyện, thị xã, thành phố công khai', 'Đề nghị các sở, ban, ngành, UBND các huyện, thị xã, thành phố công khai'],
    [
      '+ Số hóa hồ sơ: 22/100 điểm. + Cung cấp dịch vụ trực tuyến: 22/100 điểm. + Mức độ hài lòng: 18/100 điểm.',
      '+ Cung cấp dịch vụ trực tuyến: 22/100 điểm. + Mức độ hài lòng: 18/100 điểm. + Số hóa hồ sơ: 22/100 điểm.',
    ],
  ],
};

/**
 * A seed's text with the deliberate departures applied: what the default templates write. Each
 * seed form must be in the seed, so a change listed here cannot silently stop applying.
 */
export function seedAsWritten(number: string): string {
  let text = seedText(number);
  for (const [seed, ours] of DELIBERATE[number] ?? []) {
    const s = normalize(seed);
    if (!text.includes(s)) throw new Error(`seed ${number} no longer contains "${s}"`);
    text = text.split(s).join(normalize(ours));
  }
  return text;
}
