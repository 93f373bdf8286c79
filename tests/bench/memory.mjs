// Memory steadiness: many B2 training steps must leave the engine's live
// tensors, their bytes and the WebAssembly heap where warm-up left them.
import { mlpProblem } from './data.mjs';

const WARMUP_STEPS = 20;

export async function memory(sides, steps) {
  const problem = mlpProblem();
  const out = {};
  for (const side of sides.filter((s) => s.memory)) {
    try {
      await side.activate();
      const before = side.memory();
      const inst = side.mlp(problem);
      for (let i = 0; i < WARMUP_STEPS; i++) inst.run();
      const warm = side.memory();
      const t0 = performance.now();
      for (let i = 0; i < steps; i++) inst.run();
      const seconds = (performance.now() - t0) / 1000;
      const after = side.memory();
      inst.dispose();
      const disposed = side.memory();
      const flat = after.tensors === warm.tensors && after.bytes === warm.bytes
        && (after.heapBytes ?? 0) <= (warm.heapBytes ?? 0);
      out[side.name] = { steps, seconds, before, warm, after, disposed, flat };
    } catch (err) {
      out[side.name] = { error: err.message };
    }
  }
  return out;
}
