// @vitest-environment node
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser, requireBrowser } from '../../support/browser/binaries';

/** A folder holding executables of these names, as a PATH entry would. */
function binDir(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'kliping-bin-'));
  for (const name of names) {
    writeFileSync(join(dir, name), '#!/bin/sh\n');
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

describe('where the browsers are', () => {
  it('takes CHROMIUM_PATH and FIREFOX_PATH first', () => {
    const dir = binDir('chromium', 'my-chrome', 'my-firefox');
    expect(findBrowser('chromium', { CHROMIUM_PATH: join(dir, 'my-chrome'), PATH: dir })).toBe(join(dir, 'my-chrome'));
    expect(findBrowser('firefox', { FIREFOX_PATH: join(dir, 'my-firefox'), PATH: '' })).toBe(join(dir, 'my-firefox'));
  });

  it('else looks up the usual names on PATH, in order', () => {
    const empty = binDir();
    const chrome = binDir('google-chrome');
    const both = binDir('chromium-browser', 'firefox');
    const esr = binDir('firefox-esr');
    expect(findBrowser('chromium', { PATH: [empty, chrome].join(delimiter) })).toBe(join(chrome, 'google-chrome'));
    expect(findBrowser('chromium', { PATH: [chrome, both].join(delimiter) })).toBe(join(both, 'chromium-browser'));
    expect(findBrowser('firefox', { PATH: [both, esr].join(delimiter) })).toBe(join(esr, 'firefox-esr'));
    // A file that is not executable is not a browser.
    const plain = mkdtempSync(join(tmpdir(), 'kliping-bin-'));
    writeFileSync(join(plain, 'chromium'), '');
    expect(findBrowser('chromium', { PATH: plain })).toBeNull();
  });

  it('says what to set or install when there is none', () => {
    const empty = binDir();
    expect(() => requireBrowser('chromium', { PATH: empty })).toThrow(/No chromium found: set CHROMIUM_PATH .* chromium, chromium-browser, google-chrome/);
    expect(() => requireBrowser('firefox', { PATH: empty })).toThrow(/No firefox found: set FIREFOX_PATH .* firefox-esr, firefox on PATH/);
    expect(() => requireBrowser('firefox', { FIREFOX_PATH: join(empty, 'nothing'), PATH: '' })).toThrow(/FIREFOX_PATH is set to .*nothing, which is not an executable file/);
  });
});
