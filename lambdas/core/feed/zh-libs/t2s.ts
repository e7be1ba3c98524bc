/** Side-bundle entry (see pinyin.ts): OpenCC's Traditional → Simplified tables (phrases, then characters). */
export { ConverterFactory } from 'opencc-js/core';
export { default as cjk } from 'opencc-js/dict/CJK_Compatibility_Ideographs';
export { default as phrases } from 'opencc-js/dict/TSPhrases';
export { default as characters } from 'opencc-js/dict/TSCharacters';
