/**
 * Windows paths on any machine: the file-name date, the data-folder scan and --data/--out/--input
 * resolution run here with path.win32 (what node:path is on Windows), on the paths an office has:
 * drive letters, backslashes, spaces, Vietnamese folder names, shares, quoted values.
 */
import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import type { CliIO } from '../../src/cli/context.js';
import { dataDirOf, outDirOf, type OutputOptions } from '../../src/cli/pipeline.js';
import { commandWord, userPath } from '../../src/cli/user-path.js';
import { dataFilePaths, parSipasFileOf } from '../../src/io/data-folder.js';
import { decideFileDate } from '../../src/io/readers/file-date.js';
import { filenameDate } from '../../src/io/table/dates.js';

const OFFICE = 'D:\\Văn phòng\\Báo cáo 766';
const WIN: CliIO = { cwd: OFFICE, platform: 'win32', env: {}, stdout: () => undefined, stderr: () => undefined };

describe('the date in a Windows file name', () => {
  it('is taken from the base name, whatever the folders are called', () => {
    expect(filenameDate(`${OFFICE}\\data\\diem-766-2025-11-14.xlsx`, win32)).toBe('2025-11-14');
    expect(filenameDate('C:\\Users\\Văn thư\\Downloads\\diem-766-2025-11-14 (1).xlsx', win32)).toBe('2025-11-14');
    expect(filenameDate('\\\\may-chu\\Chia sẻ\\Điểm 766\\export_2024_07_02.csv', win32)).toBe('2024-07-02');
    expect(filenameDate('D:/Dữ liệu/diem-766-2026-03-09.XLSX', win32)).toBe('2026-03-09');
  });

  it('a date in a folder name is not the file’s date', () => {
    expect(filenameDate('D:\\Số liệu 2025-11-01\\diem-766.xlsx', win32)).toBeNull();
    expect(filenameDate('D:\\Số liệu 2025-11-01\\diem-766-2025-11-14.xlsx', win32)).toBe('2025-11-14');
    // The same string read by POSIX rules is one name: the folder's date would count. Windows rules are needed.
    expect(filenameDate('D:\\Số liệu 2025-11-01\\diem-766.xlsx', posix)).toBe('2025-11-01');
  });

  it('decideFileDate: the title wins over the name, and the warning names the Windows path', () => {
    const file = `${OFFICE}\\data\\diem-766-2025-11-13.xlsx`;
    const titled = decideFileDate(file, [{ sheet: 'Tỉnh', title: { kind: 'one', date: '2025-11-14', row: 2, text: 'Số liệu tính đến ngày 14/11/2025' } }], win32);
    expect(titled).toMatchObject({ kind: 'dated', date: '2025-11-14', source: 'title' });
    expect(titled.kind === 'dated' && titled.warnings.map((w) => w.message)).toEqual([
      `${file}: ngày trong tiêu đề (14/11/2025) khác ngày trong tên tệp (13/11/2025); dùng ngày trong tiêu đề`,
    ]);
    expect(decideFileDate('D:\\2025-11-01\\diem.xlsx', [{ sheet: 'Tỉnh', title: { kind: 'none' } }], win32)).toEqual({ kind: 'undated' });
  });
});

