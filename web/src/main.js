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
import { setupExamplesMenu } from './examples-menu.js';

const CODE_KEY = 'gradlab.code';
const LIMIT_KEY = 'gradlab.timeLimit';
const SPLIT_KEY = 'gradlab.split';
const $ = (id) => document.getElementById(id);

const store = {
  get: (k) => { try { return localStorage.getItem(k); } catch { return null; } },
  set: (k, v) => { try { localStorage.setItem(k, v); } catch { /* storage disabled: nothing is remembered */ } },
};

// A string's FNV-1a hash, to key a shared link's draft.
function hashText(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

// A shared link opens its code as a draft of its own: edits are kept across
// reloads of that link, and the user's own draft is left alone. Nothing runs
// until Run is pressed.
const shared = parseHash().code;
const draftKey = shared !== undefined ? `${CODE_KEY}.link.${hashText(shared)}` : CODE_KEY;
const initial = store.get(draftKey) ?? shared ?? EXAMPLES.find((e) => e.id === DEFAULT_EXAMPLE).code;

let saveTimer = 0;
const editor = createEditor($('editor'), {
  doc: initial,
  onRun: () => session.run(),
  onChange: (code) => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => store.set(draftKey, code), 250);
  },
});
performance.mark('gradlab:editor-ready');
document.body.dataset.editor = 'ready';

// On a phone the panes stack: after Run the reader is taken to the start of the output.
const narrow = matchMedia('(max-width: 860px)');
const output = new OutputView($('output'), { onLineClick: (line) => editor.goToLine(line), follow: () => !narrow.matches });
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
    if (narrow.matches && ['done', 'error'].includes(msg.type)) {
      $('pane-output').scrollTop = 0;
      document.querySelector('.results').scrollIntoView({ block: 'start' });
    }
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

setupExamplesMenu({
  button: $('examples'),
  menu: $('examples-menu'),
  examples: EXAMPLES,
  languages: { javascript: 'JavaScript' },
  // Code that is empty or exactly an example is not the user's work.
  isEdited: () => editor.code.trim() !== '' && !EXAMPLES.some((e) => e.code === editor.code),
  onLoad(ex) {
    editor.code = ex.code;
    editor.focus();
  },
});

// Ctrl/Cmd+Enter runs from anywhere on the page; ? opens the help (outside text fields).
const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.defaultPrevented) {
    e.preventDefault();
    session.run();
  } else if (e.key === '?' && !typing(document.activeElement) && !e.ctrlKey && !e.metaKey && !e.altKey) {
    e.preventDefault();
    openHelp();
  }
});

let help = null;
async function openHelp() {
  help ??= await import('./help.js');
  help.openHelp($('help-dialog'));
}
$('help').addEventListener('click', openHelp);

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
