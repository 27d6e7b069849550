/**
 * Handing the page's main thread back between pieces of work: a task that runs long freezes the
 * page (input, scrolling, its own scripts), so work that must run on the page is cut into tasks.
 */

/** Resolves in a new task, queued at once (a MessageChannel: no timer clamping, as setTimeout has when nested). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Longest wait for a frame: a document that is visible but renders nothing (a window the system
 * keeps hidden) runs no animation frames either, and what waits must not wait forever.
 */
export const FRAME_WAIT_MS = 200;

/** Resolves after the frame that shows the current DOM has been painted (or FRAME_WAIT_MS without one). */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    // A rAF callback runs before paint; a task queued from it runs after.
    const afterTask = () => {
      if (done) return;
      done = true;
      void nextTask().then(resolve);
    };
    // A hidden tab paints nothing and runs no animation frames: do not wait for one.
    if (document.visibilityState === 'hidden') afterTask();
    else {
      requestAnimationFrame(afterTask);
      setTimeout(afterTask, FRAME_WAIT_MS);
    }
  });
}
