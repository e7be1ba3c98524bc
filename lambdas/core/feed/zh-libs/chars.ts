/** Side-bundle entry (see pinyin.ts): OpenCC's character tables, for telling the script of a text. */
export { default as tsCharacters } from 'opencc-js/dict/TSCharacters';
export { default as stCharacters } from 'opencc-js/dict/STCharacters';
