// The code editor: CodeMirror 6 in Python or JavaScript mode (switchable),
// themed by the page's CSS variables, with torch completions in both, Ctrl/Cmd+Enter to run, Tab to indent
// (Escape then Tab leaves the editor, as CodeMirror recommends for keyboard
// users), and a red mark on the line a runtime error came from.
import { basicSetup } from 'codemirror';
import { EditorView, keymap, Decoration } from '@codemirror/view';
import { EditorState, StateField, StateEffect, Prec, Compartment } from '@codemirror/state';
import { indentWithTab } from '@codemirror/commands';
import { HighlightStyle, syntaxHighlighting, syntaxTree, ensureSyntaxTree, indentUnit } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import { torchCompletionSource, pythonTorchCompletionSource } from './completions.js';

// Per language: syntax, torch completions, and the indent unit its code uses.
// Each grammar loads when its language is first shown (the editor is editable
// before), so a visit downloads only the one it uses.
const LANGUAGES = {
  async javascript() {
    const { javascript, javascriptLanguage } = await import('@codemirror/lang-javascript');
    return [javascript(), javascriptLanguage.data.of({ autocomplete: torchCompletionSource })];
  },
  async python() {
    const { python, pythonLanguage } = await import('@codemirror/lang-python');
    return [python(), pythonLanguage.data.of({ autocomplete: pythonTorchCompletionSource })];
  },
};
const INDENT = {
  javascript: [EditorState.tabSize.of(2), indentUnit.of('  ')],
  python: [EditorState.tabSize.of(4), indentUnit.of('    ')],
};

const setErrorLine = StateEffect.define();

const errorLineField = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const e of tr.effects) {
      if (e.is(setErrorLine)) {
        if (e.value === null) return Decoration.none;
        const line = tr.state.doc.line(Math.min(Math.max(1, e.value), tr.state.doc.lines));
        return Decoration.set([Decoration.line({ class: 'cm-error-line', attributes: { title: 'The error came from this line' } }).range(line.from)]);
      }
    }
    return tr.docChanged ? Decoration.none : marks.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

// Colours come from CSS variables, so one style serves both themes.
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.operatorKeyword, t.definitionKeyword], color: 'var(--syn-keyword)' },
  { tag: [t.string, t.special(t.string), t.regexp], color: 'var(--syn-string)' },
  { tag: [t.number, t.bool, t.null], color: 'var(--syn-number)' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: 'var(--syn-comment)', fontStyle: 'italic' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: 'var(--syn-function)' },
  { tag: [t.propertyName], color: 'var(--syn-property)' },
  { tag: [t.definition(t.variableName)], color: 'var(--syn-definition)' },
  { tag: [t.operator, t.punctuation, t.bracket], color: 'var(--syn-punct)' },
]);

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: 'var(--code-size)', backgroundColor: 'var(--editor-bg)', color: 'var(--text)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.6' },
  '.cm-content': { padding: '14px 0', caretColor: 'var(--accent)' },
  '.cm-line': { padding: '0 16px 0 8px' },
  '.cm-gutters': { backgroundColor: 'var(--editor-bg)', color: 'var(--text-faint)', border: 'none', paddingLeft: '6px' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent', color: 'var(--text-muted)' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--accent)', borderLeftWidth: '2px' },
  '&.cm-focused': { outline: 'none' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--selection) !important' },
  '.cm-error-line': { backgroundColor: 'var(--error-line)', boxShadow: 'inset 3px 0 0 var(--error)' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)', borderRadius: '8px', boxShadow: 'var(--shadow)' },
  '.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--mono)', fontSize: '13px' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--on-accent)' },
  '.cm-completionDetail': { color: 'var(--text-muted)', fontStyle: 'normal', marginLeft: '0.8em' },
  '.cm-completionInfo': { fontFamily: 'var(--sans)', maxWidth: '320px' },
  '.cm-matchingBracket': { backgroundColor: 'var(--bracket-match) !important', outline: 'none' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--surface-2)', border: 'none', color: 'var(--text-muted)' },
});

// language: 'python' or 'javascript'.
export function createEditor(parent, { doc, language = 'python', onRun, onChange = () => {}, readOnly = false, label = 'Code editor' }) {
  const languageSlot = new Compartment();
  let current = language;
  const load = (name) => LANGUAGES[name]().then((support) => {
    if (current === name) view.dispatch({ effects: languageSlot.reconfigure([support, INDENT[name]]) });
  });
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        basicSetup,
        languageSlot.of(INDENT[language]),
        syntaxHighlighting(highlight),
        theme,
        errorLineField,
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorState.readOnly.of(readOnly),
        EditorView.editable.of(!readOnly),
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { onRun(); return true; } }])),
        keymap.of([indentWithTab]),
        EditorView.updateListener.of((u) => { if (u.docChanged) onChange(u.state.doc.toString()); }),
      ],
    }),
  });
  load(language);
  return {
    view,
    get code() { return view.state.doc.toString(); },
    set code(text) { view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }); },
    get language() { return current; },
    set language(name) {
      current = name;
      view.dispatch({ effects: languageSlot.reconfigure(INDENT[name]) });
      load(name);
    },
    focus: () => view.focus(),
    markError(line) {
      view.dispatch({ effects: setErrorLine.of(line) });
      if (line) view.dispatch({ effects: EditorView.scrollIntoView(view.state.doc.line(Math.min(line, view.state.doc.lines)).from, { y: 'center' }) });
    },
    goToLine(line) {
      const l = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
      view.dispatch({ selection: { anchor: l.from }, scrollIntoView: true });
      view.focus();
    },
    // A syntax error from the worker has no position; the editor's own parse has one.
    firstSyntaxErrorLine() {
      const tree = ensureSyntaxTree(view.state, view.state.doc.length, 200) || syntaxTree(view.state);
      let at = null;
      tree.iterate({ enter: (n) => { if (at === null && n.type.isError) at = n.from; return at === null; } });
      return at === null ? null : view.state.doc.lineAt(at).number;
    },
  };
}
