/** `chatgpt-identity verify`: wired into cli/main.ts as `if (command === "verify") return verifyMain(rest)`. */
export { VERIFY_EXIT } from "./exitCodes";
export { VERIFY_USAGE } from "./usage";
export { VerifyCommandOptions, VerifyUsageError, parseVerifyArgs } from "./args";
export { VerifyIo, processVerifyIo, runVerifyCommand, verifyExitCode, verifyMain } from "./runVerify";
export { readLiveFactsFromEnvironment } from "./planLive";
