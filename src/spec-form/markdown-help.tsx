import Markdown, { type Components, type UrlTransform } from 'react-markdown';

const safeProtocol = /^(https?:|mailto:)/i;

/** Only absolute http(s) and mailto links survive; everything else (javascript:, data:, relative) loses its href. */
export const safeUrlTransform: UrlTransform = (url) => {
  const trimmed = url.trim();
  return safeProtocol.test(trimmed) ? trimmed : '';
};

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // Images could track the reader or spoof the UI; help text never needs one.
  img: () => null,
};

/**
 * Renders a spec's `info_md` as markdown, safely: raw HTML is skipped (never parsed into elements), images are not
 * rendered, links are limited to http/https/mailto and open in a new tab without access to this window.
 */
export function MarkdownHelp({ source, id, className }: { source: string; id?: string; className?: string }) {
  return (
    <div id={id} className={className ?? 'sf-markdown'}>
      <Markdown skipHtml urlTransform={safeUrlTransform} components={components}>
        {source}
      </Markdown>
    </div>
  );
}
