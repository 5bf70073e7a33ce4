/**
 * A newer export for a period gives its document another name (the data's date is in it): the
 * batch removes the copy it wrote under the old name, so one period has one document, and keeps a
 * copy that was edited since, saying so.
 */
import { copyFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dakindexProcess, tempDir } from '../helpers/cli.js';
import { weekFileName, writeWeekFile } from '../helpers/weekly-data.js';

const FEBRUARY = ['2025-01-31', '2025-02-07', '2025-02-14'];
const docs = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.docx')).sort();

describe('dakindex batch: a document whose data date changed', () => {
  it('replaces the old copy when unedited, and goes back when the newer export is withdrawn', async () => {
    const data = tempDir('dakindex-superseded-data-');
    const out = tempDir('dakindex-superseded-out-');
    for (const d of FEBRUARY) await writeWeekFile(data, d);
    const batch = ['batch', '--year', '2025', '--weeks', '--from', '2025-02-01', '--to', '2025-02-14', '--data', data, '--out', out];
    expect((await dakindexProcess(batch)).code).toBe(0);
    expect(docs(out)).toEqual(['2025-02-07_bao-cao-tuan-01-thang-02-2025.docx', '2025-02-14_bao-cao-tuan-02-thang-02-2025.docx']);

    // A later export of week 1 (Saturday 08/02): week 1 and week 2 (its comparison) are made again.
    copyFileSync(join(data, weekFileName('2025-02-07')), join(data, weekFileName('2025-02-08')));
    const newer = await dakindexProcess(batch);
    expect(newer.code, newer.stderr).toBe(0);
    expect(docs(out)).toEqual(['2025-02-08_bao-cao-tuan-01-thang-02-2025.docx', '2025-02-14_bao-cao-tuan-02-thang-02-2025.docx']);
    expect(newer.stderr + newer.stdout).toContain(`Đã xóa bản cũ của văn bản này (dữ liệu ngày khác): ${join(out, '2025-02-07_bao-cao-tuan-01-thang-02-2025.docx')}.`);

    // Withdrawn again, after someone edited the 08/02 copy: it is kept and named, the 07/02 one made again, exit 0.
    rmSync(join(data, weekFileName('2025-02-08')));
    writeFileSync(join(out, '2025-02-08_bao-cao-tuan-01-thang-02-2025.docx'), 'sửa tay');
    const back = await dakindexProcess(batch);
    expect(back.code, back.stderr).toBe(0);
    expect(docs(out)).toEqual([
      '2025-02-07_bao-cao-tuan-01-thang-02-2025.docx',
      '2025-02-08_bao-cao-tuan-01-thang-02-2025.docx',
      '2025-02-14_bao-cao-tuan-02-thang-02-2025.docx',
    ]);
    expect(back.stderr + back.stdout).toContain(
      `Bản cũ của văn bản này, ${join(out, '2025-02-08_bao-cao-tuan-01-thang-02-2025.docx')}, đã được sửa sau khi ghi nên vẫn giữ nguyên; xóa nếu không cần.`,
    );
  }, 60_000);
});
