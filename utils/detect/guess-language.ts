// The post's language when the page does not say it (no html[lang], og:locale or
// Content-Language): guessed from the segments' text by tinyld, loaded only then.
import type { Detection } from '../model';

/** Enough text for a reliable guess; more only costs time. */
const SAMPLE_LENGTH = 2_000;

/** An ISO 639-1 code for the text, or null when it is too short or unclear to tell. */
export async function guessLanguage(text: string): Promise<string | null> {
  const sample = text.slice(0, SAMPLE_LENGTH);
  if (sample.replace(/\s+/g, '').length < 20) return null;
  const { detect } = await import('tinyld/light');
  const code = detect(sample);
  return /^[a-z]{2,3}$/.test(code) ? code : null;
}

/** The detection, with its source language guessed from its segments when the page gave none. */
export async function withSourceLanguage<T extends Detection>(detection: T): Promise<T> {
  if (detection.sourceLanguage !== null || detection.segments.length === 0) return detection;
  const text = detection.segments.map((segment) => segment.text).join('\n');
  const guessed = await guessLanguage(text);
  return guessed === null ? detection : { ...detection, sourceLanguage: guessed };
}
