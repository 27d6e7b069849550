import { appendFileSync, writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';

/*
 * Long tasks as the renderer itself records them, for the benchmarks: a Chrome trace (CDP
 * `Tracing`) of every task (`RunTask`) on the main thread of the process that renders a page,
 * with its wall time (`dur`) and the thread's CPU time in it (`tdur`). The page's own
 * `PerformanceObserver('longtask')` sees only tasks Chromium attributes to that page; a trace
 * also shows what other pages of the same process run on the same thread (Chromium renders every
 * page of one extension in one process, on one main thread). Optionally a CPU profile (CDP
 * `Profiler`) of that thread says which functions ran inside the long tasks.
 */

const LONG_US = 50_000;

/** A Chrome trace event, the fields these benchmarks read. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { frame?: string; url?: string; processId?: number; frames?: { frame: string; url: string; processId: number }[]; functionName?: string } };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface LongTask {
  /** Wall time, ms. */
  wallMs: number;
  /** CPU time of the thread within it, ms. */
  cpuMs: number;
  /** The extension pages whose script ran in it (by path), or the kind of work when none did. */
  pages: string[];
  /** Its biggest direct parts: event name (function or timer) and ms. */
  parts: string[];
}

export interface RendererTasks {
  /** Tasks over 50 ms of wall time on the page's renderer main thread. */
  long: LongTask[];
  /** Of those, how many took over 50 ms of the thread's CPU (the rest waited on the machine). */
  longOnCpu: number;
  /** The longest task on that thread: wall time, ms. */
  longestMs: number;
  /** The most CPU time any one task took on that thread, ms. */
  longestCpuMs: number;
  /** Other pages rendered by the same process (so on the same thread). */
  sharedWith: string[];
  /** With a profile: self time in long tasks by function, the top ones. */
  hotFunctions: string[];
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing'];

export interface RendererTrace {
  stop(): Promise<RendererTasks>;
}

const isTask = (event: TraceEvent) => event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask';

/**
 * The trace's events, read line by line (Chrome writes one event a line): a pull's trace is over
 * 500 MB, more than one string may hold. Only what the summary looks at is kept: metadata, the
 * frames' commits, tasks, and events of a millisecond or more.
 */
async function readEvents(session: CDPSession, handle: string, saveTo?: string): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  let rest = '';
  const take = (line: string) => {
    const text = line.trim().replace(/,$/, '');
    if (!text.startsWith('{"')) return;
    let event: TraceEvent;
    try {
      event = JSON.parse(text) as TraceEvent;
    } catch {
      return; // the opening `{"traceEvents":[` line
    }
    if (event.ph === 'M' || event.args?.data?.frames || event.name === 'CommitLoad' || event.name === 'FrameCommittedInBrowser' || (event.ph === 'X' && (isTask(event) || (event.dur ?? 0) >= 1000 || event.args?.data?.frame !== undefined))) events.push(event);
  };
  if (saveTo) writeFileSync(saveTo, '');
  for (;;) {
    const chunk = await session.send('IO.read', { handle, size: 4 << 20 });
    const text = chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (saveTo) appendFileSync(saveTo, text);
    const lines = (rest + text).split('\n');
    rest = lines.pop()!;
    for (const line of lines) take(line);
    if (chunk.eof) break;
  }
  take(rest);
  await session.send('IO.close', { handle });
  return events;
}

const pathOf = (url: string) => {
  try {
    return new URL(url).pathname.replace(/^\//, '') || url;
  } catch {
    return url;
  }
};

/** Starts tracing the renderer of `page` (and, with `profile`, sampling its main thread's JavaScript). */
export async function traceRenderer(page: Page, options: { profile?: boolean; saveTo?: string } = {}): Promise<RendererTrace> {
  const session = await page.context().newCDPSession(page);
  const pagePath = pathOf(page.url());
  if (options.profile) {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 1000 });
    await session.send('Profiler.start');
  }
  await session.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'], recordMode: 'recordAsMuchAsPossible' },
  });
  return {
    async stop() {
      const profile = options.profile ? ((await session.send('Profiler.stop')).profile as CpuProfile) : null;
      const complete = new Promise<string>((resolve) => session.once('Tracing.tracingComplete', (event) => resolve(event.stream!)));
      await session.send('Tracing.end');
      const events = await readEvents(session, await complete, options.saveTo);
      await session.detach();
      return summarize(events, pagePath, profile);
    },
  };
}

