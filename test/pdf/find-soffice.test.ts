import { describe, expect, it } from 'vitest';
import { findSoffice, type SofficeLookup } from '../../src/io/pdf/find-soffice.js';

/** Every platform's rules, on any machine: the file system is a set of paths. */
function lookup(platform: NodeJS.Platform, files: string[], env: SofficeLookup['env'], extra: Partial<SofficeLookup> = {}): ReturnType<typeof findSoffice> {
  const set = new Set(files);
  const cwd = platform === 'win32' ? 'C:\\Users\\Văn thư\\dakindex' : '/home/vanthu/dakindex';
  return findSoffice({ platform, env, cwd, exists: (p) => set.has(p), ...extra });
}

const found = (r: ReturnType<typeof findSoffice>) => (r.found ? r.path : `missing: ${r.message}`);
const message = (r: ReturnType<typeof findSoffice>) => (r.found ? `found ${r.path}` : r.message);

describe('soffice on Linux', () => {
  it('takes the first PATH folder that has soffice, else libreoffice', () => {
    const env = { PATH: '/usr/local/bin:/usr/bin:/snap/bin' };
    expect(found(lookup('linux', ['/usr/bin/soffice', '/snap/bin/soffice'], env))).toBe('/usr/bin/soffice');
    expect(found(lookup('linux', ['/snap/bin/libreoffice'], env))).toBe('/snap/bin/libreoffice');
  });

  it('without one, names where it looked and the Debian package', () => {
    const r = lookup('linux', ['/opt/other/soffice'], { PATH: '/usr/bin:/bin' });
    expect(r.found).toBe(false);
    expect(message(r)).toContain('Không tìm thấy LibreOffice (soffice)');
    expect(message(r)).toContain('sudo apt-get install libreoffice-writer-nogui');
    expect(message(r)).toContain('DAKINDEX_SOFFICE');
    expect(message(r)).toContain('pdf.soffice');
    expect(message(r)).not.toContain('libreoffice.org');
  });

  it('an empty or absent PATH finds nothing', () => {
    expect(lookup('linux', ['/usr/bin/soffice'], {}).found).toBe(false);
    expect(lookup('linux', ['/usr/bin/soffice'], { PATH: '' }).found).toBe(false);
  });
});

