// Which WordPress post a public page shows. Part of the page reader, so it imports nothing.

/**
 * The WordPress id of the post a page shows: Polylang's from_post in its call to action, else
 * the shortlink `?p=ID`, else the body's `postid-N` class. Undefined on any other page.
 */
export function wordpressPostIdOf(doc: Document): number | undefined {
  const fromForm = doc.querySelector('input[name="from_post"]')?.getAttribute('value');
  const fromLink = /[?&]from_post=(\d+)/.exec(doc.querySelector('a[href*="from_post="]')?.getAttribute('href') ?? '')?.[1];
  const shortlink = /[?&]p=(\d+)(?:&|#|$)/.exec(doc.querySelector('link[rel~="shortlink"]')?.getAttribute('href') ?? '')?.[1];
  const bodyClass = /(?:^|\s)postid-(\d+)(?:\s|$)/.exec(doc.body?.getAttribute('class') ?? '')?.[1];
  for (const candidate of [fromForm, fromLink, shortlink, bodyClass]) {
    const id = idOf(candidate?.trim());
    if (id !== null) return id;
  }
  return undefined;
}

function idOf(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,15}$/.test(value)) return null;
  const id = Number(value);
  return id > 0 ? id : null;
}
