import { describe, expect, it } from 'vitest';
import { chunkForSpeech, pickVoice, ReadAloud, speakableBlocks, watchVoices, type SpeechEngine, type VoiceSource } from '@/utils/core/reader/speech';

describe('chunkForSpeech', () => {
  it('keeps short text whole and groups sentences up to the limit', () => {
    expect(chunkForSpeech('  Satu   dua.  ')).toEqual(['Satu dua.']);
    expect(chunkForSpeech('')).toEqual([]);
    const text = 'Harga cabai naik. Petani senang! Pembeli mengeluh? Pasar ramai.';
    expect(chunkForSpeech(text, 40)).toEqual(['Harga cabai naik. Petani senang!', 'Pembeli mengeluh? Pasar ramai.']);
  });

  it('splits an overlong sentence at spaces, never mid-word, losing no word', () => {
    const words = Array.from({ length: 120 }, (_, i) => `kata${i}`);
    const chunks = chunkForSpeech(words.join(' '), 50);
    expect(chunks.every((chunk) => chunk.length <= 50)).toBe(true);
    expect(chunks.join(' ').split(' ')).toEqual(words);
  });

  it('splits Arabic sentences at the Arabic question mark', () => {
    expect(chunkForSpeech('هل هذا صحيح؟ نعم هذا صحيح.', 15)).toEqual(['هل هذا صحيح؟', 'نعم هذا صحيح.']);
  });
});

describe('speakableBlocks', () => {
  it('reads paragraphs, headings and list items once each, skipping captions and code', () => {
    const root = document.createElement('div');
    root.innerHTML = `
      <h2>Judul</h2><p>Satu.</p><p>  </p>
      <figure><img src="x.jpg"><figcaption><p>Foto: Antara</p></figcaption></figure>
      <blockquote><p>Kutipan.</p></blockquote>
      <ul><li>Butir</li><li><p>Butir dua</p></li></ul>
      <pre><p>code</p></pre>`;
    expect(speakableBlocks(root).map((el) => el.textContent)).toEqual(['Judul', 'Satu.', 'Kutipan.', 'Butir', 'Butir dua']);
  });
});

describe('pickVoice', () => {
  const voices = [
    { name: 'US', lang: 'en-US', localService: true, default: true },
    { name: 'ID remote', lang: 'id-ID', localService: false },
    { name: 'ID local', lang: 'id_ID', localService: true },
    { name: 'MY', lang: 'ms-MY', localService: true },
  ];
  it('prefers the exact language, then a local voice', () => {
    expect(pickVoice(voices, 'id-ID')?.name).toBe('ID local');
    expect(pickVoice(voices, 'id')?.name).toBe('ID local');
    expect(pickVoice(voices, 'en-GB')?.name).toBe('US');
    expect(pickVoice(voices, 'ar')).toBeNull();
    expect(pickVoice(voices, null)).toBeNull();
  });
});

/** Records what would be spoken; `finish()` plays the end of the current utterance. */
class FakeEngine implements SpeechEngine {
  spoken: SpeechSynthesisUtterance[] = [];
  log: string[] = [];
  speak(utterance: SpeechSynthesisUtterance) {
    this.spoken.push(utterance);
    this.log.push(`speak:${utterance.text}`);
  }
  cancel() {
    this.log.push('cancel');
  }
  pause() {
    this.log.push('pause');
  }
  resume() {
    this.log.push('resume');
  }
  getVoices() {
    return [{ name: 'ID', lang: 'id-ID', localService: true, default: false, voiceURI: 'id' } as SpeechSynthesisVoice];
  }
  finish(index = this.spoken.length - 1) {
    const utterance = this.spoken[index]!;
    utterance.onend?.(new Event('end') as SpeechSynthesisEvent);
  }
}

function player(blocks: string[]) {
  const engine = new FakeEngine();
  const changes: Array<[string, number | null]> = [];
  const errors: string[] = [];
  const makeUtterance = (text: string) => ({ text, rate: 1, lang: '', voice: null, onend: null, onerror: null }) as unknown as SpeechSynthesisUtterance;
  const reader = new ReadAloud(blocks, {
    engine,
    makeUtterance,
    lang: 'id-ID',
    onChange: (state, block) => changes.push([state, block]),
    onError: (error) => errors.push(error),
  });
  return { engine, changes, errors, reader };
}

describe('ReadAloud', () => {
  it('reads block after block in the article language, reporting the block being read', () => {
    const { engine, changes, reader } = player(['Satu.', 'Dua.']);
    reader.play();
    expect(engine.spoken[0]).toMatchObject({ text: 'Satu.', lang: 'id-ID' });
    expect(engine.spoken[0]!.voice?.lang).toBe('id-ID');
    engine.finish();
    expect(engine.spoken[1]!.text).toBe('Dua.');
    engine.finish();
    expect(changes).toEqual([
      ['playing', 0],
      ['playing', 1],
      ['idle', null],
    ]);
  });

  it('pauses and resumes in place; a new speed restarts the current sentence at that speed', () => {
    const { engine, reader } = player(['Satu.', 'Dua.']);
    reader.play();
    reader.pause();
    expect(reader.current).toMatchObject({ state: 'paused', block: 0 });
    reader.play();
    expect(engine.log.slice(-1)).toEqual(['resume']);
    reader.setRate(1.5);
    const last = engine.spoken.at(-1)!;
    expect(last).toMatchObject({ text: 'Satu.', rate: 1.5 });
  });

  it('stops and reports an engine failure, but not its own cancellations', () => {
    const { engine, errors, reader } = player(['Satu.', 'Dua.']);
    reader.play();
    engine.spoken[0]!.onerror?.({ error: 'interrupted' } as SpeechSynthesisErrorEvent);
    expect(reader.current.state).toBe('playing');
    engine.spoken[0]!.onerror?.({ error: 'synthesis-failed' } as SpeechSynthesisErrorEvent);
    expect(reader.current.state).toBe('idle');
    expect(errors).toEqual(['synthesis-failed']);
  });

  it('ignores the late end event of a cancelled utterance', () => {
    const { engine, reader } = player(['Satu.', 'Dua.', 'Tiga.']);
    reader.play();
    reader.play(2); // jump: cancels "Satu."
    engine.finish(0); // Chrome delivers the cancelled one's end afterwards
    expect(engine.spoken.map((u) => u.text)).toEqual(['Satu.', 'Tiga.']);
    expect(reader.current.block).toBe(2);
    reader.stop();
    expect(reader.current).toMatchObject({ state: 'idle', block: null });
  });
});

describe('watchVoices', () => {
  function fakeSource(voices: unknown[]) {
    const listeners = new Set<() => void>();
    const source: VoiceSource = {
      getVoices: () => voices,
      addEventListener: (_type, listener) => listeners.add(listener),
      removeEventListener: (_type, listener) => listeners.delete(listener),
    };
    return { source, voices, fire: () => listeners.forEach((listener) => listener()), listeners };
  }

  it('offers Listen only once a voice exists, and follows the list as it changes', () => {
    const fake = fakeSource([]);
    const seen: boolean[] = [];
    const stop = watchVoices(fake.source, (has) => seen.push(has));
    expect(seen).toEqual([false]);
    fake.voices.push({ lang: 'en-US' });
    fake.fire();
    expect(seen).toEqual([false, true]);
    stop();
    expect(fake.listeners.size).toBe(0);
  });

  it('says no voice where the browser has no speech synthesis at all', () => {
    const seen: boolean[] = [];
    watchVoices(null, (has) => seen.push(has));
    expect(seen).toEqual([false]);
  });
});
