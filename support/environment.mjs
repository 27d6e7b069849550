// Checks that say, before anything crashes, what this machine lacks for a command and what to do.
// Plain JavaScript on purpose: it must run on any Node, before the toolchain itself can.

/** The Node versions the toolchain runs on: Vite 8 and jsdom 29 need these (see README, "Set up"). */
export const SUPPORTED_NODE = '^20.19.0 || ^22.13.0 || >=24.0.0';

/** Why this Node cannot run Kliping's tools, or null when it can. */
export function nodeProblem(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  const ok = (major === 20 && minor >= 19) || (major === 22 && minor >= 13) || major >= 24;
  if (ok) return null;
  return `Node ${version} is not supported: Kliping's tools need Node ${SUPPORTED_NODE} (Vite 8 and jsdom 29 require it). Install Node 22 LTS (or 20.19+), then run the command again.`;
}

const BUILD_INSTEAD = [
  'Without it, build Kliping and load it yourself:',
  '  npm run build            (Firefox: npm run build:firefox)',
  '  Chromium: chrome://extensions → Developer mode → Load unpacked → .output/chrome-mv3',
  '  Firefox: about:debugging#/runtime/this-firefox → Load Temporary Add-on… → .output/firefox-mv2/manifest.json',
].join('\n');

/**
 * Why `npm run dev` cannot open a browser here, or null when it can. Both cases made Chromium
 * quit at once and WXT report only "Error: read ECONNRESET".
 */
export function devProblem({ platform, uid, env, browser }) {
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return `npm run dev opens a browser window, and this machine has no display (neither DISPLAY nor WAYLAND_DISPLAY is set: an SSH session, a container or CI).\n${BUILD_INSTEAD}\n(npm test needs no display: its browsers run headless.)`;
  }
  if (platform === 'linux' && uid === 0 && browser === 'chrome' && !env.KLIPING_DEV_NO_SANDBOX) {
    return `npm run dev is running as root, and Chromium refuses to start as root with its sandbox on.\nRun it as a normal user, or, on a machine you trust, start Chromium without its sandbox:\n  KLIPING_DEV_NO_SANDBOX=1 npm run dev\n${BUILD_INSTEAD}`;
  }
  return null;
}

/** The browser a `wxt` command line targets (`-b firefox`, `--browser=firefox`); Chromium by default. */
export function targetBrowser(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-b' || args[i] === '--browser') return args[i + 1] ?? 'chrome';
    if (args[i].startsWith('--browser=')) return args[i].slice('--browser='.length);
  }
  return 'chrome';
}
