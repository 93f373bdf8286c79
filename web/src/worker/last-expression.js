// A notebook shows the value of a program's last line when that line is an
// expression. The runner rewrites such a line into `return (expr)`; it is
// only done when the code before it and the line alone each compile, so a
// line inside a loop, a call spread over lines or a declaration is left as is.
const NOT_AN_EXPRESSION = /^\s*(?:[{}]|(?:let|const|var|if|else|for|while|do|switch|try|catch|finally|function|async\s+function|class|return|throw|break|continue|import|export|debugger)\b)/;
// `a = 1`, `a.b += 2`: a notebook shows nothing for an assignment.
const ASSIGNMENT = /^\s*[\w$.[\]'"]+\s*(?:[-+*/%&|^]|\*\*|<<|>>>?|&&|\|\||\?\?)?=(?!=)/;

export function withLastExpression(code, compiles) {
  const lines = code.split('\n');
  let i = lines.length - 1;
  while (i >= 0 && /^\s*(?:\/\/.*)?$/.test(lines[i])) i -= 1;
  if (i < 0) return null;
  const expression = lines[i].replace(/\s*\/\/[^'"`]*$/, '').replace(/;\s*$/, '');
  if (NOT_AN_EXPRESSION.test(expression) || ASSIGNMENT.test(expression)) return null;
  const before = lines.slice(0, i).join('\n');
  const last = `return (${expression}\n);`;
  if (!compiles(before) || !compiles(last)) return null;
  return { code: i === 0 ? last : `${before}\n${last}`, expression: expression.trim() };
}
