// Extracts gazetteers and sample values for the NER model from npm packages (run once by hand;
// the outputs are committed). Deterministic: fixed seeds, sorted output, gzip without timestamps.
//
//   cd "$(mktemp -d)" && npm init -y && npm install @faker-js/faker@10.6.0 countries-list@3.4.1
//   NODE_PATH=$PWD/node_modules node /path/to/tools/ner/extract.mjs /path/to/repo
//
// Writes:
//   fulcrum-dataplane/src/main/resources/dev/fulcrum/dataplane/privacy/ner/gazetteer.tsv.gz
//   tools/ner/data/samples.tsv.gz   (locale, kind, value) used to fill training templates
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

const require = createRequire(path.join(process.env.NODE_PATH || process.cwd(), 'x.js'));
const { allLocales, Faker } = await import(require.resolve('@faker-js/faker'));
const countriesList = require('countries-list');

const repo = process.argv[2];
const here = path.join(repo, 'tools', 'ner');
// Locales whose script has letter case and spaces between words; the model's shape features
// assume both. en_BORK is a joke locale.
const LOCALES = ['af_ZA', 'az', 'cs_CZ', 'cy', 'da', 'de', 'de_AT', 'de_CH', 'el', 'en', 'en_AU',
  'en_CA', 'en_GB', 'en_GH', 'en_IE', 'en_IN', 'en_NG', 'en_US', 'en_ZA', 'eo', 'es', 'es_MX',
  'fi', 'fr', 'fr_BE', 'fr_CA', 'fr_CH', 'fr_LU', 'fr_SN', 'hr', 'hu', 'id_ID', 'it', 'lv',
  'mk', 'nb_NO', 'nl', 'nl_BE', 'pl', 'pt_BR', 'pt_PT', 'ro', 'ro_MD', 'ru', 'sk', 'sl_SI',
  'sr_RS_latin', 'sv', 'tr', 'uk', 'uz_UZ_latin', 'vi', 'yo_NG', 'zu_ZA', 'en_HK', 'en_NP',
  'ku_kmr_latin'];

function flat(v) {
  if (v == null) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(flat);
  if (typeof v === 'object') return Object.values(v).flatMap(flat);
  return [];
}
const plain = (s) => typeof s === 'string' && !s.includes('{{') && !s.includes('#') && s.trim() !== '';

const gaz = new Map(); // class -> Set
function add(cls, values) {
  if (!gaz.has(cls)) gaz.set(cls, new Set());
  for (const v of values) if (plain(v)) gaz.get(cls).add(v.trim().replace(/\s+/g, ' '));
}
for (const loc of LOCALES) {
  const d = allLocales[loc];
  if (!d) throw new Error('missing locale ' + loc);
  add('FIRST', flat(d.person?.first_name).concat(flat(d.person?.middle_name)));
  add('LAST', flat(d.person?.last_name));
  add('TITLE', flat(d.person?.prefix).concat(flat(d.person?.suffix)));
  add('CITY', flat(d.location?.city_name));
  add('STATE', flat(d.location?.state).concat(flat(d.location?.county)));
  add('COUNTRY', flat(d.location?.country));
  add('STREET_SUFFIX', flat(d.location?.street_suffix).concat(flat(d.location?.common_street_suffix)));
  add('STREET', flat(d.location?.street_name));
  add('ORG_SUFFIX', flat(d.company?.legal_entity_type).concat(flat(d.company?.suffix)));
  add('MONTH_DAY', flat(d.date?.month).concat(flat(d.date?.weekday)));
}
for (const c of Object.values(countriesList.countries)) {
  add('COUNTRY', [c.name, c.native]);
  add('CITY', [c.capital]);
}
// Hand-written lists (our own work, see PROVENANCE.md): one "CLASS<TAB>entry" per line.
for (const line of readFileSync(path.join(here, 'lists', 'handwritten.tsv'), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [cls, value] = line.split('\t');
  add(cls, [value]);
}
// Common English words (SCOWL via Debian's wamerican): lowercase entries only.
add('WORD', readFileSync('/usr/share/dict/american-english', 'utf8').split('\n')
  .filter((w) => /^[a-z]+$/.test(w)));

const gazLines = [];
for (const cls of [...gaz.keys()].sort()) {
  for (const v of [...gaz.get(cls)].sort()) gazLines.push(cls + '\t' + v);
}
writeFileSync(path.join(repo, 'fulcrum-dataplane/src/main/resources/dev/fulcrum/dataplane/privacy/ner/gazetteer.tsv.gz'),
  gzipSync(gazLines.join('\n') + '\n', { level: 9 }));

// Samples: values faker generates per locale, to fill the training templates.
const PER = 120;
const PER_NEG = 500;
const kinds = {
  FIRST: (f) => f.person.firstName(),
  LAST: (f) => f.person.lastName(),
  MIDDLE: (f) => f.person.middleName(),
  PREFIX: (f) => f.person.prefix(),
  STREET: (f) => f.location.streetAddress(false),
  STREET_FULL: (f) => f.location.streetAddress(true),
  SECONDARY: (f) => f.location.secondaryAddress(),
  CITY: (f) => f.location.city(),
  STATE: (f) => f.location.state(),
  STATE_ABBR: (f) => f.location.state({ abbreviated: true }),
  ZIP: (f) => f.location.zipCode(),
  COUNTRY: (f) => f.location.country(),
  COMPANY: (f) => f.company.name(),
  JOB: (f) => f.person.jobTitle(),
  PRODUCT: (f) => f.commerce.productName(),
  DEPARTMENT: (f) => f.commerce.department(),
  VEHICLE: (f) => f.vehicle.vehicle(),
  SONG: (f) => f.music.songName(),
  BOOK: (f) => f.book.title(),
  ANIMAL: (f) => f.animal.type(),
  DISH: (f) => f.food.dish(),
};
const samples = [];
for (const loc of LOCALES) {
  const f = new Faker({ locale: [allLocales[loc], allLocales.en, allLocales.base] });
  f.seed(20240917);
  for (const [kind, gen] of Object.entries(kinds)) {
    const seen = new Set();
    // Negatives (products, jobs, …) come from the English locale only, to keep them once.
    const NEG = ['JOB', 'PRODUCT', 'DEPARTMENT', 'VEHICLE', 'SONG', 'BOOK', 'ANIMAL', 'DISH'].includes(kind);
    if (NEG && loc !== 'en') continue;
    const cap = NEG ? PER_NEG : PER;
    for (let i = 0; i < cap * 3 && seen.size < cap; i++) {
      let v;
      try { v = gen(f); } catch { break; }
      if (typeof v === 'string' && v.trim() && !v.includes('\t') && !v.includes('\n')) seen.add(v.trim());
    }
    for (const v of [...seen].sort()) samples.push(loc + '\t' + kind + '\t' + v);
  }
}
writeFileSync(path.join(here, 'data', 'samples.tsv.gz'), gzipSync(samples.join('\n') + '\n', { level: 9 }));
console.log('gazetteer entries', gazLines.length, 'samples', samples.length);
