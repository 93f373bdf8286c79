// Applies the remembered theme before first paint (a plain script in <head>,
// since the page's policy allows no inline scripts); src/theme.js owns the toggle.
try {
  var t = localStorage.getItem('gradlab.theme');
  if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
} catch (e) { /* storage can be disabled; the system preference applies */ }
