// A Diff post of any length, in the blog's real markup (WordPress, Interconnection theme, Jetpack
// sharing, the "Can you help us translate this article?" box), for measuring long posts.
// Deterministic: the same options give the same page, so figures compare across runs.

export interface GeneratedPost {
  html: string;
  /** Where the post lives on diff.wikimedia.org (serve it there for the content script to run). */
  path: string;
  /** Its <link rel=canonical>, which is also the post's key in the store. */
  canonicalUrl: string;
  title: string;
  /** Segments the extension finds in it, the title included. */
  segmentCount: number;
}

export interface PostOptions {
  /** Segments in all, the title included: every paragraph, heading, list item and caption is one. */
  segments: number;
  seed?: number;
}

const WORDS = (
  'wikimedia community volunteers editors article translation language wikipedia commons project ' +
  'knowledge free open movement chapter affiliate conference wikimania session workshop grant ' +
  'campaign photo contest archive library museum heritage local regional global readers sources ' +
  'citation policy research data wikidata structured tools bot template category page edit history ' +
  'discussion talk meeting hub partners education students teachers school university public domain ' +
  'license creative attribution share growth diversity gender gap indigenous oral culture music ' +
  'map stories voices event online offline hackathon developers software feedback survey report ' +
  'year month week first second new many more several every important helpful together across'
).split(' ');
const NAMES = ['Aliya', 'Batyrbek', 'Bosogo', 'Adeliya', 'Nurlan', 'Dilnoza', 'Farrukh', 'Madina', 'Timur', 'Zarina'];

/** mulberry32: a tiny seeded generator, so pages are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Writer {
  constructor(readonly next: () => number) {}
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  words(min: number, max: number): string {
    return Array.from({ length: this.between(min, max) }, () => this.pick(WORDS)).join(' ');
  }
  sentence(): string {
    const text = this.words(8, 24);
    return text[0]!.toUpperCase() + text.slice(1) + '.';
  }
  /** A paragraph's inner HTML: sentences, with a link or bold words now and then. */
  paragraph(sentences: number): string {
    const parts = Array.from({ length: sentences }, () => this.sentence());
    const roll = this.next();
    if (roll < 0.3) {
      const name = this.pick(NAMES);
      parts.unshift(`<strong><a href="https://meta.wikimedia.org/wiki/User:${name}">User: ${name}</a>:</strong>`);
    } else if (roll < 0.55) {
      const i = this.between(0, parts.length - 1);
      parts[i] = parts[i]!.replace(/^(\S+ \S+)/, `<a href="https://diff.wikimedia.org/?p=${this.between(1, 99999)}">$1</a>`);
    } else if (roll < 0.7) {
      parts.push(`<em>${this.words(3, 6)}</em>.`);
    }
    return parts.join(' ');
  }
}

/** Post body blocks (HTML) that make exactly `budget` segments. */
function bodyBlocks(w: Writer, budget: number): string[] {
  const blocks: string[] = [];
  let left = budget;
  let sinceHeading = 0;
  while (left > 0) {
    const roll = w.next();
    if (sinceHeading > 6 && roll < 0.5) {
      const level = w.next() < 0.7 ? 2 : 3;
      blocks.push(`<h${level} class="wp-block-heading">${cap(w.words(3, 8))}</h${level}>`);
      left -= 1;
      sinceHeading = 0;
      continue;
    }
    sinceHeading++;
    if (roll < 0.12 && left >= 2) {
      const items = Math.min(left, w.between(2, 5));
      const lis = Array.from({ length: items }, () => `<li>${w.paragraph(1)}</li>`).join('\n');
      blocks.push(`<ul class="wp-block-list">\n${lis}\n</ul>`);
      left -= items;
    } else if (roll < 0.2) {
      const file = `${cap(w.words(2, 4)).replace(/ /g, '_')}.jpg`;
      blocks.push(
        `<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="683" ` +
          `src="/wp-content/uploads/2024/09/${file}" alt="" class="wp-image-${w.between(1000, 99999)}">` +
          `<figcaption class="wp-element-caption">(${cap(w.words(4, 10))}, CC BY-SA 4.0 via Wikimedia Commons)</figcaption></figure>`,
      );
      left -= 1;
    } else if (roll < 0.23) {
      blocks.push(`<blockquote class="wp-block-quote"><p>${w.paragraph(2)}</p></blockquote>`);
      left -= 1;
    } else {
      blocks.push(`<p>${w.paragraph(w.between(2, 6))}</p>`);
      left -= 1;
    }
  }
  return blocks;
}

