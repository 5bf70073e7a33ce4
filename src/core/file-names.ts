/**
 * File names that Windows accepts as well as Linux: the office opens the documents on Windows, often
 * from a shared folder, so a name is checked against Windows' rules whatever system writes it.
 */

/** Characters Windows forbids in a file name: < > : " / \ | ? * and the control characters. */
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/u;

/** Device names Windows reserves, with or without an extension ("CON", "nul.docx", "COM1.txt"). */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[1-9¹²³]|lpt[1-9¹²³])(\.|$)/iu;

/** Why Windows would refuse `name` (a file name, no folder), in Vietnamese; null when it accepts it. */
export function windowsNameProblem(name: string): string | null {
  if (name === '') return 'tên tệp trống';
  const bad = FORBIDDEN.exec(name);
  if (bad) {
    const shown = bad[0] < ' ' ? `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : `"${bad[0]}"`;
    return `tên tệp "${name}" có ký tự ${shown}, Windows không cho phép`;
  }
  if (/[. ]$/.test(name)) return `tên tệp "${name}" kết thúc bằng dấu chấm hoặc dấu cách, Windows bỏ đi`;
  if (RESERVED.test(name)) return `tên tệp "${name}" là tên thiết bị Windows dành riêng (CON, PRN, AUX, NUL, COM1…, LPT1…)`;
  return null;
}

/**
 * The key two names share when Windows (and macOS) would see one file: case and Unicode
 * composition do not tell names apart there ("Bao-cao.docx" and "bao-cao.docx").
 */
export function sameFileKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
