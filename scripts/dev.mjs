// `npm run dev`: WXT's dev server with a browser, after checking the browser can start here.
import { spawn } from 'node:child_process';
import { URL, fileURLToPath } from 'node:url';
import { devProblem, nodeProblem, targetBrowser } from '../support/environment.mjs';

const args = process.argv.slice(2);
const problem =
  nodeProblem(process.version) ??
  devProblem({ platform: process.platform, uid: process.getuid?.() ?? -1, env: process.env, browser: targetBrowser(args) });
if (problem) {
  console.error(problem);
  process.exit(1);
}
const wxt = fileURLToPath(new URL('../node_modules/wxt/bin/wxt.mjs', import.meta.url));
const child = spawn(process.execPath, [wxt, ...args], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
