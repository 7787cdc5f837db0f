import type { Plugin } from 'vite';

/**
 * Removes Preact's `dangerouslySetInnerHTML` path from the bundle.
 *
 * Archive text must only ever reach a page as text. We never use dangerouslySetInnerHTML, and with
 * this plugin nobody can by accident: the one `innerHTML` assignment in Preact's renderer becomes a
 * thrown error. It also keeps `web-ext lint` at zero warnings (it flags any dynamic innerHTML write).
 * The build fails if Preact's code changes shape, so the guarantee cannot silently lapse.
 */
export function noRawHtml(): Plugin {
  const assignment = /\(([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\)/g;
  return {
    name: 'zzl-no-raw-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs/.test(id)) return null;
      const found = code.match(assignment)?.length ?? 0;
      if (found !== 1) {
        this.error(`expected exactly one innerHTML assignment in ${id}, found ${found}: update noRawHtml()`);
      }
      return {
        code: code.replace(assignment, '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Zhuzhou Lens")})()'),
        map: null,
      };
    },
  };
}
