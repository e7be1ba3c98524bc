/**
 * The core is pure (DESIGN.md, STYLE.md rule 1): no AWS SDK, no IO modules, no fetch, no
 * environment, no clock, no randomness — values in, values out. This test reads every file
 * under lambdas/core and fails on any of those, and proves the checker itself can fail by
 * feeding it offending snippets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const coreDir = join(repo, 'lambdas/core');

const IO_MODULES = ['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'dns', 'dns/promises', 'tls', 'dgram', 'child_process', 'worker_threads', 'cluster', 'readline'];

/** Blank out comments and the inside of string literals, keeping offsets and line breaks. */
function stripCode(src: string, keepStrings: boolean): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (c === '/' && next === '*') {
      while (i < src.length && !(src[i] === '*' && src[i + 1] === '/')) {
        out += src[i] === '\n' ? '\n' : ' ';
        i++;
      }
      out += '  ';
      i += 2;
    } else if (c === '"' || c === "'" || c === '`') {
      out += c;
      i++;
      while (i < src.length && src[i] !== c) {
        if (src[i] === '\\') {
          out += keepStrings ? src.slice(i, i + 2) : '  ';
          i += 2;
          continue;
        }
        out += keepStrings ? src[i] : src[i] === '\n' ? '\n' : ' ';
        i++;
      }
      out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

interface Violation {
  rule: string;
  line: number;
  text: string;
}

/** Every way a core file can reach outside itself. */
function impurities(src: string): Violation[] {
  const withStrings = stripCode(src, true);
  const code = stripCode(src, false);
  const found: Violation[] = [];
  const lineOf = (index: number) => src.slice(0, index).split('\n').length;
  const add = (rule: string, re: RegExp, text: string) => {
    for (const m of text.matchAll(re)) found.push({ rule, line: lineOf(m.index ?? 0), text: m[0] });
  };
  const io = IO_MODULES.map((m) => m.replace('/', '\\/')).join('|');
  add('AWS SDK import', /\b(?:from|import|require)\s*\(?\s*['"]@aws-sdk\/[^'"]*['"]/g, withStrings);
  add('IO module import', new RegExp(`\\b(?:from|import|require)\\s*\\(?\\s*['"](?:node:)?(?:${io})['"]`, 'g'), withStrings);
  add('fetch', /(?<![\w$.])fetch\s*\(|\bglobalThis\s*\.\s*fetch\b|\bXMLHttpRequest\b|\bWebSocket\b/g, code);
  add('environment', /\bprocess\s*\.\s*env\b|\bprocess\s*\[\s*['"]env['"]\s*\]/g, withStrings);
  add('clock', /\bDate\s*\.\s*now\s*\(|\bnew\s+Date\s*\(\s*\)|\bperformance\s*\.\s*now\s*\(/g, code);
  add('randomness', /\bMath\s*\.\s*random\s*\(|\bcrypto\s*\.\s*(?:randomUUID|getRandomValues|randomBytes)\s*\(|\brandomUUID\s*\(/g, code);
  return found;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return tsFiles(p);
    return /\.(?:ts|mts|cts|js|mjs)$/.test(d.name) ? [p] : [];
  });
}

describe('the checker', () => {
  it.each([
    ["import { S3Client } from '@aws-sdk/client-s3';", 'AWS SDK import'],
    ["import type { X } from '@aws-sdk/client-dynamodb';", 'AWS SDK import'],
    ["import { readFileSync } from 'node:fs';", 'IO module import'],
    ["import fs from 'fs';", 'IO module import'],
    ["import { readFile } from 'node:fs/promises';", 'IO module import'],
    ["const http = await import('node:http');", 'IO module import'],
    ["const cp = require('child_process');", 'IO module import'],
    ["import { lookup } from 'node:dns';", 'IO module import'],
    ["import { Worker } from 'node:worker_threads';", 'IO module import'],
    ["import net from 'node:net';", 'IO module import'],
    ["const r = await fetch('https://example.com');", 'fetch'],
    ['const f = globalThis.fetch;', 'fetch'],
    ['const table = process.env.DUOFEED_TABLE;', 'environment'],
    ["const t = process['env'];", 'environment'],
    ['const now = Date.now();', 'clock'],
    ['const now = new Date();', 'clock'],
    ['const t0 = performance.now();', 'clock'],
    ['const x = Math.random();', 'randomness'],
    ['const id = crypto.randomUUID();', 'randomness'],
  ])('catches %s', (snippet, rule) => {
    expect(impurities(snippet).map((v) => v.rule)).toContain(rule);
  });

  it.each([
    "import { createHash } from 'node:crypto';",
    "import { Parser } from 'htmlparser2';",
    'const d = new Date(iso);',
    'const d = new Date(clock.now());',
    '// we never call fetch() or Date.now() here',
    "const msg = 'no fetch( in strings, nor Date.now()';",
    'const page = await deps.fetchPage(url);',
    'const x = source.fetch;',
  ])('lets pure code through: %s', (snippet) => {
    expect(impurities(snippet)).toEqual([]);
  });
});

describe('lambdas/core is pure', () => {
  const files = tsFiles(coreDir);

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(5);
    expect(files.map((f) => relative(coreDir, f))).toContain('parse/index.ts');
  });

  it.each(files.map((f) => [relative(repo, f), f]))('%s', (_name, file) => {
    const violations = impurities(readFileSync(file, 'utf8'));
    expect(violations.map((v) => `${v.rule} at line ${v.line}: ${v.text}`)).toEqual([]);
  });
});
