// Preloaded into a measured process: writes its peak resident memory (MB) when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.DAKINDEX_BENCH_RSS_FILE;
  if (file) writeFileSync(file, (process.resourceUsage().maxRSS / 1024).toFixed(1));
});
