/*
 * tests/ and scripts/ never import each other (README "Tests, benchmarks and support"): what both
 * need (corpus loading, scoring, browser launch, the loopback server, page objects) is in support/,
 * which imports neither.
 */
const scripts = { group: ['**/scripts', '**/scripts/**'], message: 'Tests do not import scripts/: share code through support/, and run a script as a command.' };
const tests = { group: ['**/tests', '**/tests/**'], message: 'Scripts do not import tests/: share code through support/.' };

export const testsAndScriptsRules = [
  { files: ['tests/**/*.{ts,tsx,js,mjs}'], rules: { 'no-restricted-imports': ['error', { patterns: [scripts] }] } },
  { files: ['scripts/**/*.{ts,tsx,js,mjs}'], rules: { 'no-restricted-imports': ['error', { patterns: [tests] }] } },
  { files: ['support/**/*.{ts,tsx,js,mjs}'], rules: { 'no-restricted-imports': ['error', { patterns: [scripts, tests] }] } },
];
