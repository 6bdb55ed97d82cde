// @ts-check
// Runs one scenario's request from the page, as page script would, and reports what the browser allowed.

/**
 * @typedef {{ allowed: boolean, status?: number, readableHeaders?: string[], readable?: boolean, error?: string }} ScenarioResult
 */

/** @param {import('../scenarios.mjs').Scenario} scenario @returns {Promise<ScenarioResult>} */
export async function runScenario(scenario) {
  const { url, method, headers, credentials } = scenario.request;
  try {
    const response = await fetch(url, { method, headers, credentials, mode: 'cors', cache: 'no-store' });
    await response.arrayBuffer();
    const readableHeaders = [...response.headers.keys()].sort();
    /** @type {ScenarioResult} */
    const result = { allowed: true, status: response.status, readableHeaders };
    if (scenario.readHeader) result.readable = response.headers.has(scenario.readHeader);
    return result;
  } catch (error) {
    // A CORS failure is a TypeError with no detail, by design of the Fetch standard.
    return { allowed: false, error: error instanceof Error ? error.message : String(error) };
  }
}
