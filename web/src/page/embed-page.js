// embed.html: editor, Run and Output with minimal chrome, for iframes in
// tutorials, plus the Tensors and Graph panes when the block asks for them.
// Configured by the hash:
//   #code=…&lang=python&autorun=0|1&readonly=0|1&height=…&panes=tensors,graph&engine=<id>
// (lang: python, or JavaScript when absent)
// It runs only when autorun=1 or the reader presses Run, and reports its
// content height to the parent page so the iframe can fit it. With engine=<id>
// (set by embed.js) it shares the page's one engine instead of starting its own.
import { createEditor } from './editor.js';
import { OutputView } from './output-view.js';
import { createSession } from './session.js';
import { parseHash, shareUrl, hashLanguage } from './share.js';
import { setupTabs } from './tabs.js';
import { RemoteRunner } from './remote-runner.js';
import { Runner } from './runner.js';

const $ = (id) => document.getElementById(id);
const params = parseHash();
const code = params.code ?? '';
const language = hashLanguage(params);
document.body.dataset.language = language;
const autorun = params.autorun === '1';
const readOnly = params.readonly === '1';
const fixedHeight = Number(params.height) || 0;
const panes = new Set((params.panes ? decodeURIComponent(params.panes) : '').split(',').map((p) => p.trim()).filter(Boolean));
const engine = params.engine && /^[\w-]+$/.test(params.engine) ? params.engine : null;

const editor = createEditor($('editor'), {
  doc: code,
  language,
  readOnly,
  label: readOnly ? 'Code snippet (read-only)' : 'Code snippet',
  onRun: () => run(),
  onChange: () => { $('open').href = shareUrl(editor.code, language, new URL('./', location.href).href); },
});
$('open').href = shareUrl(code, language, new URL('./', location.href).href);
if (readOnly) {
  document.body.classList.add('readonly');
  $('readonly').hidden = false;
}

const wrap = $('output-wrap');
const output = new OutputView($('output'), { onLineClick: (line) => editor.goToLine(line) });
output.clear();
const status = $('status');

let tensors = null;
let graph = null;
if (panes.has('tensors') || panes.has('graph')) {
  $('embed-tabs').hidden = false;
  for (const name of ['tensors', 'graph']) $(`tab-${name}`).hidden = !panes.has(name);
  const tabs = setupTabs($('embed-tabs'), (id) => { if (id === 'tab-graph') requestAnimationFrame(() => graph?.fit()); });
  // The views load only for the blocks that show them.
  if (panes.has('tensors')) {
    const { TensorsView } = await import('./tensors-view.js');
    tensors = new TensorsView($('tensors'), $('tensor-count'));
  }
  if (panes.has('graph')) {
    const { GraphView } = await import('./graph-view.js');
    graph = new GraphView($('graph'));
  }
  tabs.select('tab-output');
}

const STATUS = { running: 'Running…', queued: 'Waiting for another example…', failed: 'The engine could not be loaded.' };
const session = createSession({
  editor, output, tensors, graph,
  language: () => language,
  createRunner: (handlers) => (engine ? new RemoteRunner(`gradlab-engine:${engine}`, handlers) : new Runner(handlers)),
  onState(state) {
    $('stop').hidden = state !== 'running' && state !== 'queued';
    document.body.dataset.runner = state;
    if (STATUS[state]) status.textContent = STATUS[state];
    else if (state === 'loading' && !document.body.dataset.runs) status.textContent = 'Loading the engine…';
    else if (state === 'ready' && !document.body.dataset.runs) status.textContent = '';
  },
  onMessage(msg) {
    if (!['done', 'error', 'stopped'].includes(msg.type)) return;
    document.body.dataset.runs = String(Number(document.body.dataset.runs || 0) + 1);
    status.textContent = msg.type === 'done' ? `Finished in ${Math.round(msg.ms)} ms` : msg.type === 'error' ? 'Error' : 'Stopped';
  },
});

function run() {
  wrap.hidden = false;
  session.run();
}

$('run').addEventListener('click', run);
$('stop').addEventListener('click', () => session.stop());
if (autorun) run();

if (fixedHeight) {
  document.documentElement.style.height = `${fixedHeight}px`;
  document.body.classList.add('fixed-height');
}

// The parent (web/embed.js) matches messages to its iframe by event.source.
const report = () => parent.postMessage({ type: 'gradlab:height', height: Math.ceil(document.querySelector('.embed-frame').getBoundingClientRect().height) }, '*');
new ResizeObserver(report).observe(document.querySelector('.embed-frame'));
