/**
 * The top of the README is what a new user reads first: its picture is a real page, and its two
 * commands are the ones CI runs, character for character.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/cli.js';

const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
const top = readme.slice(0, readme.indexOf('\n## ', readme.indexOf('## Bắt đầu')));

/** The command lines (not comments) of the first sh block under "Bắt đầu". */
function startCommands(): string[] {
  const block = /## Bắt đầu[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme);
  expect(block, 'README: no sh block under "## Bắt đầu"').not.toBeNull();
  return block![1]!.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

describe('README, top', () => {
  it('gives two commands, one that installs and writes the weekly report, one that installs and tests', () => {
    const commands = startCommands();
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatch(/^npm install && npx dakindex report --week \d --month \d+ --year \d{4} --data fixtures\/daklak$/);
    expect(commands[1]).toBe('npm install && npm test');
  });

  it('is what .ci/run runs, verbatim', () => {
    const ci = readFileSync(join(REPO, '.ci/run'), 'utf8').split('\n');
    for (const c of startCommands()) expect(ci, c).toContain(c);
  });

  it('shows a page made by the tool, before the commands', () => {
    const img = /<img src="([^"]+\.png)"/.exec(top);
    expect(img, 'README: no picture at the top').not.toBeNull();
    expect(top.indexOf(img![0])).toBeLessThan(top.indexOf('## Bắt đầu'));
    const file = join(REPO, img![1]!);
    expect(existsSync(file), file).toBe(true);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // An A4 portrait page: height / width = 297 / 210.
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(height / width).toBeCloseTo(297 / 210, 1);
    expect(width).toBeGreaterThanOrEqual(400);
  });
});
