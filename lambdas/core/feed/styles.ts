/**
 * The one stylesheet of the HTML pages, served inline and allowed by its hash in the
 * Content-Security-Policy: the pages need no script at all, so `script-src` is 'none' and
 * even a rendering bug could not run anything.
 */
import { createHash } from 'node:crypto';

export const PAGE_CSS = `
:root{color-scheme:light dark;--fg:#1b1b1b;--muted:#666;--rule:#ddd;--bg:#fff;--accent:#0b57d0}
@media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--muted:#aaa;--rule:#333;--bg:#121212;--accent:#8ab4f8}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.75 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}
main,header,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
a{color:var(--accent)}
.crumbs,.meta,footer{color:var(--muted);font-size:.9rem}
.pair{display:grid;column-gap:2.5rem;align-items:start;margin:0 0 1.1rem}
.cols-2{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}
.cols-3{grid-template-columns:repeat(3,minmax(0,1fr))}
.side>p,.side>h1,.side>h2{margin:0 0 .6em}
.side>:last-child{margin-bottom:0}
.side:empty::after{content:"—";color:var(--muted)}
.titles h1,.titles h2{font-size:1.6rem;line-height:1.3}
.note{font-style:italic;color:var(--muted)}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid var(--rule)}
@media (max-width:40rem){.pair{grid-template-columns:minmax(0,1fr)}.side+.side{margin-top:.5rem}}
`;

export const PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(PAGE_CSS).digest('base64')}'; img-src https: http:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
