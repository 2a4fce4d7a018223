// Daily notes are calendar dates: pin the zone so a test run at midnight in
// Auckland and one in Honolulu see the same days.
module.exports = () => {
  process.env.TZ = 'UTC';
};
