export declare const SUPPORTED_NODE: string;
export declare function nodeProblem(version: string): string | null;
export declare function devProblem(machine: { platform: string; uid: number; env: Record<string, string | undefined>; browser: string }): string | null;
export declare function targetBrowser(args: readonly string[]): string;
