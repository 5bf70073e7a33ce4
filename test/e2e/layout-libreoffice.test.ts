/**
 * Issue 8's layout points as LibreOffice lays them out (the reviewer's PDF): "Không có dữ liệu" on
 * one line, symbols and listed names not broken, and no blank page after a signature block that
 * ends at the foot of a page.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/io/docx/render.js';
import { tempDir } from '../helpers/cli.js';
import { pdfPages, pdfText, pdfWords, toPdfs } from '../helpers/libreoffice.js';
import { generated } from '../docx/generated.js';
import { appendix, baoCaoModel, rankingTable } from '../docx/sample-model.js';

/** Page text with the non-breaking characters LibreOffice exports read as printed. */
const read = (t: string) => t.replace(/\u2011/g, '-').replace(/\u00A0/g, ' ').replace(/\u200B/g, '');
const pagesOf = (pdf: string) => Array.from({ length: pdfPages(pdf) }, (_, i) => read(pdfText(pdf, i + 1)));

/** Báo cáo samples whose bottom margin grows by 0.5 mm steps (1.4 pt), bringing the signature to the page foot. */
const VARIANTS = 14;
const bottomMargin = (k: number) => 26 + k * 0.5;
function nearBottomModel(k: number) {
  const base = baoCaoModel({ appendices: [appendix('I', 'X', false, rankingTable(3))] });
  const body = [...base.body];
  for (let i = 0; i < 24; i++) body.push({ type: 'paragraph' as const, runs: [{ text: `Dòng thêm ${i + 1}.` }] });
  return { ...base, body, layout: { ...base.layout, margins: { ...base.layout.margins, bottom: bottomMargin(k) } } };
}

let pdf: Record<string, string>;
let variants: string[];
beforeAll(async () => {
  const dir = tempDir('dakindex-layout-');
  const files: string[] = [];
  for (const kind of ['quarterly', 'low-score', 'publish']) {
    const f = join(dir, `${kind}.docx`);
    writeFileSync(f, (await generated(kind)).buffer);
    files.push(f);
  }
  for (let k = 0; k < VARIANTS; k++) {
    const f = join(dir, `near-bottom-${k}.docx`);
    writeFileSync(f, await renderDocx(nearBottomModel(k)));
    files.push(f);
  }
  const pdfs = toPdfs(files);
  pdf = { quarterly: pdfs[0]!, 'low-score': pdfs[1]!, publish: pdfs[2]! };
  variants = pdfs.slice(3);
}, 300_000);

describe('LibreOffice layout of issue 8', () => {
  it('prints "Không có dữ liệu" on one line of the Xếp loại column', () => {
    const page = pagesOf(pdf.quarterly!).find((t) => t.includes('Ban Quản lý các Khu công nghiệp'))!;
    expect(page).toMatch(/Không có dữ liệu/);
  });

  it('keeps the listed communes whole in the Kính gửi lines and the symbols whole in the body', () => {
    const lowScore = pagesOf(pdf['low-score']!)[0]!;
    for (const name of ['Ea Ly', 'Sông Cầu', 'Xuân Cảnh', 'Dur Kmăl', 'Xuân Lộc', 'Vụ Bổn', 'Ea Drăng']) {
      expect(lowScore.split('\n').filter((l) => l.includes(name)).length, name).toBeGreaterThanOrEqual(2);
    }
    expect(lowScore).toContain('766/QĐ-TTg');
    expect(pagesOf(pdf.publish!)[0]).toContain('1541/UBND-KSTTHC');
  });

  it('leaves no blank page when the signature block ends at the foot of a page', () => {
    let nearFoot = 0;
    variants.forEach((v, k) => {
      const pages = pagesOf(v);
      for (const [i, t] of pages.entries()) expect(t.replace(/[\s\d]/g, ''), `variant ${k}, page ${i + 1}`).not.toBe('');
      const signed = pages.findIndex((t) => t.includes('Cao Như Khánh'));
      expect(pages[signed + 1], `variant ${k}`).toMatch(/Phụ lục I/);
      const name = pdfWords(v, signed + 1).filter((w) => w.text === 'Khánh').at(-1)!;
      const footOfText = 841.89 - (bottomMargin(k) / 25.4) * 72;
      // Less room than a body line (1.2 × 14 pt + 6 pt) under the signed name.
      if (footOfText - name.yMax < 20) nearFoot++;
    });
    // At least one variant leaves no room for another line under the signature.
    expect(nearFoot).toBeGreaterThan(0);
  });
});
