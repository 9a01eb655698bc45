// The schema of every memory and glossary request the background answers, merged into
// utils/message-gate.ts: sizes bounded, shapes exact.
import * as v from 'valibot';
import type { MEMORY_BACKGROUND_MESSAGES } from './memory-protocol';

const address = v.pipe(v.string(), v.maxLength(8_192));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const lang = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const text = v.pipe(v.string(), v.maxLength(200_000));
const term = v.pipe(v.string(), v.maxLength(500));
const forms = v.pipe(v.array(term), v.maxLength(50));
const draftKey = { postKey: address, lang, segmentId: id };
const filled = v.pipe(v.array(v.object({ segmentId: id, text })), v.maxLength(50_000));
const glossaryInput = v.object({
  id: v.optional(v.pipe(v.string(), v.maxLength(64))),
  sourceLang: lang,
  targetLang: lang,
  source: term,
  targets: forms,
  note: v.pipe(v.string(), v.maxLength(5_000)),
  avoid: forms,
});
const tmxUnit = v.object({ sourceLang: lang, targetLang: lang, source: text, target: text, at: v.optional(v.number()), note: v.optional(address) });
const pair = v.object({ sourceLang: lang, targetLang: lang });

export const MEMORY_REQUESTS: Record<(typeof MEMORY_BACKGROUND_MESSAGES)[number], v.GenericSchema> = {
  'memory:matches': v.object({ ...draftKey, threshold: v.optional(v.pipe(v.number(), v.minValue(50), v.maxValue(100))) }),
  'memory:matches-at-hand': v.object({
    postKey: address,
    lang,
    segmentIds: v.pipe(v.array(id), v.maxLength(50)),
    threshold: v.optional(v.pipe(v.number(), v.minValue(50), v.maxValue(100))),
  }),
  'memory:insert': v.object({ ...draftKey, text, percent: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(101)) }),
  'memory:fill-exact': v.object({ postKey: address, lang }),
  'memory:fill-repetitions': v.object(draftKey),
  'memory:undo-fill': v.object({ postKey: address, lang, filled }),
  'memory:search': v.object({ phrase: v.pipe(v.string(), v.maxLength(500)) }),
  'memory:pairs': v.object({}),
  'memory:export-tmx': v.object({ pair: v.nullable(pair) }),
  'memory:import-tmx': v.object({ units: v.pipe(v.array(tmxUnit), v.maxLength(200_000)), origin: v.pipe(v.string(), v.maxLength(1_000)) }),
  'glossary:list': v.object({ sourceLang: v.optional(v.nullable(lang)), targetLang: v.optional(lang) }),
  'glossary:save': v.object({ entry: glossaryInput }),
  'glossary:delete': v.object({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)) }),
  'glossary:import': v.object({ entries: v.pipe(v.array(glossaryInput), v.maxLength(50_000)) }),
};
