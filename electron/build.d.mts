// Types for electron/build.mjs.
export declare function build(options?: { outDir?: string }): Promise<number>;
export declare function workers(): string[];
