// Every rule's valid and invalid cases (cases.ts) through the RuleTester.
import { RULE_CASES } from './cases.js';
import { ruleTester } from './rule-tester.js';

for (const [rule, cases] of RULE_CASES) ruleTester(rule, cases);
