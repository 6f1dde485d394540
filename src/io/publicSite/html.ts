import type { PublicStrings } from './strings';

/** Every text from the data goes through this: the site never renders imported or user text as HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// Plain, readable, high contrast (WCAG 2.1 AA); no script on the text pages.
const STYLE = `body{font-family:system-ui,sans-serif;line-height:1.5;max-width:46rem;margin:0 auto;padding:1rem;color:#1a1a1a;background:#fff}
a{color:#0b4f8a}a:focus-visible{outline:3px solid #0b4f8a;outline-offset:2px}
.muted{color:#4a4a4a}.currency{padding:0 .3rem;border:1px solid currentColor;border-radius:.2rem}
.currency-current{color:#0a5c2b}.currency-expired,.currency-superseded{color:#6b2c00}
.promise{border-top:2px solid #ccc;margin-top:1.5rem}.activity{margin:1rem 0;padding-left:.8rem;border-left:3px solid #ddd}
q{font-style:italic}header nav{display:flex;justify-content:flex-end}
input,select,button{font:inherit}.near-results h3{margin-bottom:.2rem}.near-results p{margin:.2rem 0}.near-results li{margin-bottom:1rem}
.map{height:min(70vh,32rem);border:1px solid #767676;margin:1rem 0}.legend{list-style:none;padding:0}
.swatch{display:inline-block;width:1.2rem;height:.8rem;border:1px solid #1a1a1a;vertical-align:middle}`;

export function page(t: PublicStrings, content: { title: string; otherLanguage: string; body: string; /** Extra elements of <head>, already HTML (a feed link, a page script). */ head?: string }): string {
  return `<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(content.title)}</title>
<style>${STYLE}</style>
${content.head ?? ''}</head>
<body>
<header><nav><a href="${escapeHtml(content.otherLanguage)}" lang="${t.lang === 'sv' ? 'en' : 'sv'}">${escapeHtml(t.otherLanguage.label)}</a></nav></header>
<main>
${content.body}
</main>
</body>
</html>
`;
}
