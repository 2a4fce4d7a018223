// Daily notes are calendar dates: pin the zone so a test run at midnight in
// Auckland and one in Honolulu see the same days. DAYBOOK_TEST_TZ runs them in another
// zone (the time-zone tests do, to show day arithmetic never depends on it).
module.exports = () => {
  process.env.TZ = process.env.DAYBOOK_TEST_TZ || 'UTC';
};
