// Generates the editor's autocompletion lists at build time from the package's
// TypeScript declarations, so completions follow the API instead of a
// hand-kept list. Exposed as the virtual module 'virtual:torch-completions':
//   export default { scopes: { torch: [...], 'torch.nn': [...], F: [...], tensor: [...], ... } }
// Each entry is { label, type: 'function' | 'property' | 'class' | 'namespace', detail, info }.
import { existsSync } from 'node:fs';
import ts from 'typescript';

const VIRTUAL_ID = 'virtual:torch-completions';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
const MAX_DEPTH = 3;

function firstSentence(text) {
  const line = text.split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim();
  const end = line.search(/\.(\s|$)/);
  return end > 0 ? line.slice(0, end + 1) : line;
}

function describe(checker, symbol, location) {
  const type = checker.getTypeOfSymbolAtLocation(symbol, location);
  const calls = type.getCallSignatures();
  const isClass = type.getConstructSignatures().length > 0 || (symbol.flags & ts.SymbolFlags.Class) !== 0;
  let kind = 'property';
  let detail = '';
  if (isClass) kind = 'class';
  else if (calls.length) {
    kind = 'function';
    detail = checker.signatureToString(calls[0]).replace(/\s+/g, ' ');
  } else if (type.getProperties().length && (symbol.flags & (ts.SymbolFlags.Module | ts.SymbolFlags.Namespace))) kind = 'namespace';
  else detail = checker.typeToString(type);
  if (detail.length > 80) detail = detail.slice(0, 77) + '…';
  const info = firstSentence(ts.displayPartsToString(symbol.getDocumentationComment(checker)));
  return { entry: { label: symbol.getName(), type: kind, detail, info }, type, isClass, calls };
}

function membersOf(checker, type, location) {
  return checker.getPropertiesOfType(type)
    .filter((s) => !s.getName().startsWith('_') && !s.getName().startsWith('__@'))
    .map((s) => ({ symbol: s, ...describe(checker, s, location) }));
}

// Walks one exported value and its nested namespaces (torch.nn, torch.optim, ...).
function collect(checker, scopes, path, type, location, depth) {
  const members = membersOf(checker, type, location);
  if (!members.length) return;
  scopes[path] = members.map((m) => m.entry);
  if (depth >= MAX_DEPTH) return;
  for (const m of members) {
    // Only plain namespaces (torch.nn, torch.autograd), not strings like torch.float32.
    if (m.isClass || m.calls.length || !(m.type.flags & ts.TypeFlags.Object)) continue;
    if (m.type.getProperties().length > 2) collect(checker, scopes, `${path}.${m.entry.label}`, m.type, location, depth + 1);
  }
}

// Tensor members come from the return type of torch.zeros (whatever the class is called).
function tensorType(checker, torchType, location) {
  const zeros = torchType.getProperty('zeros');
  if (!zeros) return null;
  const sig = checker.getTypeOfSymbolAtLocation(zeros, location).getCallSignatures()[0];
  return sig ? checker.getReturnTypeOfSignature(sig) : null;
}

export function buildCompletions(dtsPath) {
  const program = ts.createProgram([dtsPath], { noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(dtsPath);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return { scopes: {} };
  const scopes = {};
  const globals = [];
  for (const exp of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
    if (!(symbol.flags & (ts.SymbolFlags.Value))) continue;
    if (exp.getName() === 'default') continue;
    const { entry, type } = describe(checker, symbol, source);
    entry.label = exp.getName();
    globals.push(entry);
    if (exp.getName() === 'torch') {
      collect(checker, scopes, 'torch', type, source, 1);
      const tensor = tensorType(checker, type, source);
      if (tensor) scopes.tensor = membersOf(checker, tensor, source).map((m) => m.entry);
    } else if (entry.type === 'namespace' || entry.type === 'property' && type.getProperties().length) {
      scopes[exp.getName()] = membersOf(checker, type, source).map((m) => m.entry);
    }
  }
  if (scopes['torch.nn.functional']) scopes.F = scopes['torch.nn.functional'];
  scopes.global = globals;
  return { scopes };
}

export default function torchCompletions(dtsPath) {
  return {
    name: 'gradlab-torch-completions',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      let data = { scopes: {} };
      if (existsSync(dtsPath)) {
        this.addWatchFile(dtsPath);
        data = buildCompletions(dtsPath);
      } else {
        this.warn(`${dtsPath} not found: the editor gets no torch completions`);
      }
      return `export default ${JSON.stringify(data)};`;
    },
  };
}
