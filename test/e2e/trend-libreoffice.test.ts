/**
 * The trend chart as LibreOffice prints it: the built CLI writes the quarterly report of four
 * quarters of data, LibreOffice converts it, and the PDF page of the "Diễn biến" passage holds the
 * drawn chart (its title, category labels, point labels with a decimal comma, axis titles and
 * legend, none of which is text of the document itself) between the passage's sentence and the
 * next paragraph; the trend appendix is on landscape pages.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dakindexProcess, tempDir } from '../helpers/cli.js';
import { pdfPages, pdfText, pdfWords, toPdf } from '../helpers/libreoffice.js';
import { FOUR_QUARTERS, writeExports } from '../helpers/trend-data.js';

const read = (t: string) => t.replace(/\u2011/g, '-').replace(/\u00A0/g, ' ').replace(/\u200B/g, '');

let pdf = '';
let pages: string[] = [];
beforeAll(async () => {
  const data = await writeExports(FOUR_QUARTERS);
  const out = tempDir('dakindex-trend-pdf-');
  const r = await dakindexProcess(['report', '--quarter', '3', '--year', '2026', '--data', data, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  pdf = toPdf(join(out, readdirSync(out).find((f) => f.endsWith('.docx'))!));
  pages = Array.from({ length: pdfPages(pdf) }, (_, i) => read(pdfText(pdf, i + 1)));
}, 300_000);

describe('the trend chart in LibreOffice\'s PDF', () => {
  it('is drawn on the page of the passage, with its own text: title, categories, labels, axes, legend', () => {
    const at = pages.findIndex((t) => t.includes('Diễn biến điểm số, thứ hạng của tỉnh Đắk Lắk'));
    expect(at).toBeGreaterThan(-1);
    const page = pages[at]!;
    expect(page).toContain('Điểm số, thứ hạng của tỉnh Đắk Lắk');
    for (const category of ['Quý IV/2025', 'Quý I/2026', 'Quý II/2026', 'Quý III/2026']) expect(page).toContain(category);
    // Point labels as the chart prints them: two decimals, decimal comma (86,90 is in no sentence).
    expect(page).toMatch(/86,90/);
    expect(page).toMatch(/87,65/);
    expect(page).toMatch(/Thứ hạng \(1 là cao nhất\)|\(1 là cao nhất\)/);
    expect(page).toMatch(/Điểm số\s+Thứ hạng/);
    // None of that is in the document's own text: without the chart the page would not have it.
    expect(pages.filter((t) => t.includes('Quý IV/2025'))).toHaveLength(1);
  });

  it('stands between the passage\'s sentence and the next paragraph, inside the page', () => {
    const page = pages.findIndex((t) => t.includes('Diễn biến điểm số, thứ hạng')) + 1;
    const words = pdfWords(pdf, page);
    const y = (word: string) => {
      const w = words.find((x) => x.text === word);
      expect(w, word).toBeDefined();
      return w!.yMax;
    };
    const sentence = y('16/34.');
    const categories = y('IV/2025');
    const legend = words.filter((w) => w.text === 'Thứ').map((w) => w.yMax).at(-1)!;
    const next = y('Kèm');
    expect(categories).toBeGreaterThan(sentence + 100);
    expect(legend).toBeGreaterThan(categories);
    expect(next).toBeGreaterThan(legend);
    const height = Number(/Page\s+\d+\s+size:\s+[\d.]+\s+x\s+([\d.]+)/.exec(execFileSync('pdfinfo', ['-f', String(page), '-l', String(page), pdf], { encoding: 'utf8' }))![1]);
    expect(legend).toBeLessThan(height);
  });

  it('lays the trend appendix on landscape pages, its header row repeated', () => {
    const first = pages.findIndex((t) => /^\s*Phụ lục III\s*$/m.test(t));
    expect(first).toBeGreaterThan(0);
    expect(pages[first]).toContain('DIỄN BIẾN ĐIỂM SỐ CỦA CÁC ĐƠN VỊ');
    const info = execFileSync('pdfinfo', ['-f', String(first + 1), '-l', String(first + 2), pdf], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(sizes).toHaveLength(2);
    for (const [w, h] of sizes) expect(w!).toBeGreaterThan(h!);
    expect(pages[first + 1]).toMatch(/STT\s+Tên đơn vị/);
  });
});
