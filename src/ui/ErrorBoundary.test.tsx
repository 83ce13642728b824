// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

function Boom(): never {
  throw new Error('render failed');
}

describe('ErrorBoundary', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps the program text on screen and offers a reload after a render error', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ErrorBoundary getText={() => 'x = 1\nf = x * x'} labels={{ title: 'Something broke', body: 'Your program is saved.', reload: 'Reload', program: 'program' }}>
        <Boom />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Something broke');
    expect((screen.getByLabelText('program') as HTMLTextAreaElement).value).toBe('x = 1\nf = x * x');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
    expect(screen.getByText('render failed')).toBeTruthy();
  });

  it('renders its children when nothing goes wrong', () => {
    render(
      <ErrorBoundary getText={() => ''} labels={{ title: 't', body: 'b', reload: 'r', program: 'p' }}>
        <p>fine</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText('fine')).toBeTruthy();
  });
});
