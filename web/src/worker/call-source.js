// The source text of a call's arguments, read from the user's line: print()
// titles a tensor by the expression it was given and shows x.shape as
// torch.Size. Strings, brackets and template literals are skipped over.
export function callArguments(line, fnName) {
  const m = new RegExp(`(?:^|[^\\w$.])${fnName}\\s*\\(`).exec(line);
  if (!m) return null;
  const args = [];
  let depth = 0;
  let quote = null;
  let start = m.index + m[0].length;
  for (let i = start; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === '\\') i += 1;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      quote = ch;
    } else if ('([{'.includes(ch)) {
      depth += 1;
    } else if (')]}'.includes(ch)) {
      if (depth === 0) {
        args.push(line.slice(start, i).trim());
        return args.filter((a, k) => a || k < args.length - 1);
      }
      depth -= 1;
    } else if (ch === ',' && depth === 0) {
      args.push(line.slice(start, i).trim());
      start = i + 1;
    }
  }
  return null;
}
