/**
 * The reading page's own stylesheet and its one small script, both inline and allowed by
 * hash in the page's Content-Security-Policy (nothing else may run or style the page).
 *
 * The page works without the script: every mode is a link, the translation of a sentence
 * opens with <details>/<summary> (click, tap, Enter or Space). The script only adds: the
 * partner of the sentence under the pointer or focus is highlighted (and the partner of a
 * permalinked sentence); a reveal control opens while it has keyboard focus and closes when
 * focus leaves (a click or Enter keeps it open); the chosen mode is remembered in
 * localStorage and applied to an article link that names no mode (the URL stays the truth:
 * a link with parameters is always shown as it says).
 */
import { createHash } from 'node:crypto';
import { PAGE_CSP, PAGE_CSS } from './styles.js';

export const READER_CSS = `
:root{--hl:#fff3b0;--flag:#8a4b00}
@media (prefers-color-scheme:dark){:root{--hl:#4a4010;--flag:#f0b070}}
:lang(zh-Hans){font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif}
:lang(zh-Hant){font-family:"Noto Sans CJK TC","Source Han Sans TC","PingFang TC","Microsoft JhengHei",system-ui,sans-serif}
.modes{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;font-size:.9rem;margin:.4rem 0}
.modes ul{display:flex;flex-wrap:wrap;gap:.3rem .8rem;list-style:none;margin:0;padding:0}
.modes a[aria-current]{font-weight:700;color:var(--fg);text-decoration:none}
.attribution{font-size:.9rem;color:var(--muted)}
.pair,.ipair,.rpair{position:relative;scroll-margin-top:1rem}
.pl{position:absolute;left:-2.6rem;top:0;min-width:24px;min-height:24px;line-height:24px;text-align:center;font-size:.75rem;color:var(--muted);text-decoration:none}
.pl:focus-visible,.pl:hover{color:var(--accent);text-decoration:underline}
.pair>.flag{grid-column:1/-1;justify-self:start}
.flag{display:inline-block;font-size:.75rem;color:var(--flag);border:1px solid currentColor;border-radius:.3rem;padding:0 .3rem;margin:0 0 .3rem}
.doubtful>.side,.doubtful .sp,.doubtful .rv{border-left:3px dotted var(--flag);padding-left:.5rem}
.s,.sp,.rv{border-radius:.2rem}
.hl,:target,.tg{background:var(--hl)}
.ipair{margin:0 0 1.4rem}
.sp{margin:0 0 .7rem}
.sp>p{margin:0}
.rpair{margin:0 0 1.2rem}
.rv{margin:0 0 .35rem}
.rv>summary{cursor:pointer;list-style:none}
.rv>summary::-webkit-details-marker{display:none}
.rv>summary::after{content:" ▸";color:var(--muted);font-size:.8em}
.rv[open]>summary::after{content:" ▾"}
.rv>p{margin:.1rem 0 .4rem 1rem;color:var(--muted)}
.only{margin:0 0 .35rem}
ruby{ruby-position:over}
.py :lang(zh){line-height:2.4}
rt{font-size:.6em;color:var(--muted)}
.prevnext{display:flex;flex-wrap:wrap;justify-content:space-between;gap:1rem;margin:2rem 0 1rem;padding-top:1rem;border-top:1px solid var(--rule)}
.prevnext a{max-width:100%;overflow-wrap:anywhere}
.exports{font-size:.9rem}
main{overflow-wrap:break-word}
@media (max-width:80rem){.pl{left:auto;right:0;top:-1.5rem}}
@media (max-width:80rem){.pair,.ipair,.rpair{margin-top:1.6rem}}
`;

/** Parameters a remembered mode carries (script is per article, so it is not remembered). */
export const REMEMBERED_PARAMS = ['lang', 'layout', 'pinyin'] as const;

export const READER_JS = `(()=>{const d=document,K="duofeed.view",P=${JSON.stringify(REMEMBERED_PARAMS)};
try{const q=new URLSearchParams(location.search);if(P.some(k=>q.has(k))){localStorage.setItem(K,P.filter(k=>q.has(k)).map(k=>k+"="+encodeURIComponent(q.get(k))).join("&"))}else if(!location.search){const s=localStorage.getItem(K);if(s){location.replace("?"+s+location.hash);return}}}catch(e){}
const mark=(el,c,on)=>{const p=el&&el.closest&&el.closest("[data-p]");if(!p)return;for(const x of d.querySelectorAll('[data-p="'+p.dataset.p+'"]'))x.classList.toggle(c,on)};
d.addEventListener("mouseover",e=>mark(e.target,"hl",true));d.addEventListener("mouseout",e=>mark(e.target,"hl",false));
d.addEventListener("focusin",e=>{const t=e.target;mark(t,"hl",true);if(t.tagName==="SUMMARY"&&t.matches(":focus-visible")&&!t.parentNode.open){t.parentNode.open=true;t.parentNode.dataset.auto="1"}});
d.addEventListener("focusout",e=>{const t=e.target;mark(t,"hl",false);if(t.tagName==="SUMMARY"&&t.parentNode.dataset.auto){delete t.parentNode.dataset.auto;t.parentNode.open=false}});
d.addEventListener("click",e=>{const s=e.target.closest&&e.target.closest("summary");if(s&&s.parentNode.dataset.auto){e.preventDefault();delete s.parentNode.dataset.auto}},true);
const tg=()=>{for(const x of d.querySelectorAll(".tg"))x.classList.remove("tg");const t=location.hash&&d.getElementById(decodeURIComponent(location.hash.slice(1)));if(t)mark(t,"tg",true)};addEventListener("hashchange",tg);tg()})();`;

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

/** The shared policy, with this page's stylesheet and script allowed by their hashes. */
export const READER_CSP = PAGE_CSP.replace('style-src ', `style-src ${sha256(READER_CSS)} `).replace("default-src 'none';", `default-src 'none'; script-src ${sha256(READER_JS)};`);

export { PAGE_CSS };
