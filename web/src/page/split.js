// The editor | results split: a separator dragged with the pointer or moved
// with the arrow keys (WAI-ARIA window splitter), remembered across visits,
// and a button that gives the results the whole width.
const MIN_PERCENT = 20;
const MAX_PERCENT = 80;
const KEY_STEP = 5;

export function setupSplit({ workspace, splitter, maximise, store, key, onResize }) {
  let percent = Number(store.get(key)) || 51;
  const apply = () => {
    percent = Math.min(MAX_PERCENT, Math.max(MIN_PERCENT, percent));
    workspace.style.setProperty('--editor-width', `${percent}%`);
    splitter.setAttribute('aria-valuenow', String(Math.round(percent)));
    splitter.setAttribute('aria-valuemin', String(MIN_PERCENT));
    splitter.setAttribute('aria-valuemax', String(MAX_PERCENT));
    onResize();
  };
  const save = () => store.set(key, String(Math.round(percent)));

  splitter.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    e.preventDefault();
    splitter.setPointerCapture(e.pointerId);
    const box = workspace.getBoundingClientRect();
    const move = (m) => {
      percent = ((m.clientX - box.left) / box.width) * 100;
      apply();
    };
    const up = () => {
      splitter.removeEventListener('pointermove', move);
      splitter.removeEventListener('pointerup', up);
      save();
    };
    splitter.addEventListener('pointermove', move);
    splitter.addEventListener('pointerup', up);
  });
  splitter.addEventListener('keydown', (e) => {
    const step = { ArrowLeft: -KEY_STEP, ArrowRight: KEY_STEP }[e.key];
    if (step) percent += step;
    else if (e.key === 'Home') percent = MIN_PERCENT;
    else if (e.key === 'End') percent = MAX_PERCENT;
    else return;
    e.preventDefault();
    apply();
    save();
  });

  maximise.addEventListener('click', () => {
    const on = maximise.getAttribute('aria-pressed') !== 'true';
    maximise.setAttribute('aria-pressed', String(on));
    const label = on ? 'Restore the editor' : 'Maximise the results';
    maximise.setAttribute('aria-label', label);
    maximise.title = label;
    workspace.classList.toggle('results-maximised', on);
    onResize();
  });
  apply();
}
