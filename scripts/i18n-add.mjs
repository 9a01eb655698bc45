#!/usr/bin/env node
// Adds interface messages to all three locales at once, so en, ru and fa never drift apart.
//   node scripts/i18n-add.mjs messages.json
// The file maps each key to its texts and a note for translators (translatewiki's "qqq"):
//   { "exportTitle": { "en": "Export", "ru": "Экспорт", "fa": "برون‌بری", "description": "…" } }
// A counted message gives one key per plural form: name_one, name_few, name_many, name_other.
// A key that exists already is replaced. A lock directory lets several edits run side by side.
import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const LOCALES = ['en', 'ru', 'fa'];
const root = path.resolve(import.meta.dirname, '../public/_locales');
const lock = path.join(tmpdir(), `interlinear-locales-${Buffer.from(root).toString('base64url').slice(-24)}.lock`);

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/i18n-add.mjs <messages.json>');
  process.exit(2);
}
const additions = JSON.parse(readFileSync(file, 'utf8'));
for (const [key, entry] of Object.entries(additions)) {
  if (!/^[A-Za-z0-9_]+$/.test(key)) throw new Error(`${key}: keys are letters, digits and _ only`);
  for (const locale of LOCALES) {
    if (typeof entry[locale] !== 'string' || !entry[locale].trim()) throw new Error(`${key}: no ${locale} text`);
  }
}

await withLock(() => {
  for (const locale of LOCALES) {
    const target = path.join(root, locale, 'messages.json');
    const messages = JSON.parse(readFileSync(target, 'utf8'));
    for (const [key, entry] of Object.entries(additions)) {
      messages[key] = { message: entry[locale], ...(locale === 'en' && entry.description ? { description: entry.description } : {}) };
    }
    writeFileSync(target, `${JSON.stringify(messages, null, 2)}\n`);
  }
});
console.log(`${Object.keys(additions).length} messages in ${LOCALES.join(', ')}`);

async function withLock(work) {
  for (let tries = 0; ; tries++) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST' || tries > 200) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    work();
  } finally {
    rmdirSync(lock);
  }
}
