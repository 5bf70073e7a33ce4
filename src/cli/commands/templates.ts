import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { DataError, UsageError } from '../../core/errors.js';
import {
  defaultTemplatesDir,
  exportTemplates,
  templateDescription,
  templateEntries,
  templateErrors,
  type TemplateEntry,
} from '../../io/templates.js';
import type { CliIO } from '../context.js';
import { commandWord, pathsOf, platformOf, userPath } from '../user-path.js';

/**
 * `dakindex templates list | show NAME | export DIR`: the templates a run uses (the office's
 * folder from --templates first, then the defaults), each checked by Handlebars.
 */

const TEMPLATES_OPTION = ['--templates <THƯ_MỤC>', 'thư mục mẫu văn bản của cơ quan (mẫu không có ở đó lấy từ mẫu mặc định)'] as const;

export function registerTemplates(program: Command, io: CliIO): void {
  const templates = program
    .command('templates')
    .description('Xem, kiểm tra và chép các mẫu văn bản (Handlebars): list, show TÊN, export THƯ_MỤC');

  templates
    .command('list')
    .description('Liệt kê các mẫu văn bản và đoạn dùng chung, mỗi mẫu một dòng mô tả; báo mẫu có lỗi cú pháp')
    .option(...TEMPLATES_OPTION)
    .action(async (opts: { templates?: string }) => {
      const entries = templateEntries(userDir(opts, io));
      const errors = await templateErrors(entries);
      const width = Math.max(...entries.map((t) => shortName(t).length)) + 2;
      const line = (t: TemplateEntry) => {
        const text = readFileSync(t.file, 'utf8');
        const what = templateDescription(text)?.split(/\.(?:\s|$)/)[0] ?? '(không có dòng mô tả ở đầu tệp)';
        const marks = [t.own ? 'của cơ quan' : '', errors.has(t.name) ? 'LỖI' : ''].filter(Boolean);
        return `  ${shortName(t).padEnd(width)}${what}${marks.length ? ` [${marks.join(', ')}]` : ''}`;
      };
      const lines = [
        `Mẫu văn bản (mặc định: ${defaultTemplatesDir()}${opts.templates ? `; của cơ quan: ${userDir(opts, io)}` : ''}):`,
        ...entries.filter((t) => !t.partial).map(line),
        'Đoạn dùng chung (partials/, gọi trong mẫu bằng {{> TÊN}}):',
        ...entries.filter((t) => t.partial).map(line),
        'Xem một mẫu: dakindex templates show TÊN; chép để sửa: dakindex templates export THƯ_MỤC.',
      ];
      io.stdout(`${lines.join('\n')}\n`);
      if (errors.size) throw new DataError([...errors.values()].map((e) => e.message).join('\n'));
    });

  templates
    .command('show')
    .description('In nội dung một mẫu (tên như trong "templates list", ví dụ bao-cao-tuan hoặc partials/ket-qua) và kiểm tra cú pháp')
    .argument('<tên>', 'tên mẫu')
    .option(...TEMPLATES_OPTION)
    .action(async (name: string, opts: { templates?: string }) => {
      const entries = templateEntries(userDir(opts, io));
      const entry = findEntry(entries, name);
      io.stderr(`(${entry.file}${entry.own ? ', của cơ quan' : ''})\n`);
      io.stdout(readFileSync(entry.file, 'utf8'));
      const error = (await templateErrors([entry])).get(entry.name);
      if (error) throw error;
    });

  templates
    .command('export')
    .description('Chép mọi mẫu và đoạn dùng chung vào THƯ_MỤC để cơ quan sửa; không ghi đè tệp đã có')
    .argument('<thư_mục>', 'thư mục nhận các mẫu (tạo mới nếu chưa có)')
    .option(...TEMPLATES_OPTION)
    .action((destArg: string, opts: { templates?: string }) => {
      const dest = userPath(io, destArg);
      const { written, kept } = exportTemplates(userDir(opts, io), dest);
      const rel = (f: string) => relative(dest, f).split('\\').join('/');
      const lines: string[] = [];
      if (written.length) lines.push(`Đã chép vào ${dest}:`, ...written.map((f) => `  ${rel(f)}`));
      if (kept.length) {
        lines.push(written.length ? 'Đã có, giữ nguyên (không ghi đè):' : `Không chép tệp nào vào ${dest}; đã có, giữ nguyên (không ghi đè):`);
        lines.push(...kept.map((f) => `  ${rel(f)}`));
      }
      lines.push(`Dùng các mẫu này: dakindex report ... --templates ${commandWord(io, pathsOf(platformOf(io)).relative(io.cwd, dest) || '.')}`);
      io.stdout(`${lines.join('\n')}\n`);
    });

  for (const c of templates.commands) c.helpOption('-h, --help', 'hiển thị trợ giúp');
  templates.action(() => {
    throw new UsageError('cần chọn: list, show TÊN hoặc export THƯ_MỤC (xem: dakindex templates --help)');
  });
}

function userDir(opts: { templates?: string }, io: CliIO): string | undefined {
  return opts.templates ? userPath(io, opts.templates) : undefined;
}

/** The name as listed: "bao-cao-tuan", a partial without "partials/" ("ket-qua"). */
function shortName(t: TemplateEntry): string {
  return t.partial ? t.name.slice('partials/'.length) : t.name;
}

/** A template by its name, with or without .hbs; a partial also by its listed name when no template has that name. */
function findEntry(entries: TemplateEntry[], name: string): TemplateEntry {
  const wanted = name.replace(/\\/g, '/').replace(/\.hbs$/, '');
  const found = entries.find((t) => t.name === wanted) ?? entries.find((t) => t.partial && shortName(t) === wanted);
  if (found) return found;
  throw new UsageError(`không có mẫu "${name}"; các mẫu: ${entries.map((t) => t.name).join(', ')}`);
}