describe('scanning a Windows data folder', () => {
  const dir = `${OFFICE}\\data`;

  it('lists the score files as Windows paths, without Excel’s lock files, hidden or other files', () => {
    const names = [
      'diem-766-2025-11-14.xlsx',
      '~$diem-766-2025-11-14.xlsx', // Excel has the file open
      'desktop.ini',
      'Thumbs.db',
      '.~lock.diem-766-2025-11-07.xlsx#', // LibreOffice's lock
      'DIEM-766-2025-11-07.XLSX',
      'Bảng điểm 2024_07_02.csv',
      'ghi chú.docx',
    ];
    const files = dataFilePaths(dir, names, win32);
    expect(files).toEqual([`${dir}\\Bảng điểm 2024_07_02.csv`, `${dir}\\DIEM-766-2025-11-07.XLSX`, `${dir}\\diem-766-2025-11-14.xlsx`]);
    expect(files.map((f) => filenameDate(f, win32))).toEqual(['2024-07-02', '2025-11-07', '2025-11-14']);
  });

  it('finds the PAR Index, SIPAS file in it', () => {
    expect(parSipasFileOf(dir, ['par-sipas-2021.yaml', 'par-sipas-2022.yaml', 'diem.xlsx'], 2022, win32)).toBe(`${dir}\\par-sipas-2022.yaml`);
    expect(() => parSipasFileOf(dir, ['PAR_SIPAS 2021.yaml', 'par-sipas-2022.yaml'], 2020, win32)).toThrow(
      `Có nhiều tệp số liệu PAR Index, SIPAS trong ${dir} (PAR_SIPAS 2021.yaml, par-sipas-2022.yaml); dùng --input TỆP.`,
    );
  });
});

describe('--data, --out, --input on Windows', () => {
  const out = (o: Partial<OutputOptions>) => outDirOf({ force: false, lockWait: 30, ...o }, DEFAULT_CONFIG, WIN);

  it('relative to the working folder, by default data\\ and out\\', () => {
    expect(dataDirOf({}, DEFAULT_CONFIG, WIN)).toBe(`${OFFICE}\\data`);
    expect(out({})).toBe(`${OFFICE}\\out`);
    expect(dataDirOf({ data: '..\\Dữ liệu' }, DEFAULT_CONFIG, WIN)).toBe('D:\\Văn phòng\\Dữ liệu');
    expect(out({ out: 'Báo cáo tuần' })).toBe(`${OFFICE}\\Báo cáo tuần`);
  });

  it('drive letters, slashes (as in the configuration’s defaults), shares', () => {
    expect(dataDirOf({ data: 'D:/Du lieu' }, DEFAULT_CONFIG, WIN)).toBe('D:\\Du lieu');
    expect(out({ out: 'E:\\Báo cáo\\2025\\' })).toBe('E:\\Báo cáo\\2025');
    expect(out({ out: '\\\\may-chu\\chia-se\\Báo cáo 766' })).toBe('\\\\may-chu\\chia-se\\Báo cáo 766');
    expect(dataDirOf({ data: '\\Dữ liệu' }, DEFAULT_CONFIG, WIN)).toBe('D:\\Dữ liệu');
    expect(dataDirOf({}, { ...DEFAULT_CONFIG, dataDir: 'D:/Du lieu/766' }, WIN)).toBe('D:\\Du lieu\\766');
  });

  it('a value kept in double quotes (cmd: set DAKINDEX_OUT="D:\\Báo cáo") is the path inside them', () => {
    expect(out({ out: '"D:\\Báo cáo 766\\out"' })).toBe('D:\\Báo cáo 766\\out');
    expect(userPath(WIN, ' "..\\Dữ liệu\\diem-766-2025-11-14.xlsx" ')).toBe('D:\\Văn phòng\\Dữ liệu\\diem-766-2025-11-14.xlsx');
    // On Linux a quote is a letter of a name like any other.
    expect(userPath({ cwd: '/srv/dakindex', platform: 'linux' }, '"out"')).toBe('/srv/dakindex/"out"');
  });

  it('commands printed for the user quote paths as cmd and PowerShell read them', () => {
    expect(commandWord(WIN, 'van-phong')).toBe('van-phong');
    expect(commandWord(WIN, 'D:\\bao-cao\\mau')).toBe('D:\\bao-cao\\mau');
    expect(commandWord(WIN, 'Văn phòng')).toBe('"Văn phòng"');
    expect(commandWord(WIN, 'D:\\Báo cáo 766')).toBe('"D:\\Báo cáo 766"');
    expect(commandWord({ platform: 'linux' }, "Văn phòng o'neil")).toBe("'Văn phòng o'\\''neil'");
  });
});
