import { win32 } from 'node:path';

/**
 * The weekly report as a Windows scheduled task (README, "Trên máy Windows"): the wrapper
 * scripts/windows/dakindex-tuan.cmd, which `dakindex init` puts in the working folder, and the
 * schtasks line that makes Task Scheduler run it at 16:00 every Friday.
 */

/** The wrapper's name in the package (scripts/windows/) and in the working folder. */
export const WINDOWS_WRAPPER = 'dakindex-tuan.cmd';

/** The log file the wrapper appends each run's output to, in the working folder. */
export const WINDOWS_LOG = 'dakindex.log';

/** The task's name in Task Scheduler. */
export const WINDOWS_TASK_NAME = 'dakindex tuần';

/** The longest /TR schtasks takes (Microsoft documents 262 characters, older versions 261: the shorter). */
export const SCHTASKS_TR_MAX = 261;

/**
 * The schtasks command, typed in cmd (Command Prompt), that runs the wrapper at `wrapper` (a Windows
 * path) weekly on Friday at 16:00, the PC's time; or why there is none for that path.
 *
 * /TR is the task's command line: the path in double quotes, written \" inside the quoted argument
 * as schtasks reads its arguments. cmd knows no \": for it the path stands outside quotes, so
 * cmd's special characters there (& | < > ^) are escaped with ^; a % (expanded by cmd even there)
 * or a " cannot be written, nor a /TR longer than schtasks takes.
 */
export function schtasksCommand(wrapper: string): { command: string } | { problem: string } {
  const path = win32.normalize(wrapper);
  if (/["%]/.test(path)) return { problem: `đường dẫn ${path} có ký tự " hoặc %, không viết được trong lệnh schtasks` };
  if (path.length + 2 > SCHTASKS_TR_MAX) {
    return { problem: `đường dẫn ${path} dài quá ${SCHTASKS_TR_MAX - 2} ký tự cho schtasks /TR: chuyển thư mục làm việc lên gần ổ đĩa hơn` };
  }
  const forCmd = path.replace(/[&|<>^]/g, '^$&');
  return { command: `schtasks /Create /SC WEEKLY /D FRI /ST 16:00 /TN "${WINDOWS_TASK_NAME}" /TR "\\"${forCmd}\\""` };
}
