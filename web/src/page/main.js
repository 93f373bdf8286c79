// The playground page: header actions, the editor with its language switch
// (Python | JavaScript), and the Output / Tensors / Graph panes, all driven by
// one runner session.
import { createEditor } from './editor.js';
import { OutputView } from './output-view.js';
import { TensorsView } from './tensors-view.js';
import { GraphView } from './graph-view.js';
import { createSession } from './session.js';
import { EXAMPLES, DEFAULT_EXAMPLE } from './examples.js';
import { parseHash, shareUrl, hashLanguage, LANGUAGES } from './share.js';
import { setupThemeToggle } from './theme.js';
import { setupTabs } from './tabs.js';
import { showToast } from './toast.js';
import { setupSplit } from './split.js';
import { setupExamplesMenu } from './examples-menu.js';

const CODE_KEY = 'gradlab.code';
const LANGUAGE_KEY = 'gradlab.language';
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
// until Run is pressed. Each language has its own draft; the language shown
// is remembered with them (Python on a first visit; a link's own language).
const hash = parseHash();
const shared = hash.code;
const sharedLanguage = hashLanguage(hash);
const draftBase = shared !== undefined ? `${CODE_KEY}.link.${hashText(shared)}` : CODE_KEY;
const draftKey = (language) => (language === 'python' ? `${draftBase}.python` : draftBase);
const languageKey = shared !== undefined ? `${draftBase}.language` : LANGUAGE_KEY;
const storedLanguage = store.get(languageKey);
let language = LANGUAGES.includes(storedLanguage) ? storedLanguage : shared !== undefined ? sharedLanguage : 'python';

function codeFor(lang) {
  const draft = store.get(draftKey(lang));
  if (draft !== null) return draft;
  if (shared !== undefined && lang === sharedLanguage) return shared;
  return EXAMPLES.find((e) => e.id === DEFAULT_EXAMPLE[lang]).code;
}

let saveTimer = 0;
const saveDraft = () => {
  clearTimeout(saveTimer);
  store.set(draftKey(language), editor.code);
};
const editor = createEditor($('editor'), {
  doc: codeFor(language),
  language,
  onRun: () => session.run(),
  onChange: () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveDraft, 250);
  },
});

// The switch keeps the draft of the language left and opens the other's.
const languageButtons = [...document.querySelectorAll('#language [data-language]')];
function showLanguage() {
  document.body.dataset.language = language;
  for (const b of languageButtons) {
    b.setAttribute('aria-checked', String(b.dataset.language === language));
    b.tabIndex = b.dataset.language === language ? 0 : -1;
  }
}
function setLanguage(next, code = null) {
  if (next === language && code === null) return;
  if (next !== language) {
    saveDraft();
    language = next;
    store.set(languageKey, language);
    editor.language = language;
  }
  editor.code = code ?? codeFor(language);
  if (code !== null) store.set(draftKey(language), code);
  showLanguage();
  session.runner.prepare(language);
}
for (const b of languageButtons) b.addEventListener('click', () => setLanguage(b.dataset.language));
document.getElementById('language').addEventListener('keydown', (e) => {
  // A radio group: arrow keys move the choice.
  if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(e.key)) return;
  e.preventDefault();
  const next = LANGUAGES[(LANGUAGES.indexOf(language) + 1) % LANGUAGES.length];
  setLanguage(next);
  languageButtons.find((b) => b.dataset.language === next).focus();
});
showLanguage();
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
  language: () => language,
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
// Python loads as soon as the editor shows it (here, or at the switch), so
// that the first Run finds it ready; JavaScript mode never loads it.
session.runner.prepare(language);

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
  languages: { python: 'Python', javascript: 'JavaScript' },
  // Code that is empty or exactly an example is not the user's work.
  isEdited: () => editor.code.trim() !== '' && !EXAMPLES.some((e) => e.code === editor.code),
  onLoad(ex) {
    // An example that trains for a while raises the time limit it needs.
    if (ex.limit && Number(limit.value) < ex.limit) {
      limit.value = String(ex.limit);
      applyLimit();
    }
    setLanguage(ex.language, ex.code);
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
  const url = shareUrl(editor.code, language);
  history.replaceState(null, '', url);
  try {
    await navigator.clipboard.writeText(url);
    showToast('Link copied — it opens this code without running it.');
  } catch {
    showToast('The link is in the address bar — copy it from there.');
  }
});

setupThemeToggle($('theme'));
