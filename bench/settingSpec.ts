// A bench's `--vs` / `--set` variant: "render/x.ts:xSetting.key=value" (several joined by '+') sets an exported setting
// object's field for a run beside the product; the returned function puts every field back. Values: true, false or a number.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export async function applySettingSpec(spec: string, srcRoot = path.join(import.meta.dirname, '../src')): Promise<() => void> {
  const undo: (() => void)[] = [];
  for (const one of spec.split('+')) {
    const [, mod, name, key, val] = /^([^:]+):(\w+)\.(\w+)=(.*)$/.exec(one) ?? [];
    const m = mod ? await import(pathToFileURL(path.join(srcRoot, mod)).href) : {};
    if (!m[name!] || !(key! in m[name!])) throw new Error(one + ': expected render/x.ts:xSetting.key=value');
    const old = m[name!][key!];
    m[name!][key!] = val === 'true' ? true : val === 'false' ? false : Number(val);
    undo.push(() => { m[name!][key!] = old; });
  }
  return () => undo.forEach((u) => u());
}
