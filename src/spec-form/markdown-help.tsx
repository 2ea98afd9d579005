import { renderMarkdown } from './render-markdown';

/**
 * Renders a spec's `info_md` as markdown, safely: raw HTML is dropped (never parsed into elements), images are not
 * rendered, links are limited to http/https/mailto and open in a new tab without access to this window.
 */
export function MarkdownHelp({ source, id, className }: { source: string; id?: string; className?: string }) {
  return (
    <div id={id} className={className ?? 'sf-markdown'}>
      {renderMarkdown(source)}
    </div>
  );
}
