/**
 * What a file is, by its content rather than its name (shared/spec/inputs.md §1), and its text
 * when it is text.
 */
import { extname } from 'node:path';
import { DataError } from '../../core/errors.js';

export type FileFormat = 'xlsx' | 'html' | 'csv';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function startsWith(buf: Buffer, sig: Buffer | number[]): boolean {
  const s = Buffer.isBuffer(sig) ? sig : Buffer.from(sig);
  return buf.length >= s.length && buf.subarray(0, s.length).equals(s);
}

/** An OLE2 file holding an encrypted OOXML package (a password-protected .xlsx). */
function isEncryptedOle(buf: Buffer): boolean {
  const needle = Buffer.from('EncryptedPackage', 'utf16le');
  return buf.indexOf(needle) >= 0 || buf.indexOf(Buffer.from('EncryptionInfo', 'utf16le')) >= 0;
}

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/**
 * An OpenDocument spreadsheet: a zip whose first entry is "mimetype", stored, holding the
 * spreadsheet media type (the OpenDocument package rule).
 */
export function isOpenDocumentSpreadsheet(buf: Buffer): boolean {
  if (buf.length < 30 || buf.readUInt32LE(0) !== 0x04034b50) return false;
  const nameLen = buf.readUInt16LE(26);
  const start = 30 + nameLen + buf.readUInt16LE(28);
  if (buf.toString('latin1', 30, 30 + nameLen) !== 'mimetype') return false;
  // Stored (method 0): the compressed size is the text's length. Templates (.ots) say "...-template".
  if (buf.readUInt16LE(8) !== 0) return false;
  return buf.toString('latin1', start, Math.min(buf.length, start + (buf.readUInt32LE(18) || ODS_MIMETYPE.length))).startsWith(ODS_MIMETYPE);
}

/** Throw the DataError that tells how to save an OpenDocument spreadsheet as .xlsx, if `buf` is one. */
export function refuseOpenDocument(buf: Buffer, file: string): void {
  if (!isOpenDocumentSpreadsheet(buf)) return;
  throw new DataError(
    `${file}: là bảng tính OpenDocument (.ods, của LibreOffice Calc), không đọc được; hãy mở bằng LibreOffice Calc, ` +
      'chọn Tệp > Lưu thành… > Excel 2007-365 (.xlsx) rồi dùng tệp .xlsx đó',
  );
}

/** Decode text: BOM-aware (UTF-8, UTF-16 LE/BE), else strict UTF-8; null when it is not text. */
export function decodeText(buf: Buffer, fallbackCharset?: string): string | null {
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return buf.subarray(3).toString('utf8');
  if (startsWith(buf, [0xff, 0xfe])) return buf.subarray(2).toString('utf16le');
  if (startsWith(buf, [0xfe, 0xff])) {
    const b = Buffer.from(buf.subarray(2));
    b.swap16();
    return b.toString('utf16le');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    if (!fallbackCharset) return null;
    try {
      return new TextDecoder(fallbackCharset).decode(buf);
    } catch {
      return null;
    }
  }
}

/** The charset an HTML page declares in its first bytes, if any. */
function declaredCharset(buf: Buffer): string | undefined {
  const head = buf.subarray(0, 4096).toString('latin1');
  const m = /charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m?.[1];
}

function looksLikeHtml(text: string): boolean {
  return /^[\s\ufeff]*</.test(text);
}

export interface Detected {
  format: FileFormat;
  /** Decoded text for HTML and CSV. */
  text?: string;
}

/**
 * Detect the format of a file's bytes. Throws a one-line DataError naming the file for binary .xls,
 * password-protected workbooks, empty files and files that are none of the readable formats.
 */
export function detectFormat(buf: Buffer, file: string): Detected {
  const ext = extname(file).toLowerCase();
  if (buf.length === 0) throw new DataError(`${file}: tệp rỗng`);
  refuseOpenDocument(buf, file);
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) {
    return { format: 'xlsx' };
  }
  if (startsWith(buf, OLE2)) {
    if (isEncryptedOle(buf)) {
      throw new DataError(`${file}: bảng tính được đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại dưới dạng .xlsx`);
    }
    throw new DataError(
      `${file}: là tệp .xls nhị phân (Excel 97-2003), không đọc được; hãy mở bằng Excel và lưu lại dưới dạng .xlsx`,
    );
  }
  // Text: an HTML table (often named .xls), or CSV.
  const probe = decodeText(buf.subarray(0, Math.min(buf.length, 4096)));
  const probeText = probe ?? decodeText(buf.subarray(0, Math.min(buf.length, 4096)), 'windows-1252') ?? '';
  if (looksLikeHtml(probeText)) {
    const text = decodeText(buf, declaredCharset(buf) ?? 'windows-1252');
    if (text !== null) return { format: 'html', text };
  }
  const textual = !buf.subarray(0, 4096).includes(0) || startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff]);
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt' || (ext === '.xls' && textual)) {
    const text = decodeText(buf);
    if (text === null) {
      throw new DataError(`${file}: tệp CSV không phải mã UTF-8; hãy lưu lại dưới dạng "CSV UTF-8"`);
    }
    return { format: 'csv', text };
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    const what = textual ? 'nội dung là văn bản' : 'không có chữ ký zip';
    throw new DataError(`${file}: không phải tệp .xlsx thật (${what}); hãy tải lại hoặc lưu lại bằng Excel dưới dạng .xlsx`);
  }
  throw new DataError(`${file}: không nhận ra định dạng tệp (cần .xlsx, .csv hoặc bảng HTML lưu dưới tên .xls)`);
}
