// opencc-js ships its dictionaries (`dist/esm-lib/dict/*.js`, reached through the package's
// `./*` export) without declarations: each module's default export is one serialised
// dictionary, `from to[ to…]|from to…`.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
