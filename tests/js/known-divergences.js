// The ledger of divergences from PyTorch 1.13 that the differential tester and
// the fuzzer still find (tests/js/known-divergences.json). It is strict both
// ways: a program that diverges and is not listed fails the test, and so does
// a listed program that now matches, so the ledger can only shrink as bugs are
// fixed. Each entry is an open bug, described with a reproducer in
// tests/difftest/FINDINGS.md or tests/js/FUZZ_FINDINGS.md; nothing here is a
// behaviour kept on purpose (those are in the README's "Differences from PyTorch").
// Rewrite it after a fix with: node scripts/known-divergences.mjs
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { programArb, runProgram, newStats } from './fuzz-program.js';

export const LEDGER_URL = new URL('./known-divergences.json', import.meta.url);

export function loadLedger() {
  return JSON.parse(readFileSync(LEDGER_URL, 'utf8'));
}

/** The fuzz run of the test, program by program: {stats, diverging: {index: first failure}}. */
export function fuzzDivergences({ runs, seed, ops }) {
  const stats = newStats();
  const diverging = {};
  fc.sample(programArb(ops), { numRuns: runs, seed }).forEach((program, index) => {
    const before = stats.failures.length;
    runProgram(program, stats, { checkBytes: true });
    if (stats.failures.length > before) diverging[index] = stats.failures[before].slice(0, 200);
  });
  return { stats, diverging };
}

/** Compares the ids that diverge now with the ledger's; returns '' when they agree. */
export function compareWithLedger(name, diverging, listed, describe) {
  const now = new Set(Object.keys(diverging));
  const known = new Set(Object.keys(listed ?? {}));
  const added = [...now].filter((id) => !known.has(id));
  const fixed = [...known].filter((id) => !now.has(id));
  const lines = [];
  if (added.length) {
    lines.push(`${added.length} new divergences from PyTorch in ${name}:`);
    for (const id of added.slice(0, 10)) lines.push(describe(id));
  }
  if (fixed.length) {
    lines.push(`${fixed.length} programs of ${name} listed in known-divergences.json now match PyTorch: remove them (node scripts/known-divergences.mjs): ${fixed.slice(0, 20).join(', ')}`);
  }
  return lines.join('\n');
}
