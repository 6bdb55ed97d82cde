import type { ExchangeRecord } from '../core/exchange';

interface Step {
  label: string;
  url: string;
  status: string;
  /** ms since the exchange started. */
  at: number;
  failed: boolean;
}

/** Preflight → redirects → actual request, as the browser ran them. */
export function Timeline({ record }: { record: ExchangeRecord }) {
  const steps = stepsOf(record);
  return (
    <ol class="timeline" aria-label="Timeline">
      {steps.map((step, i) => (
        <li key={i} class={step.failed ? 'bad' : undefined}>
          <strong>{step.label}</strong> <code>{step.url}</code> <span>{step.status}</span>{' '}
          <span class="muted">+{Math.round(step.at)} ms</span>
        </li>
      ))}
    </ol>
  );
}

function stepsOf(record: ExchangeRecord): Step[] {
  const t0 = record.preflight?.request.time ?? record.startedAt;
  const steps: Step[] = [];
  const { preflight } = record;
  if (preflight) {
    const status = preflight.response?.status;
    steps.push({
      label: 'Preflight OPTIONS',
      url: record.request.url,
      status: status !== undefined ? String(status) : (preflight.error ?? 'no answer'),
      at: (preflight.response?.time ?? preflight.request.time) - t0,
      failed: status === undefined || status < 200 || status > 299,
    });
  } else if (record.preflightCached) {
    steps.push({
      label: 'Preflight',
      url: record.request.url,
      status: 'answered from the preflight cache',
      at: 0,
      failed: false,
    });
  }
  for (const hop of record.hops) {
    steps.push({
      label: `Redirect ${hop.status}`,
      url: `${hop.url} → ${hop.location}`,
      status: String(hop.status),
      at: hop.time - t0,
      failed: false,
    });
  }
  const { response } = record;
  steps.push({
    label: record.request.method,
    url: response?.url ?? record.request.url,
    status:
      response !== undefined
        ? `${response.status}${response.fromCache ? ' (from cache)' : ''}`
        : record.outcome === 'pending'
          ? 'pending'
          : preflight
            ? 'not sent'
            : (record.error ?? 'no response'),
    at: (response?.time ?? record.endedAt ?? record.startedAt) - t0,
    failed: record.outcome === 'failed',
  });
  return steps;
}
