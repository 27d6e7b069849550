import { unzipSync } from 'fflate';
import { ImportFormatError, type InputFile } from './model';

/** A zip bigger than this unpacked is refused rather than exhausting the page's memory. */
const MAX_UNPACKED_BYTES = 2 * 1024 ** 3;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The files in a zip (folders and macOS resource forks left out). */
export function unzip(file: InputFile): InputFile[] {
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(file.bytes, {
      filter: (entry) => {
        if (entry.name.endsWith('/') || entry.name.startsWith('__MACOSX/')) return false;
        total += entry.originalSize;
        if (total > MAX_UNPACKED_BYTES) throw new ImportFormatError({ file: file.name }, 'zipTooBig');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ImportFormatError) throw error;
    throw new ImportFormatError({ file: file.name }, 'zipDamaged');
  }
  return Object.entries(entries).map(([name, bytes]) => ({ name, bytes }));
}
