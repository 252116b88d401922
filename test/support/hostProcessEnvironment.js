const { TestEnvironment } = require("jest-environment-node");

/**
 * Jest's node environment, plus `hostUnhandledRejections`: a way for a test to listen for
 * `unhandledRejection` on the process that runs it. A test's own `process` is a copy whose
 * listeners never hear that event, yet an unhandled rejection in the provider ends the real
 * process; tests that prove none occurs need to listen where Node reports it. Select it with a
 * `@jest-environment ./test/support/hostProcessEnvironment.js` docblock.
 */
class HostProcessEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.hostUnhandledRejections = {
      on: (listener) => void process.on("unhandledRejection", listener),
      off: (listener) => void process.off("unhandledRejection", listener),
    };
  }
}

module.exports = HostProcessEnvironment;
