// A short-lived message at the bottom of the page (e.g. "Link copied").
let timer = 0;

export function showToast(text, ms = 2600) {
  const el = document.getElementById('toast');
  el.textContent = text;
  el.hidden = false;
  el.classList.add('visible');
  clearTimeout(timer);
  timer = setTimeout(() => {
    el.classList.remove('visible');
    el.hidden = true;
  }, ms);
}
