// Wires a runner to the result views: routes worker messages, keeps the run
// status, and marks error lines in the editor. Shared by the playground and
// the embed page, which differ only in chrome.
import { Runner } from './runner.js';

// createRunner: a Runner, or anything with its interface (an embed's remote
// runner that shares one engine among the blocks of a page).
// language(): the editor's language, 'python' or 'javascript'.
export function createSession({
  editor, output, tensors, graph, language = () => 'javascript', onState = () => {}, onMessage = () => {},
  createRunner = (handlers) => new Runner(handlers),
}) {
  const runner = createRunner({
    onState,
    onMessage(msg) {
      switch (msg.type) {
        case 'progress': output.progress(msg); break;
        case 'log': output.appendLog(msg.chunks, msg.skipped); break;
        case 'late-error': output.error(msg); break;
        case 'result': output.result(msg.text); break;
        case 'tensor': tensors?.add(msg.tensor); break;
        case 'graph': graph?.add(msg.graph); break;
        case 'plot': output.plot(msg.series, msg.options); break;
        case 'error': {
          const line = msg.line ?? (msg.name === 'SyntaxError' ? editor.firstSyntaxErrorLine() : null);
          output.error({ ...msg, line });
          editor.markError(line);
          break;
        }
        case 'stopped':
          if (msg.reason !== 'restart') output.notice('Stopped.', 'warn');
          break;
        case 'done': break;
        default: break;
      }
      onMessage(msg);
    },
  });

  return {
    runner,
    run() {
      output.clear();
      tensors?.clear();
      graph?.clear();
      editor.markError(null);
      // No Graph pane, no graph recording: it costs the engine time for nothing.
      runner.run(editor.code, { capture: Boolean(graph), language: language() });
    },
    stop: () => runner.stop(),
  };
}
