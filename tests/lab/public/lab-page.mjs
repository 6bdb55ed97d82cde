// @ts-check
// The lab's human page: one button per scenario, each showing whether the browser allowed the request.
import { scenarios } from '../scenarios.mjs';
import { runScenario } from './run-scenario.mjs';

const config = await (await fetch('/lab-config.json')).json();
const list = scenarios(config);
const table = /** @type {HTMLTableSectionElement} */ (document.querySelector('#scenarios tbody'));

/** @param {import('../scenarios.mjs').Scenario} scenario @param {HTMLTableRowElement} row */
async function run(scenario, row) {
  const cell = /** @type {HTMLTableCellElement} */ (row.querySelector('.result'));
  cell.textContent = 'running…';
  cell.className = 'result';
  const result = await runScenario(scenario);
  let text = result.allowed ? `allowed (HTTP ${result.status})` : 'blocked by CORS';
  if (scenario.readHeader && result.allowed)
    text += result.readable ? ` · ${scenario.readHeader} readable` : ` · ${scenario.readHeader} NOT readable`;
  cell.textContent = text;
  cell.className = `result ${result.allowed ? 'allowed' : 'blocked'}`;
  row.dataset.outcome = result.allowed ? 'allowed' : 'blocked';
  return result;
}

const rows = list.map((scenario) => {
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
  expect.textContent = scenario.expect + (scenario.corsError ? ` (${scenario.corsError})` : '');
  expect.className = 'expect';
  const result = row.insertCell();
  result.className = 'result';
  result.textContent = '—';
  return /** @type {const} */ ([scenario, row]);
});

document.querySelector('#run-all')?.addEventListener('click', async () => {
  for (const [scenario, row] of rows) await run(scenario, row);
});

// For `npm start` and tests: run every scenario and return the outcomes by name.
Object.assign(window, {
  lab: {
    scenarios: list,
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
