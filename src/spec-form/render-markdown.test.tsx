import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, safeHref } from './render-markdown';

const renderSource = (source: string) => render(<div data-testid="md">{renderMarkdown(source)}</div>);

describe('renderMarkdown', () => {
  it('splits paragraphs on blank lines and joins soft line breaks', () => {
    const { container } = renderSource('First line\ncontinues here.\n\n  \nSecond paragraph.');
    const paragraphs = container.querySelectorAll('p');
    expect([...paragraphs].map((p) => p.textContent)).toEqual(['First line continues here.', 'Second paragraph.']);
  });

  it('renders strong, emphasis and code, nested inside links', () => {
    const { container } = renderSource(
      '**Key** and __also__, *one* _two_, `a*b*c` and [**bold** link](https://x.test/a)',
    );
    expect([...container.querySelectorAll('strong')].map((el) => el.textContent)).toEqual(['Key', 'also', 'bold']);
    expect([...container.querySelectorAll('em')].map((el) => el.textContent)).toEqual(['one', 'two']);
    expect(container.querySelector('code')?.textContent).toBe('a*b*c');
    const link = screen.getByRole('link', { name: 'bold link' });
    expect(link.querySelector('strong')).not.toBeNull();
    expect(link).toHaveAttribute('href', 'https://x.test/a');
  });

  it('keeps parentheses inside a link URL and the text after it', () => {
    const { container } = renderSource('See ([how](https://x.test/a_(b))).');
    expect(screen.getByRole('link', { name: 'how' })).toHaveAttribute('href', 'https://x.test/a_(b)');
    expect(container.textContent).toBe('See (how).');
  });

  it('leaves snake_case words and lone asterisks alone, and honours backslash escapes', () => {
    const { container } = renderSource('Use map_to_field and 2 * 3 * 4 or \\*literal\\*');
    expect(container.querySelector('em')).toBeNull();
    expect(container.textContent).toBe('Use map_to_field and 2 * 3 * 4 or *literal*');
  });

  it('renders markup-looking text as text, never as elements', () => {
    const { container } = renderSource('`<img src=x onerror=alert(1)>` and **<svg onload=alert(1)>**');
    expect(container.querySelector('img, svg')).toBeNull();
    expect(container.querySelector('code')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(container.querySelector('strong')?.textContent).toBe('');
  });

  it('drops images and their alt text', () => {
    const { container } = renderSource('Before ![tracking pixel](https://x.test/p.png) after');
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('Before  after');
  });
});

describe('safeHref', () => {
  it('allows only http, https and mailto', () => {
    expect(safeHref(' https://x.test ')).toBe('https://x.test');
    expect(safeHref('HTTP://x.test')).toBe('HTTP://x.test');
    expect(safeHref('mailto:a@x.test')).toBe('mailto:a@x.test');
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:x',
      'data:text/html,hi',
      '/admin',
      '//evil.test',
      'vbscript:x',
    ])
      expect(safeHref(url)).toBeNull();
  });
});
