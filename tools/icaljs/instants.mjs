// Print every event's start/end instants as ical.js (Mozilla, Thunderbird's parser) reads them.
// Usage: node instants.mjs FEED.ics [FROM_YEAR TO_YEAR] > instants.json
// All-day values print as YYYY-MM-DD, date-times as UTC YYYY-MM-DDTHH:MM:SSZ. Recurring events
// are expanded to the occurrences starting in [FROM_YEAR-01-01, TO_YEAR-01-01).
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const [path, fromYear = "2000", toYear = "2031"] = process.argv.slice(2);
const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));

for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
}

function show(time) {
  if (time.isDate) return time.toString();
  return time.toJSDate().toISOString().replace(".000Z", "Z");
}

const from = ICAL.Time.fromDateString(`${fromYear}-01-01`);
const to = ICAL.Time.fromDateString(`${toYear}-01-01`);
const result = {};
for (const vevent of calendar.getAllSubcomponents("vevent")) {
  const event = new ICAL.Event(vevent);
  const occurrences = [];
  if (event.isRecurring()) {
    const iterator = event.iterator();
    for (let next = iterator.next(); next && next.compare(to) < 0; next = iterator.next()) {
      if (next.compare(from) < 0) continue;
      const details = event.getOccurrenceDetails(next);
      occurrences.push([show(details.startDate), show(details.endDate)]);
    }
  } else {
    occurrences.push([show(event.startDate), show(event.endDate)]);
  }
  result[event.uid] = occurrences;
}
process.stdout.write(JSON.stringify(result, null, 1));
