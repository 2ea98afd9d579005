import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MarkdownHelp } from './markdown-help';

describe('MarkdownHelp', () => {
  it('renders markdown and opens safe links in a new tab without opener access', () => {
    render(<MarkdownHelp source="The **Integration Key** from [PagerDuty](https://support.pagerduty.com/)" />);
    expect(screen.getByText('Integration Key').tagName).toBe('STRONG');
    const link = screen.getByRole('link', { name: 'PagerDuty' });
    expect(link).toHaveAttribute('href', 'https://support.pagerduty.com/');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('keeps mailto links', () => {
    render(<MarkdownHelp source="[Write](mailto:ops@example.com)" />);
    expect(screen.getByRole('link', { name: 'Write' })).toHaveAttribute('href', 'mailto:ops@example.com');
  });

  it('never creates script elements from raw HTML', () => {
    const { container } = render(<MarkdownHelp source={'Hello <script>window.pwned = true</script> world'} />);
    expect(container.querySelector('script')).toBeNull();
    expect((window as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('renders no image, so an onerror handler cannot run', () => {
    const { container } = render(
      <MarkdownHelp source={'<img src="x" onerror="window.pwned = true"> and ![alt](https://example.com/a.png)'} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
  });

  it('strips javascript:, data: and relative hrefs', () => {
    const { container } = render(
      <MarkdownHelp
        source={'[bad](javascript:alert(1)) [also](JaVaScRiPt:alert(1)) [data](data:text/html,hi) [rel](/admin)'}
      />,
    );
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('bad');
    expect(container.innerHTML).not.toMatch(/javascript:/i);
  });

  it('treats raw HTML tags as inert (no elements, no attributes)', () => {
    const { container } = render(
      <MarkdownHelp
        source={'<b onclick="x()">bold</b> <iframe src="https://evil.example"></iframe> <a href="javascript:x()">a</a>'}
      />,
    );
    for (const tag of ['b', 'iframe', 'a']) expect(container.querySelector(tag)).toBeNull();
    expect(container.querySelector('[onclick]')).toBeNull();
  });
});
