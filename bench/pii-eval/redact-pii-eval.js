// Runs the npm package redact-pii over the texts PiiEval exported and writes, per text, the
// spans it redacted, in original-text offsets, typed with redact-pii's own labels (PiiEval maps
// them to evaluation labels).
//
// redact-pii only returns redacted text, so this script replays its pipeline step by step
// (the same built-in regexes in the same order, then the same name redactor logic) and keeps a
// map from the current text back to the original. Usage:
//   node redact-pii-eval.js TEXTS.json OUT.json   (with redact-pii resolvable via NODE_PATH)
'use strict';
const fs = require('fs');
const builtIns = require('redact-pii/lib/built-ins/simple-regexp-patterns');
const wellKnownNames = require('redact-pii/lib/built-ins/well-known-names.json');
const { snakeCase } = require('lodash');

// Copied from redact-pii 3.4.0 lib/built-ins/NameRedactor.js (not exported there).
const greetingRegex = /(^|\.\s+)(dear|hi|hello|greetings|hey|hey there)/gi;
const closingRegex = /(thx|thanks|thank you|regards|best|[a-z]+ly|[a-z]+ regards|all the best|happy [a-z]+ing|take care|have a [a-z]+ (weekend|night|day))/gi;
const greetingOrClosing = new RegExp('(((' + greetingRegex.source + ')|(' + closingRegex.source + '\\s*[,.!]*))[\\s-]*)', 'gi');
const genericName = new RegExp('( ?(([A-Z][a-z]+)|([A-Z]\\.)))+([,.]|[,.]?$)', 'gm');
const wellKnown = new RegExp('\\b(\\s*)(\\s*(' + wellKnownNames.join('|') + '))+\\b', 'gim');

/** Text plus, per char, the original span it stands for. */
class Tracked {
  constructor(text) {
    this.text = text;
    // Per UTF-16 unit, like Java string offsets.
    this.starts = Array.from({ length: text.length }, (_, i) => i);
    this.ends = this.starts.map((i) => i + 1);
    this.spans = [];
  }
  /** Replaces [s, e) with label, recording the original span. */
  replace(s, e, label) {
    if (e <= s) return;
    const os = this.starts[s];
    const oe = this.ends[e - 1];
    this.spans = this.spans.filter((x) => x.end <= os || x.start >= oe);
    this.spans.push({ type: label, start: os, end: oe });
    this.text = this.text.slice(0, s) + label + this.text.slice(e);
    const st = new Array(label.length).fill(os);
    const en = new Array(label.length).fill(oe);
    this.starts.splice(s, e - s, ...st);
    this.ends.splice(s, e - s, ...en);
  }
  /** Applies a global regex the way String.replace would, right to left to keep indexes. */
  replaceAll(regex, label, groupOffset) {
    regex.lastIndex = 0;
    const matches = [...this.text.matchAll(regex)];
    for (let k = matches.length - 1; k >= 0; k--) {
      const m = matches[k];
      const lead = groupOffset ? (m[1] || '').length : 0;
      this.replace(m.index + lead, m.index + m[0].length, label);
    }
  }
}

function redact(text) {
  const t = new Tracked(text);
  for (const name of Object.keys(builtIns)) {
    t.replaceAll(builtIns[name], snakeCase(name).toUpperCase(), false);
  }
  // NameRedactor: a capitalised name right after a greeting or closing, then well-known names.
  greetingOrClosing.lastIndex = 0;
  let g = greetingOrClosing.exec(t.text);
  while (g !== null) {
    genericName.lastIndex = greetingOrClosing.lastIndex;
    const n = genericName.exec(t.text);
    if (n !== null && n.index === greetingOrClosing.lastIndex) {
      const suffix = n[5] == null ? '' : n[5];
      t.replace(n.index, n.index + n[0].length - suffix.length, 'PERSON_NAME');
    }
    g = greetingOrClosing.exec(t.text);
  }
  t.replaceAll(wellKnown, 'PERSON_NAME', true);
  return t.spans.sort((a, b) => a.start - b.start);
}

const [input, output] = process.argv.slice(2);
const texts = JSON.parse(fs.readFileSync(input, 'utf8'));
const started = process.hrtime.bigint();
const result = { system: 'redact-pii ' + require('redact-pii/package.json').version };
for (const set of ['synth', 'wnut']) {
  result[set] = texts[set].map(redact);
}
result.millisPerText = Number(process.hrtime.bigint() - started) / 1e6
    / (texts.synth.length + texts.wnut.length);
fs.writeFileSync(output, JSON.stringify(result));
console.log(result.system + ': wrote ' + output);
