export declare function packagingProblem(target: { root: string; electronVersion: string; platform: string; arch: string }): string | null;
export default function beforePack(context: unknown): Promise<void>;
