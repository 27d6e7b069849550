import { DYSLEXIC_FAMILY } from './prefs';

/** Shipped in public/ (OpenDyslexic, SIL OFL 1.1, from @fontsource/opendyslexic 5.3.0; licence beside it). */
export const DYSLEXIC_FONT_PATH = '/fonts/opendyslexic-regular.woff2';

const loading = new WeakMap<Document, Promise<boolean>>();

/**
 * Registers the dyslexia-friendly face with the document through the FontFace API, from bytes
 * rather than a URL: in a web page the bytes come from the background (the file is not exposed
 * to pages), and no page CSP rule or stylesheet is involved. Loaded once, and only when chosen.
 * Shadow roots use the document's fonts, so this reaches the reader's shadow tree.
 */
export function ensureDyslexicFont(loadBytes: () => Promise<ArrayBuffer>, doc: Document = document): Promise<boolean> {
  let pending = loading.get(doc);
  if (!pending) {
    pending = (async () => {
      try {
        const face = new FontFace(DYSLEXIC_FAMILY, await loadBytes(), { weight: '100 900', style: 'normal' });
        await face.load();
        doc.fonts.add(face);
        return true;
      } catch (error) {
        // The local fallbacks in the font stack still apply.
        console.warn('Kliping: the dyslexia-friendly font could not be loaded', error);
        loading.delete(doc);
        return false;
      }
    })();
    loading.set(doc, pending);
  }
  return pending;
}

export function base64ToBytes(base64: string): ArrayBuffer {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

export function bytesToBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