describe('soffice on Windows', () => {
  const pf = 'C:\\Program Files\\LibreOffice\\program\\soffice.exe';
  const pf86 = 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe';
  const env = { Path: 'C:\\Windows\\system32;C:\\Windows', ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' };

  it('looks on Path (any case, quoted folders) for soffice.exe first', () => {
    const onPath = 'D:\\Ứng dụng\\LibreOffice\\program\\soffice.exe';
    const r = lookup('win32', [onPath, pf], { ...env, Path: `C:\\Windows;"D:\\Ứng dụng\\LibreOffice\\program";` });
    expect(found(r)).toBe(onPath);
    expect(r.found && r.source).toBe('PATH');
  });

  it('then in %ProgramFiles%, then in %ProgramFiles(x86)%', () => {
    expect(found(lookup('win32', [pf, pf86], env))).toBe(pf);
    expect(found(lookup('win32', [pf86], env))).toBe(pf86);
    // The variables as Windows spells them or not: names are case-insensitive there.
    expect(found(lookup('win32', [pf86], { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' }))).toBe(pf86);
    expect(found(lookup('win32', ['E:\\Apps\\LibreOffice\\program\\soffice.exe'], { ProgramFiles: 'E:\\Apps' }))).toBe(
      'E:\\Apps\\LibreOffice\\program\\soffice.exe',
    );
  });

  it('without one, says to install LibreOffice from libreoffice.org or set DAKINDEX_SOFFICE', () => {
    const r = lookup('win32', [], env);
    expect(r.found).toBe(false);
    expect(message(r)).toContain('https://www.libreoffice.org/download/');
    expect(message(r)).toContain('DAKINDEX_SOFFICE');
    expect(message(r)).toContain('soffice.exe');
    expect(message(r)).toContain(pf);
    expect(message(r)).toContain(pf86);
    expect(message(r)).not.toContain('apt-get');
  });

  it('DAKINDEX_SOFFICE takes a Windows path, relative ones from the working folder', () => {
    const mine = 'D:\\LibreOffice Portable\\App\\libreoffice\\program\\soffice.exe';
    expect(found(lookup('win32', [mine, pf], { ...env, DAKINDEX_SOFFICE: mine }))).toBe(mine);
    expect(found(lookup('win32', ['C:\\Users\\Văn thư\\dakindex\\lo\\soffice.exe'], { dakindex_soffice: 'lo\\soffice.exe' }))).toBe(
      'C:\\Users\\Văn thư\\dakindex\\lo\\soffice.exe',
    );
  });
});

describe('soffice on Windows, set by hand', () => {
  const pf = 'C:\\Program Files\\LibreOffice\\program\\soffice.exe';

  it('DAKINDEX_SOFFICE as Explorer’s "Copy as path" gives it, or as cmd’s set keeps it: in double quotes', () => {
    const r = lookup('win32', [pf], { DAKINDEX_SOFFICE: `"${pf}"` });
    expect(found(r)).toBe(pf);
    expect(r.found && r.source).toBe('DAKINDEX_SOFFICE');
    expect(found(lookup('win32', [pf], {}, { configured: ` "${pf}" ` }))).toBe(pf);
    // Elsewhere a quote belongs to the name.
    expect(lookup('linux', ['/opt/lo/soffice'], { DAKINDEX_SOFFICE: '"/opt/lo/soffice"' }).found).toBe(false);
  });

  it('pdf.soffice with slashes, as YAML and JSON files are easiest written, is a Windows path', () => {
    const portable = 'D:\\Ứng dụng\\LibreOffice\\program\\soffice.exe';
    const r = lookup('win32', [portable], {}, { configured: 'D:/Ứng dụng/LibreOffice/program/soffice.exe' });
    expect(found(r)).toBe(portable);
    expect(r.found && r.source).toBe('pdf.soffice');
  });

  it('a bare name is looked up on Path with .exe added', () => {
    const onPath = 'D:\\LO\\program\\soffice.exe';
    expect(found(lookup('win32', [onPath, pf], { Path: 'D:\\LO\\program', DAKINDEX_SOFFICE: 'soffice' }))).toBe(onPath);
  });

  it('a missing one gives the Windows hint, whatever the override', () => {
    const r = lookup('win32', [], { DAKINDEX_SOFFICE: '"D:\\Không có\\soffice.exe"' });
    expect(message(r)).toContain('DAKINDEX_SOFFICE = "D:\\Không có\\soffice.exe": không có tệp D:\\Không có\\soffice.exe');
    expect(message(r)).toContain('https://www.libreoffice.org/download/');
    expect(message(r)).toContain('C:\\Program Files\\LibreOffice');
    expect(message(r)).not.toContain('apt-get');
  });
});

describe('soffice on macOS', () => {
  const app = '/Applications/LibreOffice.app/Contents/MacOS/soffice';

  it('PATH first, then /Applications/LibreOffice.app, then ~/Applications', () => {
    expect(found(lookup('darwin', ['/opt/homebrew/bin/soffice', app], { PATH: '/opt/homebrew/bin:/usr/bin' }))).toBe('/opt/homebrew/bin/soffice');
    expect(found(lookup('darwin', [app], { PATH: '/usr/bin:/bin' }))).toBe(app);
    const home = '/Users/vanthu/Applications/LibreOffice.app/Contents/MacOS/soffice';
    expect(found(lookup('darwin', [home], { PATH: '/usr/bin', HOME: '/Users/vanthu' }))).toBe(home);
  });

  it('without one, says to install LibreOffice.app', () => {
    const r = lookup('darwin', [], { PATH: '/usr/bin:/bin' });
    expect(message(r)).toContain('LibreOffice.app');
    expect(message(r)).toContain('Applications');
    expect(message(r)).toContain(app);
    expect(message(r)).not.toContain('apt-get');
  });
});

describe('overrides', () => {
  const env = { PATH: '/usr/bin' };
  const files = ['/usr/bin/soffice', '/opt/lo/program/soffice', '/srv/lo/soffice', '/usr/bin/libreoffice7.6'];

  it('DAKINDEX_SOFFICE, then pdf.soffice, then PATH', () => {
    const both = lookup('linux', files, { ...env, DAKINDEX_SOFFICE: '/opt/lo/program/soffice' }, { configured: '/srv/lo/soffice' });
    expect(found(both)).toBe('/opt/lo/program/soffice');
    expect(both.found && both.source).toBe('DAKINDEX_SOFFICE');
    const config = lookup('linux', files, env, { configured: '/srv/lo/soffice' });
    expect(found(config)).toBe('/srv/lo/soffice');
    expect(config.found && config.source).toBe('pdf.soffice');
    expect(found(lookup('linux', files, env))).toBe('/usr/bin/soffice');
  });

  it('a bare name is looked up on PATH', () => {
    expect(found(lookup('linux', files, { ...env, DAKINDEX_SOFFICE: 'libreoffice7.6' }))).toBe('/usr/bin/libreoffice7.6');
  });

  it('one pointing nowhere is reported, not passed over for the soffice on PATH', () => {
    const r = lookup('linux', files, { ...env, DAKINDEX_SOFFICE: '/nowhere/soffice' });
    expect(r.found).toBe(false);
    expect(message(r)).toContain('DAKINDEX_SOFFICE = "/nowhere/soffice": không có tệp /nowhere/soffice');
    expect(message(r)).toContain('apt-get install libreoffice-writer-nogui');
    const c = lookup('linux', files, env, { configured: 'lo/soffice' });
    expect(message(c)).toContain('pdf.soffice = "lo/soffice": không có tệp /home/vanthu/dakindex/lo/soffice');
    const bare = lookup('win32', [], { DAKINDEX_SOFFICE: 'soffice-7' }, {});
    expect(message(bare)).toContain('không có "soffice-7" trong PATH');
    expect(message(bare)).toContain('libreoffice.org');
  });

  it('a blank value counts as none', () => {
    expect(found(lookup('linux', files, { ...env, DAKINDEX_SOFFICE: '  ' }, { configured: '' }))).toBe('/usr/bin/soffice');
  });
});
