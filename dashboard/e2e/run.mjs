// Runs every end-to-end scenario (e2e/*.e2e.mjs) in turn, each with a host of its own; exits non-zero if any failed.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const scenarios = readdirSync(here).filter((f) => f.endsWith('.e2e.mjs') && (!only || f.includes(only))).sort();
let failed = 0;
for (const file of scenarios) {
  const { status } = spawnSync(process.execPath, [`${here}/${file}`], { stdio: 'inherit' });
  if (status !== 0) failed += 1;
}
if (failed > 0) {
  console.error(`e2e: ${failed} of ${scenarios.length} scenarios failed`);
  process.exit(1);
}
