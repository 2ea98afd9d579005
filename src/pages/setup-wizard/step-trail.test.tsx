import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StepTrail } from './step-trail';

describe('StepTrail', () => {
  it('lists the steps in order, marks the current one and says which are done', () => {
    render(<StepTrail labels={['Connect', 'Notification', 'Test', 'Done']} active={2} completed={(i) => i < 2} />);
    const list = screen.getByRole('list', { name: 'Setup steps' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['Connect (done)', 'Notification (done)', '3Test', '4Done']);
    expect(items[2]).toHaveAttribute('aria-current', 'step');
    expect(items.filter((item) => item.hasAttribute('aria-current'))).toHaveLength(1);
  });
});
