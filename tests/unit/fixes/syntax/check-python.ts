import { requireParser, runTool } from './run-tool';

const python = '/usr/bin/python3';
const PARSE_ALL = `
import ast, json, sys
errors = []
for code in json.load(sys.stdin):
    try:
        ast.parse(code)
        errors.append(None)
    except SyntaxError as error:
        errors.append(f"line {error.lineno}: {error.msg}")
print(json.dumps(errors))
`;

/** ast.parse for each snippet, in one python3 process; the error per snippet or null. */
export function checkPython(codes: string[]): (string | null)[] {
  requireParser(python, 'apt-get install -y python3');
  const run = runTool(python, ['-c', PARSE_ALL], { input: JSON.stringify(codes) });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as (string | null)[];
}
