// The playground page: header actions, editor, and the Output / Tensors /
// Graph panes, all driven by one runner session.
import { createEditor } from './editor.js';
import { OutputView } from './output-view.js';
import { TensorsView } from './tensors-view.js';
import { GraphView } from './graph-view.js';
import { createSession } from './session.js';
import { EXAMPLES, DEFAULT_EXAMPLE } from './examples.js';
import { parseHash, shareUrl } from './share.js';
import { setupThemeToggle } from './theme.js';
import { setupTabs } from './tabs.js';
import { showToast } from './toast.js';
import { setupSplit } from './split.js';

const CODE_KEY = 'gradlab.code';
const LIMIT_KEY = 'gradlab.timeLimit';
const SPLIT_KEY = 'gradlab.split';
const $ = (id) => document.getElementById(id);

const store = {
  get: (k) => { try { return localStorage.getItem(k); } catch { return null; } },
  set: (k, v) => { try { localStorage.setItem(k, v); } catch { /* storage disabled: nothing is remembered */ } },
};

// A shared link wins over the saved draft, and is never run until Run is pressed.
const shared = parseHash().code;
const initial = shared ?? store.get(CODE_KEY) ?? EXAMPLES.find((e) => e.id === DEFAULT_EXAMPLE).code;

let saveTimer = 0;
const editor = createEditor($('editor'), {
  doc: initial,
  onRun: () => session.run(),
  onChange: (code) => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => store.set(CODE_KEY, code), 250);
  },
  onEscape: () => $('run').focus(),
});
if (shared !== undefined) store.set(CODE_KEY, shared);
performance.mark('gradlab:editor-ready');
document.body.dataset.editor = 'ready';

const output = new OutputView($('output'), { onLineClick: (line) => editor.goToLine(line) });
const tensors = new TensorsView($('tensors'), $('tensor-count'));
const graph = new GraphView($('graph'));
const tabs = setupTabs(document.querySelector('.tabs'), (id) => {
  if (id === 'tab-graph') requestAnimationFrame(() => graph.fit());
});
setupSplit({
  workspace: document.querySelector('.workspace'),
  splitter: $('splitter'),
  maximise: $('maximise'),
  store,
  key: SPLIT_KEY,
  onResize: () => requestAnimationFrame(() => graph.fit()),
});

const STATUS = {
  loading: ['loading', 'Loading the engine…'],
  ready: ['ready', 'Ready'],
  running: ['running', 'Running…'],
  failed: ['error', 'The engine could not be loaded.'],
};
let lastResult = null;

function setStatus(state) {
  const [dot, text] = STATUS[state];
  // After a run, its outcome stays visible while a fresh worker loads.
  const outcome = (state === 'ready' || state === 'loading') && lastResult;
  $('status-dot').dataset.state = outcome ? lastResult.dot : dot;
  $('status').textContent = outcome ? lastResult.text : text;
  document.body.dataset.runner = state;
  $('run').disabled = state === 'failed';
  $('stop').disabled = state !== 'running';
}

const session = createSession({
  editor, output, tensors, graph,
  onState(state) {
    if (state === 'running') lastResult = null;
    setStatus(state);
  },
  onMessage(msg) {
    const ms = msg.ms !== undefined ? `${msg.ms < 1000 ? Math.round(msg.ms) + ' ms' : (msg.ms / 1000).toFixed(1) + ' s'}` : '';
    if (msg.type === 'done') lastResult = { dot: 'done', text: `Finished in ${ms}` };
    else if (msg.type === 'error') lastResult = { dot: 'error', text: msg.line ? `${msg.name || 'Error'} on line ${msg.line}` : (msg.name || 'Error') };
    else if (msg.type === 'stopped' && msg.reason !== 'restart') lastResult = { dot: 'stopped', text: `Stopped after ${ms}` };
    if (msg.type === 'error') tabs.select('tab-output');
    if (['done', 'error', 'stopped'].includes(msg.type)) document.body.dataset.runs = String(Number(document.body.dataset.runs || 0) + 1);
  },
});

$('run').addEventListener('click', () => session.run());
$('stop').addEventListener('click', () => session.stop());

const limit = $('time-limit');
limit.value = store.get(LIMIT_KEY) || limit.value;
const applyLimit = () => {
  const seconds = Math.min(600, Math.max(1, Number(limit.value) || 30));
  session.runner.timeLimitMs = seconds * 1000;
  store.set(LIMIT_KEY, String(seconds));
};
limit.addEventListener('change', applyLimit);
applyLimit();

const examples = $('examples');
examples.append(new Option('Examples…', ''));
for (const ex of EXAMPLES) examples.append(new Option(ex.title, ex.id));
examples.addEventListener('change', () => {
  const ex = EXAMPLES.find((e) => e.id === examples.value);
  if (!ex) return;
  editor.code = ex.code;
  examples.value = '';
  editor.focus();
});

$('share').addEventListener('click', async () => {
  const url = shareUrl(editor.code);
  history.replaceState(null, '', url);
  try {
    await navigator.clipboard.writeText(url);
    showToast('Link copied — it opens this code without running it.');
  } catch {
    showToast('The link is in the address bar — copy it from there.');
  }
});

setupThemeToggle($('theme'));
