// The Examples menu: a button that opens a list (WAI-ARIA menu button).
// Arrow keys only move through the list; an example loads on Enter, Space or
// a click, and replacing code the user has edited asks first. Examples are
// grouped by language, so a second language's examples join the same menu.
export function setupExamplesMenu({ button, menu, examples, languages, isEdited, onLoad }) {
  const items = [];
  const groups = new Map();
  for (const ex of examples) {
    const language = ex.language ?? 'javascript';
    if (!groups.has(language)) groups.set(language, []);
    groups.get(language).push(ex);
  }
  for (const [language, list] of groups) {
    if (groups.size > 1) {
      const head = document.createElement('li');
      head.setAttribute('role', 'presentation');
      head.className = 'menu-group';
      head.textContent = languages[language] ?? language;
      menu.append(head);
    }
    for (const ex of list) {
      const li = document.createElement('li');
      li.setAttribute('role', 'menuitem');
      li.tabIndex = -1;
      li.dataset.id = ex.id;
      li.textContent = ex.title;
      li.addEventListener('click', () => choose(ex));
      menu.append(li);
      items.push(li);
    }
  }

  const isOpen = () => !menu.hidden;
  const open = (focusIndex = 0) => {
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    items[(focusIndex + items.length) % items.length].focus();
  };
  const close = (refocus = true) => {
    if (!isOpen()) return;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (refocus) button.focus();
  };
  function choose(ex) {
    close();
    if (isEdited() && !confirm(`Replace your code with the “${ex.title}” example?`)) return;
    onLoad(ex);
  }

  button.addEventListener('click', () => (isOpen() ? close() : open()));
  button.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); open(0); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); open(-1); }
  });
  menu.addEventListener('keydown', (e) => {
    const i = items.indexOf(document.activeElement);
    const move = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: items.length - 1 }[e.key];
    if (move !== undefined) {
      e.preventDefault();
      items[(move + items.length) % items.length].focus();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      choose(examples.find((ex) => ex.id === items[i].dataset.id));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Tab') {
      close(false);
    }
  });
  document.addEventListener('pointerdown', (e) => {
    if (isOpen() && !menu.contains(e.target) && !button.contains(e.target)) close(false);
  });
}
