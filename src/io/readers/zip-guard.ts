/**
 * The parts of a workbook zip, read under the size guard (shared/spec/inputs.md §1) and checked.
 * The central directory is read first (no extraction) and the declared sizes summed; then each
 * part the reader asks for is inflated once, bounded by its declared size, so that a part that
 * lies about its size is caught before it can fill memory, its CRC-32 is checked, and it is
 * decoded as UTF-8 whole (never chunk by chunk, which splits letters).
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { Readable } from 'node:stream';
import type { Config } from '../../config/schema.js';
import { DataError } from '../../core/errors.js';
import { crc32, readCentralDirectory, storedBytes, ZipFormatError, type ZipEntry } from '../zip.js';

/** Strict: a byte sequence that is not UTF-8 throws. The BOM, if any, is dropped. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

function inflatedSizeMessage(file: string, bytes: number, config: Config): string {
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return (
    `${file}: tệp giải nén ra hơn ${mb(config.input.maxInflatedBytes)} (giới hạn input.maxInflatedBytes = ` +
    `${config.input.maxInflatedBytes} byte; khai báo ${mb(bytes)}); từ chối đọc. ` +
    'Nếu tệp đúng là lớn như vậy, tăng input.maxInflatedBytes trong tệp cấu hình.'
  );
}

/** A workbook zip whose parts are read under config.input.maxInflatedBytes. */
export class GuardedZip {
  private inflated = 0;
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, ZipEntry>();

  /**
   * Read the central directory and check the declared sizes. Throws DataError (naming the bound
   * and its configuration key) or ZipFormatError.
   */
  constructor(
    private readonly buf: Buffer,
    private readonly file: string,
    private readonly config: Config,
  ) {
    let declared = 0;
    for (const e of readCentralDirectory(buf)) {
      if (e.flags & 0x1) throw new ZipFormatError(`phần "${e.name}" được mã hóa`);
      declared += e.uncompressedSize;
      if (e.name.endsWith('/')) continue;
      this.byName.set(e.name, e);
      this.byLowerName.set(e.name.toLowerCase(), e);
    }
    if (declared > config.input.maxInflatedBytes) throw new DataError(inflatedSizeMessage(file, declared, config));
  }

  /** The exact name of a part, found also when a producer spelled its case differently. */
  partName(name: string): string | null {
    return (this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase()))?.name ?? null;
  }

  /** A part's bytes: inflated within its declared size, size and CRC-32 checked. */
  async bytes(name: string): Promise<Buffer> {
    const e = this.byName.get(name);
    if (!e) throw new ZipFormatError(`thiếu phần "${name}"`);
    const stored = storedBytes(this.buf, e);
    let data: Buffer;
    if (e.method === 0) {
      data = stored;
    } else if (e.method === 8) {
      try {
        data = inflateRawSync(stored, { maxOutputLength: Math.max(1, e.uncompressedSize) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') await this.countLiar(e, stored);
        throw new ZipFormatError(`không giải nén được phần "${e.name}" (tệp hỏng)`);
      }
    } else {
      throw new ZipFormatError(`phần "${e.name}" dùng kiểu nén ${e.method} không hỗ trợ`);
    }
    this.inflated += data.length;
    if (this.inflated > this.config.input.maxInflatedBytes) {
      throw new DataError(inflatedSizeMessage(this.file, this.inflated, this.config));
    }
    if (data.length !== e.uncompressedSize) throw this.sizeMismatch(e);
    if (crc32(data) !== e.crc) {
      throw new ZipFormatError(`phần "${e.name}" sai mã kiểm tra CRC-32: nội dung đã bị thay đổi`);
    }
    return data;
  }

  /**
   * A part's text, decoded whole: UTF-8, or UTF-16 after its byte-order mark (XML allows both).
   * Bytes that are not valid UTF-8 are refused rather than turned into U+FFFD. Null when the zip
   * has no such part.
   */
  async text(name: string): Promise<string | null> {
    const exact = this.partName(name);
    if (!exact) return null;
    const data = await this.bytes(exact);
    if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
    if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
    try {
      return UTF8.decode(data);
    } catch {
      throw new ZipFormatError(`phần "${exact}" không phải văn bản UTF-8 hợp lệ`);
    }
  }

  private sizeMismatch(e: ZipEntry): ZipFormatError {
    return new ZipFormatError(`phần "${e.name}" có kích thước khác với khai báo (tệp hỏng)`);
  }

  /**
   * A part inflates to more than it declares: count what it really inflates to, as a stream into
   * nothing (memory stays bounded), to say whether it breaks the size bound or is merely damaged.
   */
  private async countLiar(e: ZipEntry, stored: Buffer): Promise<never> {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    const source = Readable.from([stored]);
    let total = this.inflated;
    try {
      for await (const chunk of source.pipe(inflate)) {
        total += (chunk as Buffer).length;
        if (total > this.config.input.maxInflatedBytes) {
          throw new DataError(inflatedSizeMessage(this.file, total, this.config));
        }
      }
    } catch (err) {
      if (err instanceof DataError) throw err;
      throw new ZipFormatError(`không giải nén được phần "${e.name}" (tệp hỏng)`);
    } finally {
      source.destroy();
      inflate.destroy();
    }
    throw this.sizeMismatch(e);
  }
}
