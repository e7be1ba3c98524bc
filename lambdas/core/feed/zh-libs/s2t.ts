/** Side-bundle entry (see pinyin.ts): OpenCC's Simplified → Traditional tables (a million-character phrase table). */
export { ConverterFactory } from 'opencc-js/core';
export { default as cjk } from 'opencc-js/dict/CJK_Compatibility_Ideographs';
export { default as phrases } from 'opencc-js/dict/STPhrases';
export { default as regional } from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
export { default as characters } from 'opencc-js/dict/STCharacters';
