export declare function electronBindingFile(root: string, version: string, platform?: string, arch?: string): string;
export declare function nativeFormat(bytes: Uint8Array): { format: 'ELF' | 'PE' | 'Mach-O'; arch: string | undefined } | null;
export declare function bindingProblem(bytes: Uint8Array, platform: string, arch: string): string | null;
