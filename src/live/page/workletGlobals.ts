// The AudioWorkletGlobalScope has no URL class, but mouthModel.ts builds its model file's URL when
// it loads (the worklet never reads that file: the page passes the model in). A minimal stand-in,
// installed before the modules that need it load (the worklet imports this module first).
const scope = globalThis as unknown as { URL?: unknown };
if (typeof scope.URL === 'undefined') {
  scope.URL = class {
    readonly href: string;
    readonly pathname: string;
    constructor(url: string, base?: string | { href: string }) {
      this.href = `${typeof base === 'object' ? base.href : (base ?? '')}#${url}`;
      this.pathname = url;
    }
    toString(): string {
      return this.href;
    }
  };
}
export {};
