// Types of build.mjs for the TypeScript that imports it (bench/support/client-child.ts).
import type { BuildOptions } from 'esbuild';

export declare const ENTRY_POINTS: string[];
export declare const BUNDLE_OPTIONS: BuildOptions;
export declare function buildDist(): Promise<{ written: number; files: string[] }>;
