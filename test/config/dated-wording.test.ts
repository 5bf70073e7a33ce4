/**
 * Legal bases and names by date (issue 8, point 2): the configuration's checks and the choice by a
 * document's date; and a configured 2025 plan reaching a report through the real CLI.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import { parseConfig } from '../../src/config/load.js';
import { basesOn, namesOn } from '../../src/core/documents/dated-wording.js';
import { DataError } from '../../src/core/errors.js';
import { dakindex, REPO, tempDir } from '../helpers/cli.js';
import { docxText } from '../helpers/seeds.js';

describe('legal bases and names by date', () => {
  it('takes a basis from its first date to its last, both included', () => {
    const on = (d: string) => basesOn(DEFAULT_CONFIG, d);
    expect(on('2024-02-26').report).toEqual([]);
    expect(on('2024-02-27').report).toEqual([expect.stringContaining('1541/UBND-KSTTHC')]);
    expect(on('2024-12-31').publish).toEqual([expect.stringContaining('1541/UBND-KSTTHC')]);
    expect(on('2025-01-01').report).toEqual([]);
    expect(on('2025-11-05').weeklyReport).toEqual([]);
    expect(on('2025-11-06').weeklyReport).toEqual([expect.stringContaining('07406/UBND-PVHCC')]);
    expect(on('2025-10-27').weeklyReportTasks).toEqual(['04972/UBND-PVHCC ngày 29/9/2025', '06172/UBND-PVHCC ngày 20/10/2025']);
    expect(on('2026-01-14').lowScoreTarget).toEqual([]);
    expect(on('2026-01-15').lowScoreTarget).toEqual(['Công văn số 821/UBND-PVHCC ngày 15/01/2026 của UBND tỉnh']);
  });

  it('names the body of the date: the Sở TT&TT until its merger, iGate until the province’s merger', () => {
    expect(namesOn(DEFAULT_CONFIG, '2025-02-28')).toEqual({ digitalAgency: 'Sở Thông tin và Truyền thông', tthcSystem: 'Hệ thống iGate' });
    expect(namesOn(DEFAULT_CONFIG, '2025-03-01')).toEqual({ digitalAgency: 'Sở Khoa học và Công nghệ', tthcSystem: 'Hệ thống iGate' });
    expect(namesOn(DEFAULT_CONFIG, '2025-07-01').tthcSystem).toBe('Hệ thống thông tin giải quyết TTHC của tỉnh');
  });

  it('stops on a date no configured name covers, naming the key', () => {
    const config = parseConfig({ names: { digitalAgency: [{ name: 'Sở Khoa học và Công nghệ', from: '2025-03-01' }] } }, 'c.json');
    expect(() => namesOn(config, '2024-06-04')).toThrow(DataError);
    expect(() => namesOn(config, '2024-06-04')).toThrow(/names\.digitalAgency không có tên dùng cho ngày 04\/6\/2024/);
  });

  it('refuses a basis cited before its own date, a reversed span and overlapping names', () => {
    const bad = {
      legalBases: [
        { text: 'Công văn số 1/UBND ngày 10/02/2025 của UBND tỉnh', from: '2025-01-01', in: ['report'] },
        { text: 'Kế hoạch', from: '2025-03-01', until: '2025-02-01', in: ['publish'] },
      ],
      names: { tthcSystem: [{ name: 'A', until: '2025-06-30' }, { name: 'B', from: '2025-06-30' }] },
    };
    let msg = '';
    try {
      parseConfig(bad, 'c.json');
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toContain('legalBases.0.from: văn bản ghi ngày 2025-02-10');
    expect(msg).toContain('legalBases.1.until: until (2025-02-01) trước from (2025-03-01)');
    expect(msg).toContain('names.tthcSystem.1: khoảng ngày trùng với names.tthcSystem.0');
    expect(() => parseConfig({ legalBases: [{ text: 'Kế hoạch', from: '2025-03-01', in: ['nowhere'] }] }, 'c.json')).toThrow(
      /legalBases\.0\.in\.0: cần một trong các giá trị "report", "weeklyReport"/,
    );
    expect(() => parseConfig({ legalBases: [{ text: 'Kế hoạch', from: '2025-02-30', in: ['report'] }] }, 'c.json')).toThrow(
      /legalBases\.0\.from: ngày không tồn tại/,
    );
  });

  it('cites a plan the office configures in the reports of its year (the CLI with a configuration file)', async () => {
    const dir = tempDir();
    const plan = 'Kế hoạch số 99/KH-UBND ngày 20/01/2026 của UBND tỉnh về cải cách TTHC trọng tâm năm 2026';
    writeFileSync(
      join(dir, 'dakindex.config.json'),
      JSON.stringify({ legalBases: [...DEFAULT_CONFIG.legalBases, { text: plan, from: '2026-01-20', until: '2026-12-31', in: ['report', 'publish'] }] }),
    );
    const out = join(dir, 'out');
    const r = await dakindex(['report', '--month', '2', '--year', '2026', '--data', join(REPO, 'fixtures/daklak'), '--out', out], dir);
    expect(r.code, r.stderr).toBe(0);
    const doc = docxText(readFileSync(join(out, readdirSync(out)[0]!)));
    expect(doc.text).toContain(`theo thời gian thực trên môi trường điện tử; ${plan}; Đồng thời,`);
  });
});
