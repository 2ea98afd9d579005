import type { ReactNode } from 'react';

const safeProtocol = /^(https?:|mailto:)/i;

/** Only absolute http(s) and mailto links survive; everything else (javascript:, data:, relative) loses its href. */
export function safeHref(url: string): string | null {
  const trimmed = url.trim();
  return safeProtocol.test(trimmed) ? trimmed : null;
}

// Raw HTML is never interpreted: outside code spans its tags (and comments) are dropped, their text stays as
// plain text. Everything is rendered as React text nodes anyway; dropping the tags only keeps help text readable.
const htmlTag = /<!--[\s\S]*?-->|<\/?[a-zA-Z][^<>]*>/g;

/**
 * One inline construct per alternative, first match wins: `code`, image (dropped), [link](url), **strong** /
 * __strong__, *em* / _em_, a backslash escape.
 */
const inline =
  /`([^`]+)`|!\[([^\]]*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)|\[([^\]]+)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)|\*\*(.+?)\*\*|__(.+?)__|\*([^*\s](?:[^*]*[^*\s])?)\*|\b_([^_\s](?:[^_]*[^_\s])?)_\b|\\([\\`*_[\]()!])/g;

const plain = (text: string) => text.replace(htmlTag, '');

function renderInline(text: string, keyPrefix: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  let index = 0;
  for (const match of text.matchAll(inline)) {
    const start = match.index;
    if (start > last) nodes.push(plain(text.slice(last, start)));
    const key = `${keyPrefix}.${index++}`;
    const [, code, , , linkText, linkUrl, strong1, strong2, em1, em2, escaped] = match;
    if (code !== undefined) nodes.push(<code key={key}>{code}</code>);
    else if (linkText !== undefined) {
      const href = safeHref(linkUrl ?? '');
      const children = renderInline(linkText, key);
      nodes.push(
        href ? (
          <a key={key} href={href} target="_blank" rel="noopener noreferrer">
            {children}
          </a>
        ) : (
          <span key={key}>{children}</span>
        ),
      );
    } else if (strong1 !== undefined || strong2 !== undefined)
      nodes.push(<strong key={key}>{renderInline(strong1 ?? strong2 ?? '', key)}</strong>);
    else if (em1 !== undefined || em2 !== undefined)
      nodes.push(<em key={key}>{renderInline(em1 ?? em2 ?? '', key)}</em>);
    else if (escaped !== undefined) nodes.push(escaped);
    // An image matched: nothing is rendered (it could track the reader or spoof the UI).
    last = start + match[0].length;
  }
  if (last < text.length) nodes.push(plain(text.slice(last)));
  return nodes;
}

/**
 * The markdown subset specs use, as React elements and text nodes only (never innerHTML): paragraphs split on
 * blank lines, `code`, **strong**, *emphasis*, and [links](https://…) limited to http/https/mailto.
 */
export function renderMarkdown(source: string): ReactNode[] {
  return source
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim().replace(/\s*\n\s*/g, ' '))
    .filter((paragraph) => plain(paragraph).trim() !== '')
    .map((paragraph, index) => <p key={index}>{renderInline(paragraph, String(index))}</p>);
}
