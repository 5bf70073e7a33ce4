import type { Reporter, RunnerTask, RunnerTestFile } from 'vitest';

/** Ends the run with the plain "N passed, N failed" line that CI reads, after vitest's own report. */
export default class SummaryReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = []): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const walk = (t: RunnerTask): void => {
      if (t.type === 'test') {
        const state = t.result?.state;
        if (state === 'pass') counts.passed++;
        else if (state === 'fail') counts.failed++;
        else counts.skipped++;
      } else if ('tasks' in t) t.tasks.forEach(walk);
    };
    for (const f of files) {
      if (f.result?.state === 'fail' && f.tasks.length === 0) counts.failed++;
      f.tasks.forEach(walk);
    }
    const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed${skipped}\n`);
  }
}
