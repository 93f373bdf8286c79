// Light/dark theme: follows prefers-color-scheme until the user picks one,
// then remembers the choice in localStorage.
const KEY = 'gradlab.theme';
const media = matchMedia('(prefers-color-scheme: dark)');

export function currentTheme() {
  return document.documentElement.dataset.theme || (media.matches ? 'dark' : 'light');
}

function label(button) {
  const next = currentTheme() === 'dark' ? 'light' : 'dark';
  button.setAttribute('aria-label', `Switch to ${next} theme`);
  button.title = `Switch to ${next} theme`;
}

export function setupThemeToggle(button, onChange = () => {}) {
  label(button);
  button.addEventListener('click', () => {
    const next = currentTheme() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try { localStorage.setItem(KEY, next); } catch { /* private mode: not remembered */ }
    label(button);
    onChange(next);
  });
  media.addEventListener('change', () => { label(button); onChange(currentTheme()); });
}
