/**
 * Mocha `require` setup, registered in .mocharc.json and .mocharc.ts.json. Mocha sets
 * `Error.stackTraceLimit` to Infinity, and the Pulumi SDK captures a stack trace for every promise
 * it makes (thousands per component test), which was most of the suite's time. No test reads a
 * stack trace; a failing assertion still names its test and message.
 */
Error.stackTraceLimit = 0;
