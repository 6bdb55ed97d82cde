// @vitest-environment happy-dom
// The global switch shows the user's click at once and keeps showing it while the background works (removing
// thousands of rules takes a moment, and the popup re-renders every second for its countdowns meanwhile).
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GlobalSwitch } from '../../../src/popup/global-switch';

afterEach(cleanup);

const toggle = () => screen.getByRole('switch', { name: 'Overrides enabled' }) as HTMLInputElement;

describe('GlobalSwitch', () => {
  it('stays off after the click until the background answers, across re-renders with the old state', async () => {
    let answer: () => void = () => undefined;
    const onChange = vi.fn(() => new Promise<void>((resolve) => (answer = resolve)));
    const { rerender } = render(<GlobalSwitch enabled onChange={onChange} />);
    fireEvent.click(toggle());
    expect(onChange).toHaveBeenCalledWith(false);
    // The countdown's re-render, the background not having answered yet.
    rerender(<GlobalSwitch enabled onChange={onChange} />);
    expect(toggle().checked).toBe(false);
    expect(screen.getByText('Overrides off')).toBeTruthy();
    // The answer arrives with the new state.
    rerender(<GlobalSwitch enabled={false} onChange={onChange} />);
    answer();
    await vi.waitFor(() => expect(toggle().checked).toBe(false));
  });

  it('shows the background’s state again when the call fails to change it', async () => {
    const onChange = vi.fn(async () => undefined);
    const { rerender } = render(<GlobalSwitch enabled onChange={onChange} />);
    fireEvent.click(toggle());
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
    rerender(<GlobalSwitch enabled onChange={onChange} />);
    await vi.waitFor(() => expect(toggle().checked).toBe(true));
    expect(screen.getByText('Overrides on')).toBeTruthy();
  });
});
