/** Paths, relative to `root`, of the source files that run inside web pages (sorted). */
export function contentScriptFiles(root: string): string[];
