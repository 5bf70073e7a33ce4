import type { Command } from 'commander';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { commentedConfigYaml } from '../../config/commented-yaml.js';
import { DEFAULT_CONFIG } from '../../config/default.js';
import { CONFIG_FILE_NAMES } from '../../config/load.js';
import { DataError } from '../../core/errors.js';
import { writeFileIfAbsent } from '../../io/output-file.js';
import { shippedPath } from '../../io/package-files.js';
import { exportTemplates } from '../../io/templates.js';
import type { CliIO } from '../context.js';
import { commandWord, pathsOf, platformOf, userPath } from '../user-path.js';
import { schtasksCommand, WINDOWS_LOG, WINDOWS_WRAPPER } from '../windows-task.js';

/**
 * `dakindex init [DIR]`: a working folder for the Đắk Lắk office (commented configuration, the
 * sample exports in data/, an editable copy of the templates). It never replaces a file: what
 * exists is kept and listed, so running it again only restores what was deleted, and exits 0.
 */

/** The sample files that ship with the package: the office's score exports and the PAR Index, SIPAS figures. */
const SAMPLES = [
  { dir: ['fixtures', 'daklak'], match: /\.xlsx$/ },
  { dir: ['fixtures', 'par-sipas'], match: /\.yaml$/ },
];

/** A weekly report the sample exports make, with the week before it to compare. */
const SAMPLE_REPORT = 'dakindex report --week 2 --month 11 --year 2025 --data data --templates templates';

export function registerInit(program: Command, io: CliIO): void {
  program
    .command('init')
    .description(
      'Tạo thư mục làm việc: tệp cấu hình có chú thích (dakindex.config.yaml), dữ liệu mẫu (data/), bản sao mẫu văn bản để sửa (templates/) và dakindex-tuan.cmd (báo cáo tuần theo lịch trên Windows). Không ghi đè: tệp đã có được giữ nguyên và liệt kê, chạy lại chỉ tạo lại tệp đã bị xóa (mã thoát 0)',
    )
    .argument('[thư_mục]', 'thư mục làm việc (mặc định thư mục hiện tại; tạo mới nếu chưa có)')
    .action((dirArg: string | undefined) => {
      const dir = userPath(io, dirArg ?? '.');
      if (existsSync(dir) && !statSync(dir).isDirectory()) throw new DataError(`${dir} là một tệp, không phải thư mục.`);
      const written: string[] = [];
      const kept: string[] = [];
      const notes: string[] = [];

      const existingConfig = CONFIG_FILE_NAMES.map((n) => join(dir, n)).find((f) => existsSync(f));
      if (existingConfig) kept.push(existingConfig);
      else (writeFileIfAbsent(join(dir, 'dakindex.config.yaml'), commentedConfigYaml(DEFAULT_CONFIG)) ? written : kept).push(join(dir, 'dakindex.config.yaml'));

      const data = join(dir, 'data');
      const samples = SAMPLES.flatMap((s) => {
        const from = shippedPath(...s.dir);
        return readdirSync(from)
          .filter((f) => s.match.test(f))
          .sort()
          .map((f) => ({ from: join(from, f), name: f }));
      });
      const foreign = existsSync(data) && statSync(data).isDirectory() ? readdirSync(data).filter((f) => !samples.some((s) => s.name === f)) : [];
      const withSamples = foreign.length === 0;
      if (withSamples) {
        for (const s of samples) (writeFileIfAbsent(join(data, s.name), readFileSync(s.from)) ? written : kept).push(join(data, s.name));
      } else {
        // Samples among the office's exports would be picked for real periods: none are added.
        kept.push(data);
        notes.push(`${rel(dir, data)}/ đã có tệp của cơ quan: không chép dữ liệu mẫu vào đó.`);
      }

      const templates = exportTemplates(undefined, join(dir, 'templates'));
      written.push(...templates.written);
      kept.push(...templates.kept);

      // The weekly report as a Windows scheduled task: the wrapper runs in its own folder, so it works wherever this one is.
      const wrapper = join(dir, WINDOWS_WRAPPER);
      (writeFileIfAbsent(wrapper, readFileSync(shippedPath('scripts', 'windows', WINDOWS_WRAPPER))) ? written : kept).push(wrapper);

      const lines: string[] = [];
      if (written.length) lines.push(`Đã tạo trong ${dir}:`, ...written.map((f) => `  ${rel(dir, f)}`));
      if (kept.length) {
        lines.push(written.length ? 'Đã có, giữ nguyên (không ghi đè):' : `Không tạo tệp nào trong ${dir}; đã có, giữ nguyên (không ghi đè):`);
        lines.push(...kept.map((f) => `  ${rel(dir, f)}`));
      }
      lines.push(...notes);
      if (platformOf(io) === 'win32') {
        const schtasks = schtasksCommand(wrapper);
        lines.push(
          '',
          'Báo cáo tuần tự động lúc 16:00 thứ Sáu (Task Scheduler), gõ trong cmd (Command Prompt):',
          'command' in schtasks ? `  ${schtasks.command}` : `  (${schtasks.problem}; xem README, "Trên máy Windows")`,
          `Nhật ký của mỗi lần chạy: ${WINDOWS_LOG}.`,
        );
      } else {
        lines.push('', `${WINDOWS_WRAPPER}: báo cáo tuần theo lịch trên máy Windows (README, "Trên máy Windows").`);
      }
      lines.push('', 'Mẫu văn bản trong templates/ được dùng khi chạy với --templates templates; cấu hình: sửa dakindex.config.yaml.');
      lines.push('Lệnh tiếp theo:');
      if (dir !== io.cwd) lines.push(`  cd ${commandWord(io, pathsOf(platformOf(io)).relative(io.cwd, dir) || '.')}`);
      lines.push(
        withSamples
          ? `  ${SAMPLE_REPORT}`
          : '  dakindex report --week TUẦN --month THÁNG --year NĂM --data data --templates templates   (thay TUẦN, THÁNG, NĂM bằng kỳ báo cáo)',
      );
      io.stdout(`${lines.join('\n')}\n`);
    });
}

function rel(dir: string, file: string): string {
  return relative(dir, file).split('\\').join('/') || '.';
}
