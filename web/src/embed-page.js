// embed.html: editor, Run and Output with minimal chrome, for iframes in
// tutorials. Configured by the hash: #code=…&autorun=0|1&readonly=0|1&height=…
// It runs only when autorun=1 or the reader presses Run, and reports its
// content height to the parent page so the iframe can fit it.
import { createEditor } from './editor.js';
import { OutputView } from './output-view.js';
import { createSession } from './session.js';
import { parseHash, shareUrl } from './share.js';

const $ = (id) => document.getElementById(id);
const params = parseHash();
const code = params.code ?? '';
const autorun = params.autorun === '1';
const fixedHeight = Number(params.height) || 0;

const editor = createEditor($('editor'), {
  doc: code,
  readOnly: params.readonly === '1',
  label: 'Code snippet',
  onRun: () => run(),
  onChange: () => { $('open').href = shareUrl(editor.code, new URL('./', location.href).href); },
});
$('open').href = shareUrl(code, new URL('./', location.href).href);

const wrap = $('output-wrap');
const output = new OutputView($('output'), { onLineClick: (line) => editor.goToLine(line) });
output.clear();
const status = $('status');

const session = createSession({
  editor, output,
  onState(state) {
    $('stop').hidden = state !== 'running';
    document.body.dataset.runner = state;
    if (state === 'running') status.textContent = 'Running…';
    else if (state === 'failed') status.textContent = 'The engine could not be loaded.';
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
