/**
 * Entry of a side bundle (lib/bundling.ts LAZY_BUNDLES): pinyin-pro, loaded by zh.ts only for
 * the views that show pinyin. In the Lambda it is a file beside index.mjs, so a cold start
 * never reads it.
 */
export { pinyin } from 'pinyin-pro';
