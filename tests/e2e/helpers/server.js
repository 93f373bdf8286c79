// Starts scripts/serve.mjs on a free port for a test file and stops it after.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVE = fileURLToPath(new URL('../../../scripts/serve.mjs', import.meta.url));

export function startServer(root) {
  const child = spawn(process.execPath, [SERVE, ...(root ? [root] : [])], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
      const m = /(http:\/\/localhost:\d+\/)/.exec(text);
      if (m) resolve({ url: m[1], close: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
}
