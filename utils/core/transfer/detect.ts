import { decodeText } from './common';
import { readCsvHeader } from './csv';
import { parseInstapaperCsv } from './instapaper';
import { parseKlipingJson } from './kliping-json';
import { ImportFormatError, type ImportBatch, type InputFile } from './model';
import { parseNetscape } from './netscape';
import { isOmnivoreExport, parseOmnivoreExport } from './omnivore';
import { isPocketCsvName, parsePocketExport } from './pocket';
import { isZip, unzip } from './zip';

export interface ParseEnv {
  now: number;
  /** The window whose DOMParser and DOMPurify read HTML (tests bring their own). */
  win?: Window & typeof globalThis;
}

/**
 * Any supported export, told apart by content rather than trusted by name: a zip (Pocket,
 * Omnivore, or one Kliping JSON), JSON (Kliping), CSV (Pocket or Instapaper by header), or HTML
 * (bookmarks). Everything is parsed and checked; nothing is written here.
 */
export function parseImport(inputs: readonly InputFile[], env: ParseEnv): ImportBatch {
  if (inputs.length === 0) throw new ImportFormatError({ file: '—' }, 'noFile');
  for (const input of inputs) {
    // Said before any format is guessed: an empty file or a false .zip is not a broken CSV.
    if (input.bytes.length === 0) throw new ImportFormatError({ file: input.name }, 'emptyFile');
    if (/\.zip$/i.test(input.name) && !isZip(input.bytes)) throw new ImportFormatError({ file: input.name }, 'notZip');
  }
  const files = inputs.flatMap((f) => (isZip(f.bytes) ? unzip(f) : [f]));
  const names = files.map((f) => f.name);
  if (isOmnivoreExport(names)) return parseOmnivoreExport(files, env.now, env.win);
  const kliping = klipingZip(files);
  if (kliping) return parseKlipingJson(decodeText(kliping.json.bytes, kliping.json.name), kliping.json.name, kliping.pictures);
  const pocketParts = files.filter((f) => isPocketCsvName(f.name));
  if (pocketParts.length > 0) {
    return parsePocketExport(
      pocketParts.map((f) => ({ name: f.name, text: decodeText(f.bytes, f.name) })),
      env.now,
    );
  }
  const [only, ...rest] = files;
  if (!only || rest.length > 0) {
    throw new ImportFormatError({ file: inputs[0]?.name ?? '—' }, 'oneFile');
  }
  return parseOne(only, env);
}

/** Kliping's own zip: one JSON document at the top, its pictures under `images/`. */
function klipingZip(files: readonly InputFile[]): { json: InputFile; pictures: Map<string, Uint8Array> } | null {
  const pictures = files.filter((f) => f.name.startsWith('images/'));
  const rest = files.filter((f) => !f.name.startsWith('images/'));
  const [json, ...others] = rest;
  if (!json || others.length > 0 || pictures.length === 0 || !/\.json$/i.test(json.name)) return null;
  return { json, pictures: new Map(pictures.map((f) => [f.name, f.bytes])) };
}

function parseOne(file: InputFile, env: ParseEnv): ImportBatch {
  const text = decodeText(file.bytes, file.name);
  if (text.trim() === '') throw new ImportFormatError({ file: file.name }, 'emptyFile');
  const head = text.trimStart().slice(0, 512);
  if (head.startsWith('{') || head.startsWith('[')) {
    return parseKlipingJson(text, file.name);
  }
  if (head.startsWith('<') || /\.html?$/i.test(file.name)) {
    const win = env.win ?? globalThis.window;
    return parseNetscape(text, file.name, env.now, new win.DOMParser());
  }
  return parseCsvExport(text, file.name, env.now);
}

/** Instapaper's header is fixed; anything else with a `url` column is read as Pocket's. */
function parseCsvExport(text: string, file: string, now: number): ImportBatch {
  const header = readCsvHeader(text);
  const lower = header.map((h) => h.toLowerCase());
  if (['url', 'title', 'selection', 'folder'].every((h) => lower.includes(h))) return parseInstapaperCsv(text, file, now);
  if (lower.includes('url')) return parsePocketExport([{ name: file, text }], now);
  // One column is no table at all: some other file, not a CSV export of another service.
  if (header.length < 2) throw new ImportFormatError({ file }, 'unknownFile');
  throw new ImportFormatError({ file, line: 1 }, 'unknownCsv', header.join(', '));
}
