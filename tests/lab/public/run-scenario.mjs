// @ts-check
// Runs one scenario's request from the page, as page script would, and reports what the browser allowed.

/**
 * @typedef {{ allowed: boolean, status?: number, readableHeaders?: string[], readHeader?: string, readable?: boolean, error?: string }} ScenarioResult
 */

/**
 * Sends the request `scenario.runs` times in a row (once by default) and reports the last outcome.
 * @param {import('../scenarios.mjs').Scenario} scenario @returns {Promise<ScenarioResult>}
 */
export async function runScenario(scenario) {
  let result = await runOnce(scenario);
  for (let i = 1; i < (scenario.runs ?? 1); i++) result = await runOnce(scenario);
  return result;
}

/** @param {import('../scenarios.mjs').Scenario} scenario @returns {Promise<ScenarioResult>} */
async function runOnce(scenario) {
  const { url, method, headers, credentials } = scenario.request;
  const cache = scenario.cache ?? 'no-store';
  try {
    const response = await fetch(url, { method, headers, credentials, mode: 'cors', cache });
    await response.arrayBuffer();
    const readableHeaders = [...response.headers.keys()].sort();
    /** @type {ScenarioResult} */
    const result = { allowed: true, status: response.status, readableHeaders };
    if (scenario.readHeader) {
      result.readHeader = scenario.readHeader;
      result.readable = response.headers.has(scenario.readHeader);
    }
    return result;
  } catch (error) {
    // A CORS failure is a TypeError with no detail, by design of the Fetch standard.
    return { allowed: false, error: error instanceof Error ? error.message : String(error) };
  }
}
