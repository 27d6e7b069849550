// Run before the tests: an unsupported Node says so in one line instead of failing deep in Vite.
import { nodeProblem } from '../support/environment.mjs';

const problem = nodeProblem(process.version);
if (problem) {
  console.error(problem);
  process.exit(1);
}
