import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import { loadConfig } from '../../src/config/load.js';
import { configSchema } from '../../src/config/schema.js';
import { DataError } from '../../src/core/errors.js';
import { tempDir } from '../helpers/cli.js';

describe('configuration', () => {
  it('the built-in default is valid and is the Đắk Lắk office', () => {
    expect(configSchema.parse(DEFAULT_CONFIG)).toEqual(DEFAULT_CONFIG);
    expect(loadConfig(undefined, tempDir())).toEqual({ config: DEFAULT_CONFIG, file: null });
  });

  it('a file in the working folder overrides key by key', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dakindex.config.json'), JSON.stringify({ province: { name: 'Gia Lai', place: 'Gia Lai' }, layout: { bodySize: 13 } }));
    const { config, file } = loadConfig(undefined, dir);
    expect(file).toBe(join(dir, 'dakindex.config.json'));
    expect(config.province.name).toBe('Gia Lai');
    expect(config.layout.bodySize).toBe(13);
    expect(config.layout.margins).toEqual(DEFAULT_CONFIG.layout.margins);
    expect(config.groups).toEqual(DEFAULT_CONFIG.groups);
  });

  it('reads YAML', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dakindex.config.yaml'), 'groups:\n  mdsh:\n    label: Số hóa hồ sơ\n    max: 20\n');
    expect(loadConfig(undefined, dir).config.groups.mdsh.max).toBe(20);
  });

  it('errors name the key and the expected value', () => {
    const dir = tempDir();
    const f = join(dir, 'c.json');
    writeFileSync(f, JSON.stringify({ layout: { margins: { left: 10 } }, bands: 'x', provnce: {} }));
    let err: unknown;
    try {
      loadConfig('c.json', dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    const msg = (err as Error).message;
    expect(msg).toContain(f);
    expect(msg).toContain('layout.margins.left: giá trị nhỏ nhất cho phép là 30');
    expect(msg).toContain('bands: cần kiểu array');
    expect(msg).toContain('khóa không được hỗ trợ: provnce');
  });

  it('refuses bands that do not go down', () => {
    const dir = tempDir();
    const bands = DEFAULT_CONFIG.bands.map((b) => ({ ...b }));
    bands[1]!.min = 95;
    writeFileSync(join(dir, 'dakindex.config.json'), JSON.stringify({ bands }));
    expect(() => loadConfig(undefined, dir)).toThrow(/bands\.1\.min: ngưỡng các loại phải giảm dần/);
  });

  it('signers and Nơi nhận per document kind: one key per kind written, the seeds’ signers by default', () => {
    expect(Object.keys(DEFAULT_CONFIG.documents)).toEqual(['weeklyReport', 'periodicReport', 'publish', 'lowScore', 'parSipas']);
    const d = DEFAULT_CONFIG.documents;
    expect([d.weeklyReport, d.periodicReport, d.lowScore, d.parSipas].map((k) => k.signer.name)).toEqual([
      'Cao Như Khánh',
      'Hoàng Trọng Hùng',
      'Trương Công Thái',
      'Nguyễn Tuấn Hà',
    ]);
    const dir = tempDir();
    writeFileSync(
      join(dir, 'dakindex.config.yaml'),
      [
        'documents:',
        '  weeklyReport:',
        '    signer: { title: [CHÁNH VĂN PHÒNG], name: Lê Văn Bình }',
        '    recipients:',
        '      - "CVP UBND tỉnh (đ/c {signer.short});"',
        '      - { text: "UBND các huyện, thị xã, thành phố;", level: huyen }',
        '      - "Lưu: VT."',
      ].join('\n'),
    );
    const { config } = loadConfig(undefined, dir);
    expect(config.documents.weeklyReport.signer).toEqual({ title: ['CHÁNH VĂN PHÒNG'], name: 'Lê Văn Bình' });
    expect(config.documents.weeklyReport.recipients[1]).toEqual({ text: 'UBND các huyện, thị xã, thành phố;', level: 'huyen' });
    expect(config.documents.periodicReport).toEqual(DEFAULT_CONFIG.documents.periodicReport);
  });

  it('refuses an unknown placeholder, an entry of no known form, a level other than so, huyen, xa, and names the old report key', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'c.json'),
      JSON.stringify({
        documents: {
          report: { symbol: 'BC' },
          parSipas: { recipients: ['A (Đ/c {signer.ten});', 7, { text: 'B;', level: 'tinh' }, { text: 'C;', level: 'xa', extra: 1 }] },
          lowScore: { signer: { title: ['KT. CHỦ TỊCH'] } },
        },
      }),
    );
    let msg = '';
    try {
      loadConfig('c.json', dir);
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toContain('documents.parSipas.recipients.0: chỗ điền không rõ "{signer.ten}": dùng {signer.name} (họ tên người ký) hoặc {signer.short}');
    const form = 'cần một dòng chữ, hoặc { "text": "...", "level": "so" | "huyen" | "xa" }';
    for (const i of [1, 2]) expect(msg).toContain(`documents.parSipas.recipients.${i}: ${form}`);
    expect(msg).toContain('documents.parSipas.recipients.3: khóa không được hỗ trợ: extra');
    expect(msg).toContain('khóa không được hỗ trợ: report (documents.report đã tách thành documents.weeklyReport');
    // A partial signer keeps the default's name: objects merge key by key.
    expect(msg).not.toContain('lowScore');
  });

  it('a missing --config file and a broken file are clear errors', () => {
    const dir = tempDir();
    expect(() => loadConfig('nope.json', dir)).toThrow(/Không tìm thấy tệp cấu hình/);
    writeFileSync(join(dir, 'bad.json'), '{ "a": ');
    expect(() => loadConfig('bad.json', dir)).toThrow(/không đọc được cấu hình/);
  });
});

