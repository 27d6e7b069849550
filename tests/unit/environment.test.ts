import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_NODE, devProblem, nodeProblem, targetBrowser } from '../../support/environment.mjs';

describe('npm run dev on a machine that cannot open a browser', () => {
  const desktop = { platform: 'linux', uid: 1000, env: { DISPLAY: ':0' }, browser: 'chrome' };

  it('starts where there is a display and a normal user', () => {
    expect(devProblem(desktop)).toBeNull();
    expect(devProblem({ ...desktop, env: { WAYLAND_DISPLAY: 'wayland-0' } })).toBeNull();
    expect(devProblem({ ...desktop, platform: 'darwin', env: {} })).toBeNull();
  });

  it('says there is no display, and how to build and load Kliping without one', () => {
    const problem = devProblem({ ...desktop, env: {} })!;
    expect(problem).toContain('no display');
    expect(problem).toContain('npm run build');
    expect(problem).toContain('.output/chrome-mv3');
  });

  it('says Chromium will not start as root, and how to start it anyway', () => {
    const problem = devProblem({ ...desktop, uid: 0 })!;
    expect(problem).toContain('root');
    expect(problem).toContain('KLIPING_DEV_NO_SANDBOX=1 npm run dev');
    expect(devProblem({ ...desktop, uid: 0, env: { DISPLAY: ':0', KLIPING_DEV_NO_SANDBOX: '1' } })).toBeNull();
    // Firefox starts as root.
    expect(devProblem({ ...desktop, uid: 0, browser: 'firefox' })).toBeNull();
  });

  it('reads the browser from the wxt command line', () => {
    expect(targetBrowser([])).toBe('chrome');
    expect(targetBrowser(['-b', 'firefox'])).toBe('firefox');
    expect(targetBrowser(['--browser=firefox'])).toBe('firefox');
  });
});

describe('supported Node versions', () => {
  it('accepts the versions the toolchain runs on and names the rest', () => {
    for (const version of ['v20.19.0', 'v20.20.2', 'v22.13.0', 'v24.1.0', 'v25.0.0']) expect(nodeProblem(version), version).toBeNull();
    for (const version of ['v18.20.0', 'v20.18.1', 'v21.7.0', 'v22.12.0', 'v23.11.0']) expect(nodeProblem(version), version).toContain(SUPPORTED_NODE);
  });

  it('is what package.json declares, and this Node is one of them', () => {
    expect(JSON.parse(readFileSync('package.json', 'utf8')).engines.node).toBe(SUPPORTED_NODE);
    expect(nodeProblem(process.version)).toBeNull();
  });
});
