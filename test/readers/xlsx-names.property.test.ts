import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import { readXlsx } from '../../src/io/readers/xlsx.js';
import { namesWorkbook } from './xlsx-raw.js';

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
/** No tone, huyền, sắc, hỏi, ngã, nặng. */
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const CONSONANTS = ['b', 'c', 'ch', 'd', 'đ', 'g', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];

/** Every vowel, in both cases, with every tone (NFC). */
const TONED = VOWELS.flatMap((v) => [v, v.toUpperCase()]).flatMap((v) => TONES.map((t) => (v + t).normalize('NFC')));

const letter = fc.oneof(fc.constantFrom(...TONED), fc.constantFrom(...CONSONANTS, 'Đ', 'Nh', 'Th'));
const word = fc.array(letter, { minLength: 1, maxLength: 5 }).map((l) => l.join(''));
/** A name: words in NFC or NFD, with or without invisible characters slipped in. */
const name = fc
  .record({
    words: fc.array(word, { minLength: 1, maxLength: 5 }),
    form: fc.constantFrom('NFC', 'NFD'),
    invisible: fc.array(fc.record({ at: fc.nat(), ch: fc.constantFrom(...INVISIBLE) }), { maxLength: 3 }),
  })
  .map(({ words, form, invisible }) => {
    let s = words.join(' ').normalize(form as 'NFC' | 'NFD');
    for (const { at, ch } of invisible) {
      const i = at % (s.length + 1);
      s = s.slice(0, i) + ch + s.slice(i);
    }
    return s;
  });

/** Every toned letter, in NFC and NFD, with each invisible character: the names every workbook starts with. */
const ALL_LETTERS = [
  TONED.join(' '),
  TONED.join(' ').normalize('NFD'),
  ...INVISIBLE.map((ch) => `UBND xã Hò${ch}a ${TONED.slice(0, 24).join('')}`),
  `Đ đ ${INVISIBLE.join('')} ${TONED.join('').normalize('NFD')}`,
];

describe('Vietnamese names read back from workbooks of 100 to 20,000 rows (property)', () => {
  it('reads every name exactly as written, from shared strings and from inline strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 100, max: 20_000 }), fc.array(name, { minLength: 1, maxLength: 300 }), async (rows, sample) => {
        const names = Array.from({ length: rows }, (_, i) => (i < ALL_LETTERS.length ? ALL_LETTERS[i]! : sample[i % sample.length]!));
        for (const mode of ['shared', 'inline'] as const) {
          const [grid] = await readXlsx(namesWorkbook(names, mode), `${mode}.xlsx`, DEFAULT_CONFIG);
          const read = grid!.rows.map((r) => r.cells[0]);
          expect(read).toEqual(names);
        }
      }),
      { numRuns: 8, examples: [[20_000, ALL_LETTERS]] },
    );
  });
});
