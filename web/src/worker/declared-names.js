// Names for graph nodes from the user's own variables: a declaration
// `const w = <expr>` becomes `const w = NAME_FN((<expr>), 'w')`, over as many
// lines as the initializer spans and without adding any, so line numbers do
// not move. NAME_FN labels a tensor with its variable name and a module's
// parameters with their attribute paths (fc1.weight, 0.bias). A declaration
// is left alone unless the rewrite is certain to mean the same: one
// declarator, an initializer that compiles on its own and is not continued
// on the next line.
export const NAME_FN = '__gradlabName';
const DECLARATION = /^(\s*(?:const|let|var)\s+)([A-Za-z_$][\w$]*)(\s*=\s*)(.*)$/;
// A line's code and its ending: an optional semicolon and line comment.
const ENDING = /^(.*?)(;?\s*(?:\/\/.*)?)$/;
// A line that continues the expression above it (a.b\n  .c(), a\n  + b).
const CONTINUES = /^\s*(?:[.?:+\-*/%&|^,[(=<>]|\binstanceof\b|\bin\b)/;
const MAX_LINES = 40;

// A comma outside brackets and strings means several declarators.
function hasTopLevelComma(expr) {
  let depth = 0;
  let quote = null;
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i];
    if (quote) {
      if (ch === '\\') i += 1;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if ('([{'.includes(ch)) depth += 1;
    else if (')]}'.includes(ch)) depth -= 1;
    else if (ch === ',' && depth === 0) return true;
  }
  return false;
}

// The last line of the initializer that starts on lines[i], or -1.
function initializerEnd(lines, i, first, compiles) {
  for (let k = i; k < Math.min(lines.length, i + MAX_LINES); k++) {
    const [, body] = ENDING.exec(k === i ? first : lines[k]);
    const expr = [first, ...lines.slice(i + 1, k + 1)].slice(0, k - i + 1);
    expr[expr.length - 1] = body;
    const text = expr.join('\n');
    if (!text.trim() || hasTopLevelComma(text) || !compiles(`(${text}\n);`)) continue;
    const next = lines.slice(k + 1).find((l) => l.trim() && !/^\s*\/\//.test(l));
    if (next === undefined || !CONTINUES.test(next)) return k;
  }
  return -1;
}

export function nameDeclarations(code, compiles) {
  const lines = code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = DECLARATION.exec(lines[i]);
    if (!m) continue;
    const end = initializerEnd(lines, i, m[4], compiles);
    if (end < 0) continue;
    const [, body, ending] = ENDING.exec(end === i ? m[4] : lines[end]);
    if (end === i) {
      lines[i] = `${m[1]}${m[2]}${m[3]}${NAME_FN}((${body}), '${m[2]}')${ending}`;
    } else {
      lines[i] = `${m[1]}${m[2]}${m[3]}${NAME_FN}((${m[4]}`;
      lines[end] = `${body}), '${m[2]}')${ending}`;
    }
    i = end;
  }
  return lines.join('\n');
}