function cap(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

export function generateDiffPost({ segments, seed = 2024 }: PostOptions): GeneratedPost {
  if (segments < 1) throw new Error('A post has at least its title');
  const w = new Writer(random(seed + segments));
  const title = `${cap(w.words(5, 9))} (${segments} segments)`;
  const slug = `bench-post-of-${segments}-segments`;
  const path = `/2025/01/15/${slug}/`;
  const canonicalUrl = `https://diff.wikimedia.org${path}`;
  const body = bodyBlocks(w, segments - 1).join('\n\n');
  const html = `<!doctype html>
<html lang="en-US" dir="ltr">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} &#8211; Diff</title>
<link rel="canonical" href="${canonicalUrl}">
<meta property="og:type" content="article">
<meta property="og:title" content="${title}">
<meta property="og:url" content="${canonicalUrl}">
<meta property="og:site_name" content="Diff">
<meta property="og:locale" content="en_US">
<link rel="alternate" href="${canonicalUrl}" hreflang="en">
</head>
<body class="post-template-default single single-post postid-150000 single-format-standard no-sidebar">
<div id="page" class="site">
	<a class="skip-link screen-reader-text" href="#primary">Skip to content</a>
	<header id="masthead" class="site-header">
		<div class="wrapper flex flex-medium flex-space-between">
			<div class="site-branding">
				<p class="site-title"><a href="https://diff.wikimedia.org/" rel="home">Diff</a></p>
				<p class="site-description">Stories from the Wikimedia movement</p>
			</div>
			<nav id="site-navigation" class="main-navigation">
				<button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">Menu</button>
				<ul id="primary-menu" class="menu">
					<li class="menu-item"><a href="https://diff.wikimedia.org/about/">About</a></li>
					<li class="menu-item"><a href="https://diff.wikimedia.org/calendar/">Calendar</a></li>
				</ul>
			</nav>
		</div>
	</header>
	<div id="content" class="site-content">
	<main id="primary" class="site-main">
<article id="post-150000" class="post-150000 post type-post status-publish format-standard hentry category-community">
	<div class="wrapper">
		<header class="entry-header wrapper-small">
			<h1 class="entry-title">${title}</h1>
			<div class="entry-meta">
				<span class="posted-on"><time class="entry-date published" datetime="2025-01-15T12:00:00+00:00">15 January 2025</time></span>
				<span class="byline"> by <span class="author vcard"><a class="url fn n" href="https://diff.wikimedia.org/author/bench/">Bench Author</a></span></span>
			</div>
			<div class="translate-post-anchor"><a href="#translate-post">Translate this post</a></div>
		</header>
		<div class="entry-content wrapper-small">

${body}

<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3><div class="sd-content"><ul>
<li class="share-mastodon"><a rel="nofollow noopener noreferrer" class="share-mastodon sd-button share-icon" href="?share=mastodon" target="_blank"><span>Mastodon</span></a></li>
<li class="share-end"></li></ul></div></div></div>

				<div id="translate-post" class="translate-post">
					<div class="translate-post-image"><img src="/wp-content/themes/interconnection/assets/images/translate-post.jpg" alt=""></div>
					<div class="translate-post-content">
						<h2>Can you help us translate this article?</h2>
						<p>In order for this article to reach as many people as possible we would like your help. Can you translate this article to get the message out?</p>
						<a href="https://diff.wikimedia.org/wp-login.php?redirect_to=${encodeURIComponent(path + '#translate-post')}" class="translate-post-login">Start translation</a>
					</div>
				</div>

<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3></div>
		</div><!-- .entry-content -->
	</div>
	<footer class="entry-footer"><div class="comments-wrapper"><h3>No comments</h3></div></footer>
</article>
	</main>
	</div>
	<footer id="colophon" class="site-footer"><div class="site-info">Text is available under the Creative Commons Attribution-ShareAlike License.</div></footer>
</div>
</body>
</html>
`;
  return { html, path, canonicalUrl, title, segmentCount: segments };
}
