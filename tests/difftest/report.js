// Text reports of difftest mismatches, grouped by kind (what differed and at
// which op), shared by the fixture test and the live fuzzer.
import { mismatchKind, programSource } from './replay.js';

/** Adds a mismatch of program to groups (a Map from kind to [{program, mismatch}]). */
export function collect(groups, program, mismatch) {
  const kind = mismatchKind(mismatch);
  if (!groups.has(kind)) groups.set(kind, []);
  groups.get(kind).push({ program, mismatch });
}

const clip = (s, n = 400) => (String(s).length > n ? `${String(s).slice(0, n)}…` : String(s));

/** One mismatch in full: program id, step, what differed, both sides, the program's JS. */
export function describe({ program, mismatch: m }) {
  return [
    `program ${program.id}, step ${m.step}: ${m.what}`,
    `  step:     ${m.js}`,
    `  PyTorch:  ${clip(m.expected)}`,
    `  gradlab:  ${clip(m.actual)}`,
    '  program:',
    ...programSource(program).split('\n').map((line) => `    ${line}`),
  ].join('\n');
}

/** A summary line per kind, most frequent first, then `detailed` examples in full (one per kind first). */
export function summary(groups, total, detailed = 10) {
  const sorted = [...groups].sort((a, b) => b[1].length - a[1].length);
  const failing = sorted.reduce((n, [, list]) => n + list.length, 0);
  const lines = [`${failing} of ${total} programs diverge from PyTorch, in ${sorted.length} kinds:`];
  for (const [kind, list] of sorted) lines.push(`  ${String(list.length).padStart(5)}  ${kind}`);
  const examples = sorted.map(([, list]) => list[0]).slice(0, detailed);
  if (examples.length) lines.push('', 'first program of each kind:', ...examples.map(describe));
  return lines.join('\n');
}
