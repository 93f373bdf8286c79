// One engine for every embedded block of a tutorial page. embed.js adds a
// hidden engine.html iframe per page; it owns the only runner worker, and the
// blocks (embed.html iframes of the same origin) talk to it over a
// BroadcastChannel named for the page. Runs are queued and execute one at a
// time, each from a fresh state (see run-state.js), so blocks cannot see each
// other's variables. Stop or the time limit of one block restarts the worker
// and the queue carries on.
//
// block → host: hello | run {block, code, capture, language} | stop {block}
// host → blocks: state {state} | message {block, msg} | queued {block}
import { Runner } from './runner.js';

export function hostEngine(channelName) {
  const channel = new BroadcastChannel(channelName);
  const queue = [];
  let active = null;
  let state = 'loading';

  const runner = new Runner({
    onState(next) {
      // For the blocks the engine is ready while it runs: each knows whether the run is its own.
      state = next === 'running' ? 'ready' : next;
      channel.postMessage({ type: 'state', state });
      if (next === 'ready' && !runner.running) startNext();
    },
    onMessage(msg) {
      if (active === null) return;
      const block = active;
      if (['done', 'error', 'stopped'].includes(msg.type)) active = null;
      channel.postMessage({ type: 'message', block, msg });
    },
  });

  function startNext() {
    if (active !== null || runner.running || !queue.length) return;
    const job = queue.shift();
    active = job.block;
    runner.run(job.code, { capture: job.capture, language: job.language });
  }

  channel.onmessage = ({ data }) => {
    if (data.type === 'hello') {
      channel.postMessage({ type: 'state', state });
    } else if (data.type === 'run') {
      const waiting = queue.findIndex((j) => j.block === data.block);
      if (waiting >= 0) queue.splice(waiting, 1);
      if (active === data.block) runner.stop('restart');
      queue.push(data);
      if (active !== null || runner.running) channel.postMessage({ type: 'queued', block: data.block });
      startNext();
    } else if (data.type === 'stop') {
      const waiting = queue.findIndex((j) => j.block === data.block);
      if (waiting >= 0) {
        queue.splice(waiting, 1);
        channel.postMessage({ type: 'message', block: data.block, msg: { type: 'stopped', reason: 'stopped', ms: 0 } });
      } else if (active === data.block) {
        runner.stop();
      }
    }
  };
  channel.postMessage({ type: 'state', state });
}
