import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dakindex, tempDir } from '../helpers/cli.js';
import { all, ancestor, kid, num, openDocx, paragraphProps, paragraphWithText, runProps, sections, type Docx } from '../helpers/docx-xml.js';
import { validateDocx } from '../helpers/ooxml-validate.js';

/** Layout of the real weekly report, read from its XML (shared/spec/nd30.md). */
describe('weekly report layout', () => {
  let buffer: Buffer;
  let d: Docx;
  beforeAll(async () => {
    const out = tempDir();
    const r = await dakindex(['report', '--week', '2', '--month', '11', '--year', '2025', '--data', 'fixtures/daklak', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    buffer = readFileSync(join(out, readdirSync(out)[0]!));
    d = openDocx(buffer);
  });

  it('is schema-valid and keeps Word’s table rules', () => {
    expect(validateDocx(buffer)).toEqual([]);
  });

  it('has an A4 portrait main section with the default margins and a numbered header from page 2', () => {
    const [main] = sections(d.body);
    const pgSz = kid(main!, 'w:pgSz')!;
    expect([num(pgSz, 'w:w'), num(pgSz, 'w:h')]).toEqual([11906, 16838]);
    const m = kid(main!, 'w:pgMar')!;
    expect([num(m, 'w:top'), num(m, 'w:bottom'), num(m, 'w:left'), num(m, 'w:right')]).toEqual([1134, 1134, 1701, 850]);
    expect(kid(main!, 'w:titlePg')).toBeDefined();
  });

  it('gives each level its own landscape appendix section, numbered from 1', () => {
    const s = sections(d.body);
    expect(s).toHaveLength(3);
    for (const appendix of s.slice(1)) {
      expect(num(kid(appendix, 'w:pgNumType'), 'w:start')).toBe(1);
      const pgSz = kid(appendix, 'w:pgSz')!;
      expect(num(pgSz, 'w:w')).toBe(16838);
      expect(pgSz.attrs['w:orient']).toBe('landscape');
    }
  });

  it('sets the header components as Nghị định 30 says', () => {
    const styles = d.styles;
    const qh = paragraphWithText(d.body, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const qhRun = all(qh, 'w:r')[0]!;
    expect(runProps(styles, qhRun).bold).toBe(true);
    expect([24, 26]).toContain(runProps(styles, qhRun).size);
    const date = paragraphWithText(d.body, /^Đắk Lắk, ngày/);
    expect(runProps(styles, all(date, 'w:r')[0]!).italic).toBe(true);
    const number = paragraphWithText(d.body, /^Số: /);
    expect(ancestor(number, 'w:tr')).toBe(ancestor(date, 'w:tr'));
    expect(runProps(styles, all(number, 'w:r')[0]!).size).toBe(26);
    const title = paragraphWithText(d.body, 'BÁO CÁO');
    expect(paragraphProps(styles, title).align).toBe('center');
    expect(runProps(styles, all(title, 'w:r')[0]!).bold).toBe(true);
  });

  it('sets the body justified, 14 pt, indented, with space between paragraphs', () => {
    const p = paragraphWithText(d.body, /^- Có 10\/14 cơ quan xếp loại: Xuất sắc\.$/);
    const props = paragraphProps(d.styles, p);
    expect(props.align).toBe('both');
    expect(props.firstLine).toBeGreaterThanOrEqual(567);
    expect(props.before).toBeGreaterThanOrEqual(120);
    expect(runProps(d.styles, all(p, 'w:r')[0]!).size).toBe(28);
    const heading = paragraphWithText(d.body, /^1\. Về cách tính điểm/);
    expect(runProps(d.styles, all(heading, 'w:r')[0]!).bold).toBe(true);
  });

  it('repeats the appendix header row and right-aligns the figures', () => {
    const tables = all(d.body, 'w:tbl').filter((t) => all(t, 'w:tblHeader').length > 0);
    expect(tables).toHaveLength(2);
    const communes = tables[1]!;
    const rows = all(communes, 'w:tr');
    expect(rows).toHaveLength(103);
    const firstData = all(rows[1]!, 'w:tc');
    const totalCell = firstData.find((c) => /^\d+,\d{1,2}$/.test(all(c, 'w:t').map((t) => t.children.join('')).join('')))!;
    expect(paragraphProps(d.styles, all(totalCell, 'w:p')[0]!).align).toBe('right');
  });
});
