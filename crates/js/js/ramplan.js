// ramplan for embeds. Call `init()` once and wait for it; then every function takes plain
// values and returns a plain object, `{type: "success", ...}` or `{type: "failure", errors}`,
// and never throws. Types: ramplan.d.ts. Guide: docs/js-api.md.

import initWasm, * as wasm from './ramplan_js.js';

let ready = null;
let loaded = false;

/**
 * Loads the WebAssembly module (ramplan_js_bg.wasm beside this file, unless told where).
 * Safe to call again: later calls return the first call's promise, unless it failed.
 */
export function init(moduleOrPath) {
  const options = moduleOrPath === undefined ? undefined : { module_or_path: moduleOrPath };
  ready ??= initWasm(options).then(
    () => {
      loaded = true;
    },
    (error) => {
      ready = null; // so that a later call can try again
      throw error;
    },
  );
  return ready;
}

const failure = (message, help) => ({
  type: 'failure',
  errors: [help === undefined ? { message } : { message, help }],
});

/** Guards a binding: no module yet is a failure, and so is anything the module throws. */
function guard(name, call) {
  return (...args) => {
    if (!loaded) {
      return failure('ramplan is not loaded yet', `call \`init()\` and wait for it before \`${name}\``);
    }
    try {
      return call(...args) ?? failure(`\`${name}\` gave no answer`);
    } catch (error) {
      // Only a fault in ramplan itself gets here (the core never panics on input), and a
      // WebAssembly module that trapped may not answer again.
      return failure(`ramplan stopped while answering \`${name}\`: ${error}`, 'reload the page');
    }
  };
}

export const scenarios = guard('scenarios', (options) => wasm.scenarios(options));
export const plan = guard('plan', (scenarioId, inputs, options) => wasm.plan(scenarioId, inputs, options));
export const lint = guard('lint', (text, options) => wasm.lint(text, options));
export const simulate = guard('simulate', (policies, request, options) =>
  wasm.simulate(policies, request, options),
);
export const simulateTrust = guard('simulateTrust', (policy, request, options) =>
  wasm.simulateTrust(policy, request, options),
);
export const checkExisting = guard('checkExisting', (scenarioId, inputs, documents, options) =>
  wasm.checkExisting(scenarioId, inputs, documents, options),
);
export const exportPlan = guard('exportPlan', (scenarioId, inputs, format, options) =>
  wasm.exportPlan(scenarioId, inputs, format, options),
);
export const convert = guard('convert', (text, format, options) => wasm.convert(text, format, options));
export const diff = guard('diff', (oldPolicies, newPolicies, options) =>
  wasm.diff(oldPolicies, newPolicies, options),
);
export const doctor = guard('doctor', (text, options) => wasm.doctor(text, options));
export const generate = guard('generate', (files, options) => wasm.generate(files, options));
