import * as G from './refs/gradlab.mjs';
import * as D from './data.mjs';
const [g] = await G.open();
const which = process.argv[2];
const inst = which === 'b1' ? g.chain(333) : which === 'b2' ? g.mlp(D.mlpProblem()) : g.matmul(D.matmulProblem(512));
const t0 = performance.now(); let n = 0;
while (performance.now() - t0 < 4000) { inst.run(); n++; }
console.log(which, (performance.now() - t0) / n, 'ms/run');
