import { Command, CommanderError, Help } from 'commander';
import { DakindexError, type ErrorCode } from '../core/errors.js';
import { registerBatch } from './commands/batch.js';
import { registerCheck } from './commands/check.js';
import { registerHistory } from './commands/history.js';
import { registerInit } from './commands/init.js';
import { registerLetter } from './commands/letter.js';
import { registerReport } from './commands/report.js';
import { registerTemplates } from './commands/templates.js';
import { debugEnabled, processIO, userText, type CliIO } from './context.js';
import { addExamples } from './examples.js';
import { officeToday } from './today.js';
import { VERSION } from './version.js';

const HELP_TITLES: [RegExp, string][] = [
  [/^Usage:/gm, 'Cách dùng:'],
  [/^Options:/gm, 'Tùy chọn:'],
  [/^Commands:/gm, 'Lệnh:'],
  [/^Arguments:/gm, 'Tham số:'],
  [/\(default: /g, '(mặc định: '],
  [/\[options\]/g, '[tùy chọn]'],
  [/\[command\]/g, '[lệnh]'],
];

/** What `dakindex --help` says after the commands: exit codes, and options from the environment and the configuration. */
export const PROGRAM_HELP_END = `
Mã thoát:
  0  thành công
  1  lỗi dữ liệu, cấu hình hoặc mẫu văn bản; không ghi được văn bản (tệp đã có, tệp đang mở trong
     Word, thư mục --out đang được một lần chạy khác ghi quá thời gian --lock-wait)
  2  sai cách dùng: tùy chọn thiếu, thừa hoặc sai giá trị (kể cả từ biến môi trường DAKINDEX_*)
  3  batch: một số văn bản không tạo được (các văn bản khác vẫn được tạo)
  4  đã ghi .docx nhưng thiếu bản PDF (--pdf: không có LibreOffice hoặc chuyển đổi lỗi)
  70 lỗi không mong đợi (chạy lại với DEBUG=dakindex để xem chi tiết)

Tùy chọn lấy từ đâu (trên thắng dưới): dòng lệnh; biến môi trường DAKINDEX_<TÊN> (tên dài viết hoa,
"-" thành "_": DAKINDEX_DATA, DAKINDEX_OUT, DAKINDEX_WEEK, DAKINDEX_LOCK_WAIT); mục defaults của tệp
cấu hình (defaults: { data: "D:/Du lieu", out: "D:/Bao cao" }); mặc định.
Kỳ tương đối: --week, --month, --quarter, --year current|previous tính theo ngày hôm nay giờ Việt Nam
(Asia/Ho_Chi_Minh); DAKINDEX_TODAY=YYYY-MM-DD đặt ngày hôm nay.`;

/** The commander program with every command; `io` receives all output; `today` is an ISO date. */
export function buildProgram(io: CliIO, today: () => string = () => officeToday(io.env)): Command {
  const program = new Command('dakindex')
    .description(
      'Tạo báo cáo, công văn về Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg) từ bảng điểm Excel',
    )
    .version(VERSION, '-V, --version', 'in phiên bản')
    .helpOption('-h, --help', 'hiển thị trợ giúp')
    .helpCommand('help [lệnh]', 'hiển thị trợ giúp của một lệnh')
    .showHelpAfterError('(dùng --help để xem cách dùng)')
    .configureHelp({
      formatHelp: (cmd, helper) => HELP_TITLES.reduce((t, [re, vi]) => t.replace(re, vi), Help.prototype.formatHelp.call(helper, cmd, helper)),
    })
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (s, write) => write(translate(s)) })
    .addHelpText('after', PROGRAM_HELP_END)
    .exitOverride();
  registerCheck(program, io);
  registerReport(program, io, today);
  registerLetter(program, io, today);
  registerBatch(program, io, today);
  registerHistory(program, io);
  registerInit(program, io);
  registerTemplates(program, io);
  addExamples(program);
  for (const c of program.commands) c.helpOption('-h, --help', 'hiển thị trợ giúp').exitOverride();
  return program;
}

const COMMANDER_MESSAGES: [RegExp, string][] = [
  [/^error: unknown option '(.+)'/, "lỗi: không có tùy chọn '$1'"],
  [/^error: unknown command '(.+)'/, "lỗi: không có lệnh '$1'"],
  [/^error: missing required argument '(.+)'/, "lỗi: thiếu tham số '$1'"],
  [/^error: option '(.+)' argument missing/, "lỗi: tùy chọn '$1' cần một giá trị"],
  [/^error: too many arguments.*/, 'lỗi: thừa tham số'],
  [/^\(Did you mean (.+)\?\)$/m, '(có phải $1?)'],
];

function translate(s: string): string {
  return COMMANDER_MESSAGES.reduce((t, [re, vi]) => t.replace(re, vi), s);
}

/** The exit status of each kind of error; 70 for an unexpected one. */
const EXIT_CODES: Record<ErrorCode, number> = { data: 1, usage: 2, partial: 3, pdf: 4 };

/**
 * Runs the CLI and returns the exit code: 0 ok, 1 data errors, 2 usage errors, 3 a batch that
 * failed some of its documents (the others made), 4 documents written without their PDF (--pdf),
 * 70 unexpected (PROGRAM_HELP_END).
 */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
    }
    if (e instanceof DakindexError) {
      io.stderr(`${userText(e.message)}\n`);
      return EXIT_CODES[e.code];
    }
    io.stderr(
      debugEnabled(io)
        ? `${(e as Error).stack ?? String(e)}\n`
        : `Lỗi không mong đợi: ${(e as Error).message ?? String(e)}\n(chạy lại với DEBUG=dakindex để xem chi tiết)\n`,
    );
    return 70;
  }
}

export async function main(argv: string[]): Promise<void> {
  // A reader that stops early (`dakindex batch --help | head`) closes the pipe: stop quietly, as
  // other command-line tools do, rather than print Node's stack of the EPIPE.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(process.exitCode ?? 0);
    });
  }
  process.exitCode = await run(argv, processIO());
}
