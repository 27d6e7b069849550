// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint, FRAME_WAIT_MS, nextTask } from '@/utils/core/tasks';

describe('handing the main thread back', () => {
  afterEach(() => vi.restoreAllMocks());

  it('nextTask resolves in a new task: the microtasks queued after it run first', async () => {
    const order: string[] = [];
    const next = nextTask().then(() => order.push('next task'));
    void Promise.resolve()
      .then(() => order.push('microtask'))
      .then(() => order.push('its microtask'));
    await next;
    expect(order).toEqual(['microtask', 'its microtask', 'next task']);
  });

  it('afterNextPaint waits for an animation frame, then one task more', async () => {
    let frame: FrameRequestCallback | null = null;
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
      frame = callback;
      return 1;
    });
    let resolved = false;
    const painted = afterNextPaint().then(() => (resolved = true));
    await nextTask();
    expect(resolved).toBe(false);
    frame!(0);
    await painted;
    expect(resolved).toBe(true);
  });

  it('afterNextPaint does not wait forever for a frame that never comes (a visible document that renders nothing)', async () => {
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 1);
    const started = performance.now();
    await afterNextPaint();
    expect(performance.now() - started).toBeGreaterThanOrEqual(FRAME_WAIT_MS - 5);
  });
});
