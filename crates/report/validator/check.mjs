// Validates each GeoJSON file named on the command line with
// @placemarkio/check-geojson (strict RFC 7946: types, positions, rings,
// no foreign members where the RFC forbids them). Prints "valid: FILE" or
// the validator's issues, and exits non-zero when any file is invalid.
import { readFileSync } from "node:fs";
import { check, HintError } from "@placemarkio/check-geojson";

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    check(readFileSync(file, "utf8"));
    console.log(`valid: ${file}`);
  } catch (e) {
    failed = true;
    if (e instanceof HintError) {
      console.log(`invalid: ${file}`);
      for (const issue of e.issues) console.log(`  ${issue.message} (${issue.from}-${issue.to})`);
    } else {
      console.log(`invalid: ${file}: ${e.message}`);
    }
  }
}
process.exit(failed ? 1 : 0);
