// A block's side of the page's shared engine (see engine-host.js): the same
// interface as Runner (run, stop, onMessage, onState), carried over a
// BroadcastChannel. The block is 'running' from run() until its own run ends,
// including while it waits behind another block's.
let counter = 0;

export class RemoteRunner {
  constructor(channelName, { onMessage, onState }) {
    this.onMessage = onMessage;
    this.onState = onState;
    this.block = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${counter++}`;
    this.running = false;
    this.engineState = 'loading';
    this.channel = new BroadcastChannel(channelName);
    this.channel.onmessage = ({ data }) => this.receive(data);
    this.channel.postMessage({ type: 'hello' });
    this.onState('loading');
  }

  receive(data) {
    if (data.type === 'state') {
      this.engineState = data.state;
      if (!this.running) this.onState(data.state);
    } else if (data.block !== this.block) {
      return;
    } else if (data.type === 'queued') {
      this.onState('queued');
    } else if (data.type === 'message') {
      const { msg } = data;
      // A restart is this block's own earlier run, replaced by the new one.
      if (msg.type === 'stopped' && msg.reason === 'restart') return;
      if (['done', 'error', 'stopped'].includes(msg.type)) {
        this.running = false;
        this.onMessage(msg);
        this.onState(this.engineState);
      } else {
        this.onMessage(msg);
      }
    }
  }

  run(code, { capture = true, language = 'javascript' } = {}) {
    this.running = true;
    this.onState('running');
    this.channel.postMessage({ type: 'run', block: this.block, code, capture, language });
  }

  stop() {
    if (this.running) this.channel.postMessage({ type: 'stop', block: this.block });
  }
}