function summarize(events: TraceEvent[], pagePath: string, profile: CpuProfile | null): RendererTasks {
  // Which process renders which frame (pages of one extension share one).
  const frameUrl = new Map<string, { url: string; pid: number }>();
  for (const event of [...events].sort((a, b) => a.ts - b.ts)) {
    const data = event.args?.data;
    for (const frame of data?.frames ?? []) frameUrl.set(frame.frame, { url: frame.url, pid: frame.processId });
    // CommitLoad is the renderer's own event (its pid); a frame id moves with the tab to the next page it shows.
    if (event.name === 'CommitLoad' && data?.frame && data.url) frameUrl.set(data.frame, { url: data.url, pid: event.pid });
    if (event.name === 'FrameCommittedInBrowser' && data?.frame && data.url && data.processId) frameUrl.set(data.frame, { url: data.url, pid: data.processId });
  }
  const ours = [...frameUrl.values()].find((frame) => pathOf(frame.url) === pagePath);
  if (!ours) throw new Error(`trace: no frame for ${pagePath}`);
  const pid = ours.pid;
  const sharedWith = [...new Set([...frameUrl.values()].filter((frame) => frame.pid === pid && pathOf(frame.url) !== pagePath).map((frame) => pathOf(frame.url)))];
  const main = events.find((event) => event.ph === 'M' && event.name === 'thread_name' && event.pid === pid && event.args?.name === 'CrRendererMain');
  if (!main) throw new Error('trace: no renderer main thread');
  const onMain = events.filter((event) => event.pid === pid && event.tid === main.tid && event.ph === 'X').sort((a, b) => a.ts - b.ts);
  // A task's own run shows as nested events (ThreadControllerImpl::RunTask around RunTask): the outermost counts.
  const tasks: TraceEvent[] = [];
  for (const event of onMain) {
    if (!isTask(event)) continue;
    const last = tasks.at(-1);
    if (last && event.ts < last.ts + (last.dur ?? 0)) continue;
    tasks.push(event);
  }
  const long: LongTask[] = [];
  const windows: [number, number][] = [];
  let longestMs = 0;
  let longestCpuMs = 0;
  for (const task of tasks) {
    const wall = task.dur ?? 0;
    longestMs = Math.max(longestMs, wall / 1000);
    longestCpuMs = Math.max(longestCpuMs, (task.tdur ?? wall) / 1000);
    if (wall <= LONG_US) continue;
    const end = task.ts + wall;
    windows.push([task.ts, end]);
    const inside = onMain.filter((event) => event !== task && event.ts >= task.ts && event.ts + (event.dur ?? 0) <= end);
    const pages = new Set<string>();
    for (const event of inside) {
      const frame = event.args?.data?.frame;
      if (frame && frameUrl.has(frame)) pages.add(pathOf(frameUrl.get(frame)!.url));
    }
    // Direct parts: events inside the task not inside another part.
    const parts: TraceEvent[] = [];
    for (const event of inside) {
      const last = parts.at(-1);
      if (last && event.ts < last.ts + (last.dur ?? 0)) continue;
      parts.push(event);
    }
    const named = parts
      .filter((part) => (part.dur ?? 0) >= 2000)
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 4)
      .map((part) => `${part.name}${part.args?.data?.functionName ? `:${part.args.data.functionName}` : ''} ${((part.dur ?? 0) / 1000).toFixed(0)}`);
    long.push({ wallMs: wall / 1000, cpuMs: (task.tdur ?? wall) / 1000, pages: [...pages], parts: named });
  }
  return { long, longOnCpu: long.filter((task) => task.cpuMs > LONG_US / 1000).length, longestMs, longestCpuMs, sharedWith, hotFunctions: profile ? hotFunctions(profile, windows) : [] };
}

/** Self time by function of the samples that fall inside the windows (µs, trace clock). */
function hotFunctions(profile: CpuProfile, windows: [number, number][]): string[] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let at = profile.startTime;
  let w = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i]!;
    while (w < windows.length && windows[w]![1] < at) w++;
    if (w >= windows.length) break;
    if (at < windows[w]![0]) continue;
    const frame = nodes.get(profile.samples[i]!)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${pathOf(frame.url)}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 1000));
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([key, us]) => `${(us / 1000).toFixed(0)} ms ${key}`);
}