describe('templates', () => {
  it('the markup parser reads headings, items, directives, bold, italic and footnotes', async () => {
    const { parseMarkup } = await import('../../src/core/documents/markup.js');
    const m = parseMarkup(
      ['@trich-yeu V/v một việc', '@kinh-gui A', '# 1. Mục', '## _a) Điểm:_', '- Có **10** ý^[Chú thích một.]', '+ Cộng B_02b', '// ghi chú', '', 'Đoạn.'].join('\n'),
    );
    expect(m.subject).toEqual(['V/v một việc']);
    expect(m.recipients).toEqual(['A']);
    expect(m.blocks.map((b) => b.type)).toEqual(['heading', 'subheading', 'dash', 'plus', 'paragraph']);
    expect(m.blocks[1]).toEqual({ type: 'subheading', runs: [{ text: 'a) Điểm:', italic: true }] });
    expect(m.blocks[2]).toEqual({ type: 'dash', runs: [{ text: 'Có ' }, { text: '10', bold: true }, { text: ' ý', footnote: 'Chú thích một.' }] });
    expect(m.blocks[3]).toEqual({ type: 'plus', runs: [{ text: 'Cộng B_02b' }] });
    expect(() => parseMarkup('@khac x')).toThrow(/@khac/);
    // Nơi nhận lives in the configuration with the signer it names, not in a template.
    expect(() => parseMarkup('@noi-nhan Như trên;')).toThrow(/documents\.<loại>\.recipients/);
    expect(() => parseMarkup('a **b')).toThrow(/\*\*/);
  });

  it('"@bieu-do" marks where the chart goes; without a chart the place is dropped', async () => {
    const { parseMarkup, placeChart } = await import('../../src/core/documents/markup.js');
    const m = parseMarkup(['- Câu.', '@bieu-do', 'Sau.'].join('\n'));
    expect(m.blocks.map((b) => b.type)).toEqual(['dash', 'chart-slot', 'paragraph']);
    const chart = { title: 'T', categories: ['A', 'B'], series: [] };
    expect(placeChart(m.blocks, chart).map((b) => b.type)).toEqual(['dash', 'chart', 'paragraph']);
    expect(placeChart(m.blocks, chart)[1]).toEqual({ type: 'chart', chart });
    expect(placeChart(m.blocks, null).map((b) => b.type)).toEqual(['dash', 'paragraph']);
    expect(() => parseMarkup('@bieu')).toThrow(/@bieu-do/);
  });
});
