// @ts-check
// The lab's human page: one button per scenario, each showing whether the browser allowed the request. Served from
// the lab's public page origin, it lists the Local Network Access scenarios only (they need that page).
import { lookalikeScenarios, scenarios } from '../scenarios.mjs';
import { runScenario } from './run-scenario.mjs';

const config = await (await fetch('/lab-config.json')).json();
const isPublicPage = config.pageOrigin === config.publicPageOrigin;
const list = isPublicPage ? [] : scenarios(config);
const lookalikes = lookalikeScenarios(config).filter((s) => (s.page === 'public') === isPublicPage);

/** @param {import('../scenarios.mjs').Scenario} scenario @param {HTMLTableRowElement} row */
async function run(scenario, row) {
  const cell = /** @type {HTMLTableCellElement} */ (row.querySelector('.result'));
  cell.textContent = 'running…';
  cell.className = 'result';
  const result = await runScenario(scenario);
  let text = result.allowed ? `allowed (HTTP ${result.status})` : 'blocked';
  if (scenario.readHeader && result.allowed)
    text += result.readable ? ` · ${scenario.readHeader} readable` : ` · ${scenario.readHeader} NOT readable`;
  cell.textContent = text;
  cell.className = `result ${result.allowed ? 'allowed' : 'blocked'}`;
  row.dataset.outcome = result.allowed ? 'allowed' : 'blocked';
  return result;
}

/** @param {string} selector @param {import('../scenarios.mjs').Scenario[]} items */
function fill(selector, items) {
  const table = /** @type {HTMLTableSectionElement} */ (document.querySelector(`${selector} tbody`));
  return items.map((scenario) => {
    const row = table.insertRow();
    row.dataset.scenario = scenario.name;
    const button = document.createElement('button');
    button.textContent = scenario.title;
    button.addEventListener('click', () => void run(scenario, row));
    row.insertCell().append(button);
    const desc = row.insertCell();
    desc.textContent = scenario.description;
    desc.className = 'desc';
    const expect = row.insertCell();
    expect.textContent =
      scenario.expect +
      (scenario.corsError ? ` (${scenario.corsError})` : '') +
      (scenario.kind ? ` · ${scenario.kind}` : '');
    expect.className = 'expect';
    const result = row.insertCell();
    result.className = 'result';
    result.textContent = '—';
    return /** @type {const} */ ([scenario, row]);
  });
}

const rows = fill('#scenarios', list);
const lookalikeRows = fill('#lookalikes', lookalikes);
for (const element of document.querySelectorAll(isPublicPage ? '.main-only' : '.public-only')) {
  if (element instanceof HTMLElement) element.hidden = true;
}
const link = /** @type {HTMLAnchorElement | null} */ (document.querySelector('#public-page'));
if (link) {
  link.href = `${config.publicPageOrigin}/`;
  link.textContent = config.publicPageOrigin;
}

document.querySelector('#run-all')?.addEventListener('click', async () => {
  for (const [scenario, row] of [...rows, ...lookalikeRows]) await run(scenario, row);
});

// For `npm start` and tests: run every scenario and return the outcomes by name.
Object.assign(window, {
  lab: {
    scenarios: list,
    lookalikes,
    async runAll() {
      /** @type {Record<string, import('./run-scenario.mjs').ScenarioResult>} */
      const out = {};
      for (const [scenario, row] of rows) out[scenario.name] = await run(scenario, row);
      return out;
    },
    runScenario,
  },
});
document.body.dataset.ready = 'true';
