/**
 * Read-aloud, split in two: pure text chunking (tested on its own) and a small player over the
 * Web Speech API that reads one block (paragraph, heading, list item) at a time so the reader can
 * highlight it.
 */
import { collapseSpace } from '../text';

/** Blocks a listener hears, in reading order. Captions and code are skipped: they read badly. */
const SPOKEN_BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, dd, dt, td, th';

/** The innermost-first list of blocks with text, never a block and its own child twice. */
export function speakableBlocks(root: Element): Element[] {
  const blocks: Element[] = [];
  for (const element of Array.from(root.querySelectorAll(SPOKEN_BLOCKS))) {
    if (element.closest('figcaption, pre, code, figure figcaption')) continue;
    if (!element.textContent?.trim()) continue;
    // A blockquote or list item wrapping paragraphs is read through its paragraphs.
    if (element.querySelector(SPOKEN_BLOCKS)) continue;
    blocks.push(element);
  }
  return blocks;
}

const SENTENCE_END = /(?<=[.!?…。！？؟]["'”’»)\]]*)\s+/u;

/**
 * Long utterances are cut off by some engines (Chrome stops after ~15 s), so a block is spoken
 * as sentences grouped up to `max` characters; a sentence longer than that is split at spaces.
 */
export function chunkForSpeech(text: string, max = 220): string[] {
  const clean = collapseSpace(text);
  if (!clean) return [];
  const pieces: string[] = [];
  for (const sentence of clean.split(SENTENCE_END)) {
    if (sentence.length <= max) {
      pieces.push(sentence);
      continue;
    }
    let line = '';
    for (const word of sentence.split(' ')) {
      if (line && line.length + 1 + word.length > max) {
        pieces.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) pieces.push(line);
  }
  const chunks: string[] = [];
  for (const piece of pieces) {
    const last = chunks.at(-1);
    if (last !== undefined && last.length + 1 + piece.length <= max) chunks[chunks.length - 1] = `${last} ${piece}`;
    else chunks.push(piece);
  }
  return chunks;
}

export interface VoiceLike {
  lang: string;
  name: string;
  default?: boolean;
  localService?: boolean;
}

/** A voice for the article's language: exact tag, then same language, preferring local voices. */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], lang: string | null): V | null {
  if (!lang) return null;
  const wanted = lang.toLowerCase().replace('_', '-');
  const base = wanted.split('-')[0];
  const score = (voice: V) => {
    const tag = voice.lang.toLowerCase().replace('_', '-');
    if (tag === wanted) return 3;
    if (tag.split('-')[0] === base) return 2;
    return 0;
  };
  let best: V | null = null;
  let bestScore = 0;
  for (const voice of voices) {
    const value = score(voice) + (voice.localService ? 0.5 : 0) + (voice.default ? 0.25 : 0);
    if (score(voice) > 0 && value > bestScore) {
      best = voice;
      bestScore = value;
    }
  }
  return best;
}

export const SPEECH_RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

export type ReadAloudState = 'idle' | 'playing' | 'paused';

/** The part of `speechSynthesis` the player uses: tests pass a fake. */
export interface SpeechEngine {
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
  pause(): void;
  resume(): void;
  getVoices(): SpeechSynthesisVoice[];
}

export interface ReadAloudOptions {
  engine: SpeechEngine;
  makeUtterance: (text: string) => SpeechSynthesisUtterance;
  lang: string | null;
  onChange: (state: ReadAloudState, block: number | null) => void;
  /** The engine could not speak (no voice installed, blocked, ...): `error` is its error code. */
  onError?: (error: string) => void;
}

/**
 * Plays blocks in order from a given one. Each utterance carries a generation number: a
 * cancelled utterance's late `end` event (Chrome fires them) must not advance the new run.
 */
export class ReadAloud {
  private state: ReadAloudState = 'idle';
  private block: number | null = null;
  private chunk = 0;
  private generation = 0;
  private rate = 1;

  constructor(
    private readonly blocks: readonly string[],
    private readonly options: ReadAloudOptions,
  ) {}

  get current(): { state: ReadAloudState; block: number | null; rate: number } {
    return { state: this.state, block: this.block, rate: this.rate };
  }

  play(fromBlock = this.block ?? 0): void {
    if (this.state === 'paused' && fromBlock === this.block) {
      this.options.engine.resume();
      this.set('playing', this.block);
      return;
    }
    this.start(fromBlock, 0);
  }

  pause(): void {
    if (this.state !== 'playing') return;
    this.options.engine.pause();
    this.set('paused', this.block);
  }

  stop(): void {
    this.generation++;
    this.options.engine.cancel();
    this.set('idle', null);
  }

  /** A new speed applies from the start of the current sentence group. */
  setRate(rate: number): void {
    this.rate = rate;
    if (this.state === 'playing' && this.block !== null) this.start(this.block, this.chunk);
  }

  private start(block: number, chunk: number): void {
    this.generation++;
    this.options.engine.cancel();
    this.speakFrom(block, chunk, this.generation);
  }

  private speakFrom(block: number, chunk: number, generation: number): void {
    if (generation !== this.generation) return;
    const chunksOf = (index: number) => chunkForSpeech(this.blocks[index] ?? '');
    let b = block;
    let c = chunk;
    let chunks = chunksOf(b);
    while (b < this.blocks.length && c >= chunks.length) {
      b++;
      c = 0;
      chunks = chunksOf(b);
    }
    const text = chunks[c];
    if (b >= this.blocks.length || text === undefined) {
      this.set('idle', null);
      return;
    }
    this.block = b;
    this.chunk = c;
    const utterance = this.options.makeUtterance(text);
    utterance.rate = this.rate;
    if (this.options.lang) utterance.lang = this.options.lang;
    const voice = pickVoice(this.options.engine.getVoices(), this.options.lang);
    if (voice) utterance.voice = voice;
    utterance.onend = () => this.speakFrom(b, c + 1, generation);
    utterance.onerror = (event) => {
      // "interrupted"/"canceled" come from our own cancel(); anything else stops the run.
      if (generation !== this.generation) return;
      const error = (event as SpeechSynthesisErrorEvent).error;
      if (error === 'interrupted' || error === 'canceled') return;
      this.set('idle', null);
      this.options.onError?.(error);
    };
    this.set('playing', b);
    this.options.engine.speak(utterance);
  }

  private set(state: ReadAloudState, block: number | null): void {
    this.state = state;
    this.block = block;
    this.options.onChange(state, block);
  }
}

/** Where voices come from: `speechSynthesis`, or a fake in tests. */
export interface VoiceSource {
  getVoices(): readonly unknown[];
  addEventListener(type: 'voiceschanged', listener: () => void): void;
  removeEventListener(type: 'voiceschanged', listener: () => void): void;
}

/**
 * Calls `onChange` with whether the browser has any voice now, and again whenever its list
 * changes (Chromium fills it after page load): Listen is offered only when something can speak.
 */
export function watchVoices(source: VoiceSource | null, onChange: (hasVoice: boolean) => void): () => void {
  if (!source) {
    onChange(false);
    return () => {};
  }
  const check = () => onChange(source.getVoices().length > 0);
  source.addEventListener('voiceschanged', check);
  check();
  return () => source.removeEventListener('voiceschanged', check);
}
