// Parses each script or module from stdin (JSON [{code, module}]) with V8, as node --check does, without
// running it; prints the SyntaxError per entry or null. Needs --experimental-vm-modules for modules.
import vm from 'node:vm';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const errors = JSON.parse(input).map(({ code, module }) => {
  try {
    if (module) new vm.SourceTextModule(code);
    else new vm.Script(code);
    return null;
  } catch (error) {
    return String(error);
  }
});
process.stdout.write(JSON.stringify(errors));
