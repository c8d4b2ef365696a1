// Types of test/groupFiles.mjs (plain JavaScript: test/run.mjs runs without a loader).
export declare const OWN_PROCESS: RegExp;
export declare const USES_MEDIA: RegExp;
export declare const GROUP_SIZE: number;
export declare function groupable(text: string, media?: boolean): boolean;
export declare function planGroups(files: string[], textOf: (file: string) => string, opts?: { size?: number; media?: boolean }): { alone: string[]; groups: string[][] };
export declare function groupModule(fileUrls: string[]): string;
