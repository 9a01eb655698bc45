// Download names: `<post-slug>.<lang>.<ext>`, made of characters every file system accepts.

/** The post's slug: the last part of its address path, lower-case a–z, 0–9 and dashes. */
export function postSlug(url: string): string {
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const parts = path.split('/').filter(Boolean);
  for (let i = parts.length - 1; i >= 0; i--) {
    const slug = safeName(decodePart(parts[i]!).replace(/\.(html?|php)$/i, ''));
    if (slug) return slug;
  }
  return 'post';
}

/** A language tag as it may appear in a file name. */
export function safeLang(lang: string): string {
  return lang.replace(/[^A-Za-z0-9-]+/g, '').slice(0, 35) || 'und';
}

export function exportFileName(url: string, lang: string, ext: string): string {
  return `${postSlug(url)}.${safeLang(lang)}.${ext}`;
}

/** The name of a file holding several posts. */
export function collectionFileName(count: number, lang: string, ext: string): string {
  return `interlinear-${count}-posts.${safeLang(lang)}.${ext}`;
}

function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function safeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off: é → e
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
