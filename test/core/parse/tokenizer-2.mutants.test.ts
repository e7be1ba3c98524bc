/**
 * The HTML reader (lambdas/core/parse/tokenizer.ts), second round of mutation tests (seed-8
 * survivors): form feed and carriage return as whitespace inside tags, the in-place name
 * comparison for characters that only look alike after `| 0x20`, the short comment forms
 * `<!-->` and `<!--->`, the one-form-at-a-time rule, and a foreignobject end tag met inside
 * SVG. Checked against htmlparser2 where it reads the same, by hand where it does not.
 */
import { describe, expect, it } from 'vitest';
import { ours, reference, classAndId } from './tokenizer-harness.js';


describe('tokenize agrees with htmlparser2', () => {
  it.each([
    ['form feed between name and attribute', '<div\fclass="lead">a</div>b'],
    ['carriage return between name and attribute', '<div\rid="x">a</div>b'],
    ['form feed and CR between attributes', '<span class="a"\fid="b">c</span><em id="d"\rclass="e">f</em>'],
    ['form feed and CR around =', '<b class\f=\f"k">x</b><i id\r=\r"m">y</i>'],
    ['form feed ending an end tag name', '<p>a</p\f><p>b</p\r>c'],
    ['a control char that folds onto a digit', '<h\u0011>x</h\u0011><h1>y</h1>'],
    ['a name with { closed by [', '<a{>x</a[>y</a{>z'],
    ['a name with ~ closed by ^', '<q~>x</q^>y</q~>z'],
    ['<!--> is an empty comment', '<p>a<!-->b</p>'],
    ['<!---> is an empty comment', '<p>a<!--->b</p>'],
    ['a comment whose second char is >', '<p>a<!--x>y-->z</p>'],
    ['a comment opening with a dash', '<p>a<!---x-->y</p>'],
    ['a comment opening with a dash and >', '<p>a<!---x>y-->z</p>'],
    ['a form inside a form is ignored after a p closes', '<form><p>a</p><form><p>b</p></form>c</form>d'],
    ['a second form after the first closed', '<form>a</form><form>b</form>c'],
    ['a form nested at once, then another', '<form><form>a</form>b<form>c</form>d'],
    ['foreignobject end tag inside svg in a foreignobject', '<foreignobject><svg><g></foreignobject>x'],
    ['foreignobject end tag straight inside svg', '<foreignobject><svg></foreignobject><p>x</p>'],
  ])('%s', (_label, html) => {
    expect(ours(html, classAndId)).toEqual(reference(html, classAndId));
  });
});
