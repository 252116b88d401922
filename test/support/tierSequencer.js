const Sequencer = require("@jest/test-sequencer").default;

/** The tiers whose files start first: end-to-end files are the longest, unit files the shortest. */
const START_ORDER = ["e2e", "integration", "unit"];

function tierRank(test) {
  const name = test.context.config.displayName?.name;
  const rank = START_ORDER.indexOf(name);
  return rank === -1 ? START_ORDER.length : rank;
}

/**
 * Jest's own order (the files that failed last time first, then the longest by the times of the
 * last run, else the largest), with the tiers' files started end-to-end first. Files of all tiers
 * share the workers, so the run ends soonest when the longest files start first; jest knows their
 * times only after a run on this machine (a fresh CI machine has none), but the tier says it anyway.
 */
class TierSequencer extends Sequencer {
  sort(tests) {
    const byJest = super.sort([...tests]);
    return byJest
      .map((test, index) => ({ test, index, rank: tierRank(test) }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .map(({ test }) => test);
  }
}

module.exports = TierSequencer;
