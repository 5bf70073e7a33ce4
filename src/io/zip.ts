/**
 * The zip format as dakindex needs it, in one place: the central directory of a workbook or
 * package held in memory (zip64 and hostile input included: the size guard reads untrusted files),
 * and writing a package again with some files replaced (the docx writer's splice, the fixtures'
 * fixed timestamps). No encryption.
 */
import * as zlib from 'node:zlib';
import { DataError } from '../core/errors.js';

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

/** Thrown for a file that is not a readable zip; the caller names the file. */
export class ZipFormatError extends Error {}

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('kích thước khai báo quá lớn');
  return Number(v);
}

/** An entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Read the central directory of a zip held in memory. */
export function readCentralDirectory(buf: Buffer): ZipEntry[] {
  const minEocd = 22;
  if (buf.length < minEocd) throw new ZipFormatError('tệp zip quá ngắn');
  let eocd = -1;
  const stop = Math.max(0, buf.length - minEocd - 0xffff);
  for (let i = buf.length - minEocd; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('không thấy thư mục trung tâm của zip (tệp bị cắt hoặc hỏng)');
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== ZIP64_LOCATOR_SIG) throw new ZipFormatError('zip64 hỏng');
    const z64 = u64(buf, loc + 8);
    if (z64 + 56 > buf.length || buf.readUInt32LE(z64) !== ZIP64_EOCD_SIG) throw new ZipFormatError('zip64 hỏng');
    count = u64(buf, z64 + 32);
    cdSize = u64(buf, z64 + 40);
    cdOffset = u64(buf, z64 + 48);
  }
  if (cdOffset + cdSize > buf.length) throw new ZipFormatError('thư mục trung tâm nằm ngoài tệp (tệp bị cắt)');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL_SIG) {
      throw new ZipFormatError('mục của thư mục trung tâm hỏng');
    }
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen + extraLen > buf.length) throw new ZipFormatError('mục của thư mục trung tâm hỏng');
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    // Zip64 extended information: the 0xFFFFFFFF fields, in order.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = buf.readUInt16LE(e);
      const size = buf.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + size) {
          uncompressedSize = u64(buf, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + size) {
          compressedSize = u64(buf, q);
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + size) localHeaderOffset = u64(buf, q);
      }
      e += 4 + size;
    }
    entries.push({ name, method, flags, crc, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The compressed bytes of an entry. */
export function storedBytes(buf: Buffer, e: ZipEntry): Buffer {
  const at = e.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL_SIG) throw new ZipFormatError(`phần "${e.name}" hỏng`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw new ZipFormatError(`phần "${e.name}" bị cắt`);
  return buf.subarray(start, end);
}

/** A file of a zip with its bytes as stored (compressed when method is 8). */
export interface ZipFile {
  name: string;
  method: number;
  crc: number;
  /** Uncompressed size. */
  size: number;
  stored: Buffer;
}

/** Every file of a zip, its bytes kept as stored. */
export function readZip(buf: Buffer): ZipFile[] {
  return readCentralDirectory(buf)
    .filter((e) => !e.name.endsWith('/'))
    .map((e) => ({ name: e.name, method: e.method, crc: e.crc, size: e.uncompressedSize, stored: storedBytes(buf, e) }));
}

/** The uncompressed bytes of a file. */
export function fileData(file: ZipFile): Buffer {
  if (file.method === 0) return file.stored;
  if (file.method === 8) return zlib.inflateRawSync(file.stored);
  throw new ZipFormatError(`phương thức nén ${file.method} của "${file.name}" không được hỗ trợ`);
}

let crcTable: Uint32Array | undefined;
/** CRC-32 (the zip checksum) of `data`. */
export function crc32(data: Uint8Array): number {
  const native = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;
  if (typeof native === 'function') return native(data) >>> 0;
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A deflated entry for `data`. Level 6 is zlib's default balance of speed and size. */
export function deflatedEntry(name: string, data: Buffer, level = 6): ZipFile {
  return { name, method: 8, crc: crc32(data), size: data.length, stored: zlib.deflateRawSync(data, { level }) };
}

/** 1 January 2020, 00:00, as a DOS date and time: the same bytes every run. */
const DOS_TIME = 0;
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;

export function writeZip(entries: readonly ZipFile[]): Buffer {
  const total = entries.reduce((n, e) => n + 30 + Buffer.byteLength(e.name) + e.stored.length, 0);
  if (total > 0xffffffff || entries.length > 0xffff) {
    throw new DataError(
      `Văn bản quá lớn để ghi thành tệp .docx (${(total / 2 ** 20).toFixed(0)} MB, ${entries.length} phần; tối đa 4096 MB và 65535 phần): chia thành nhiều văn bản, ví dụ đọc ít tệp hoặc sheet hơn (--input, --sheet).`,
    );
  }
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIG, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.stored.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(CENTRAL_SIG, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt16LE(DOS_TIME, 12);
    dir.writeUInt16LE(DOS_DATE, 14);
    dir.writeUInt32LE(e.crc, 16);
    dir.writeUInt32LE(e.stored.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, e.stored);
    central.push(dir, name);
    offset += 30 + name.length + e.stored.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD_SIG, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
