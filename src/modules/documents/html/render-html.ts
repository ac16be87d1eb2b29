/**
 * A DocModel as a complete, standalone HTML5 page (CLI `document --out x.html`, downloads).
 * Pages served by the app embed `DocumentView` in the site layout instead.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { DocModel } from '../domain/model.js';
import { DocumentView } from './DocumentView.js';

/** Path of the stylesheet for `DocumentView`, for the server to serve as a static file. */
export const documentCssPath = fileURLToPath(new URL('./document.css', import.meta.url));

export type RenderHtmlOptions =
  | {
      /** URL of document.css as served by the app. */
      cssHref: string;
      /** URL of the Sarabun @font-face stylesheet; without it the reader's Thai fonts are used. */
      fontCssHref?: string;
      inlineCss?: false;
    }
  | {
      /**
       * Puts document.css in a <style> element so the file works on its own (a download, the CLI).
       * Only for files: a page served under CSP `style-src 'self'` must link the stylesheet.
       */
      inlineCss: true;
      fontCssHref?: string;
      /**
       * Also embeds Sarabun Regular and Bold (OFL-1.1) as data: URLs (~220 KB), so the file looks
       * the same on a machine without Thai fonts. Off by default: every common OS has a Thai font.
       */
      embedFonts?: boolean;
      cssHref?: undefined;
    };

let cachedCss: string | undefined;
function documentCss(): string {
  cachedCss ??= readFileSync(documentCssPath, 'utf8');
  return cachedCss;
}

let cachedFontCss: string | undefined;
function embeddedFontCss(): string {
  if (cachedFontCss === undefined) {
    const require = createRequire(import.meta.url);
    const face = (weight: number, file: string) => {
      const data = readFileSync(require.resolve(`@expo-google-fonts/sarabun/${file}`)).toString('base64');
      return `@font-face { font-family: 'Sarabun'; font-style: normal; font-weight: ${weight}; font-display: swap; src: url(data:font/ttf;base64,${data}) format('truetype'); }`;
    };
    cachedFontCss = [face(400, '400Regular/Sarabun_400Regular.ttf'), face(700, '700Bold/Sarabun_700Bold.ttf')].join('\n');
  }
  return cachedFontCss;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderDocumentHtml(model: DocModel, opts: RenderHtmlOptions): string {
  const body = renderToString(h(DocumentView, { model }));
  const links: string[] = [];
  if (opts.fontCssHref) links.push(`<link rel="stylesheet" href="${escapeAttribute(opts.fontCssHref)}">`);
  if (opts.inlineCss) {
    // Preact escapes text inside <style>, so the element is written here. The CSS is our own file;
    // guard anyway against anything that would close the element early.
    const css = (opts.embedFonts ? `${embeddedFontCss()}\n` : '') + documentCss();
    links.push(`<style>${css.replace(/<\/(style)/gi, '<\\/$1')}</style>`);
  } else {
    links.push(`<link rel="stylesheet" href="${escapeAttribute(opts.cssHref)}">`);
  }
  const title = renderToString(h('title', null, model.title));
  return [
    '<!doctype html>',
    `<html lang="${escapeAttribute(model.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    title,
    model.author ? `<meta name="author" content="${escapeAttribute(model.author)}">` : '',
    ...links,
    '</head>',
    '<body class="doc-page">',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ]
    .filter(Boolean)
    .join('\n');
}
