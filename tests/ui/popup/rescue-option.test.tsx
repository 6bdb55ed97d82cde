// @vitest-environment happy-dom
// "Answer preflights" in the popup: the browser's debugging bar is explained before anything is asked, the
// permission is requested only by the click that accepts, and Firefox says in one sentence why it cannot.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RescueOption } from '../../../src/popup/rescue-option';
import { RuleList } from '../../../src/popup/rule-list';
import type { RescueView } from '../../../src/shared/messages';
import { CANNOT_ANSWER_PREFLIGHTS } from '../../../src/shared/ui/rescue-explanation';
import { rule } from '../../unit/rules/fixtures';

vi.mock('../../../src/shared/browser', () => ({ browser: {} }));
afterEach(cleanup);

const chromium = (over: Partial<RescueView> = {}): RescueView => ({
  supported: true,
  granted: false,
  tabsByRule: {},
  ...over,
});
const box = () => screen.getByRole('checkbox', { name: /Answer preflights for/ });

/** The option for an active rule not yet answering, in Chromium without the permission; spies on both calls. */
function renderOff(granted = true) {
  const requestAccess = vi.fn(async () =>
    granted ? ({ kind: 'done', result: null } as const) : ({ kind: 'denied' } as const),
  );
  const onChange = vi.fn(async () => undefined);
  render(
    <RescueOption
      rule={rule()}
      active
      rescue={chromium()}
      onChange={onChange}
      requestAccess={requestAccess}
    />,
  );
  return { requestAccess, onChange };
}

describe('RescueOption', () => {
  it('explains the debugging bar first; the permission is asked only by "Turn on", then the rule changes', async () => {
    const { requestAccess, onChange } = renderOff();
    fireEvent.click(box());
    const explanation = screen.getByTestId('rescue-explanation');
    expect(explanation.textContent).toContain('“CORS Lens” started debugging this browser');
    expect(explanation.textContent).toContain('http://127.0.0.1:8081');
    expect(requestAccess).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledWith(true));
    expect(requestAccess).toHaveBeenCalledWith('r1');
  });

  it('"Not now" asks nothing and changes nothing', () => {
    const { requestAccess, onChange } = renderOff();
    fireEvent.click(box());
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByTestId('rescue-explanation')).toBeNull();
    expect((box() as HTMLInputElement).checked).toBe(false);
    expect(requestAccess).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('a refused permission leaves the option off and says so', async () => {
    const { onChange } = renderOff(false);
    fireEvent.click(box());
    fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    expect((await screen.findByRole('alert')).textContent).toContain('not granted');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('shows where it answers, and switches off without asking anything', () => {
    const onChange = vi.fn(async () => undefined);
    const on = rule({ answerPreflights: true });
    const { rerender } = render(
      <RescueOption
        rule={on}
        active
        rescue={chromium({ granted: true, tabsByRule: { r1: [4] } })}
        onChange={onChange}
      />,
    );
    expect(screen.getByTestId('rescue-state').textContent).toBe('answering in 1 tab');
    rerender(<RescueOption rule={on} active rescue={chromium({ granted: true })} onChange={onChange} />);
    expect(screen.getByTestId('rescue-state').textContent).toBe('waiting for a tab of http://localhost:5173');
    rerender(<RescueOption rule={on} active rescue={chromium({ granted: false })} onChange={onChange} />);
    expect(screen.getByTestId('rescue-state').textContent).toContain('needs the debugger permission');
    fireEvent.click(box());
    expect(onChange).toHaveBeenCalledWith(false);
  });
});

describe('RuleList', () => {
  const props = {
    rules: [rule()],
    activeIds: ['r1'],
    now: 0,
    onExtend: () => undefined,
    onRemove: () => undefined,
    onToggle: () => undefined,
    onEdit: () => undefined,
    onAnswerPreflights: async () => undefined,
  };

  it('Chromium: the option sits in each rule', () => {
    render(<RuleList {...props} rescue={chromium()} />);
    const item = screen.getByRole('listitem');
    expect(within(item).getByRole('checkbox', { name: /Answer preflights for/ })).toBeTruthy();
    expect(screen.queryByTestId('cannot-answer-preflights')).toBeNull();
  });

  it('Firefox: one sentence where the option would be, and no option', () => {
    render(<RuleList {...props} rescue={{ supported: false, granted: false, tabsByRule: {} }} />);
    expect(screen.queryByRole('checkbox', { name: /Answer preflights for/ })).toBeNull();
    expect(screen.getByTestId('cannot-answer-preflights').textContent).toBe(CANNOT_ANSWER_PREFLIGHTS);
  });
});
