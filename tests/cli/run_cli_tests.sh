#!/usr/bin/env bash
# Behaviour and exit codes of the reftier CLI. Usage: run_cli_tests.sh path/to/reftier REPO_ROOT
# Prints one line per check and closes with "N passed, N failed".
set -u
REFTIER="$1"
ROOT="$2"
DATA="$ROOT/tests/cli/data"
passed=0
failed=0
out=""
err=""
code=0

run() {
  out=$("$REFTIER" "$@" 2>/tmp/reftier-cli-stderr.$$)
  code=$?
  err=$(cat /tmp/reftier-cli-stderr.$$)
}

check() { # name, condition (evaluated)
  if eval "$2"; then
    passed=$((passed + 1)); echo "ok   $1"
  else
    failed=$((failed + 1)); echo "FAIL $1"; echo "     exit=$code stdout=${out:0:400} stderr=${err:0:400}"
  fi
}

json_get() { node -e 'const d=JSON.parse(require("fs").readFileSync(0,"utf8"));console.log(JSON.stringify(eval("d"+process.argv[1])))' "$1" <<<"$out"; }

run check-title "DevOps and Cloud Culture Drive Velocity in Retail" --json
check "the first seed title grades strong" '[ "$(json_get .grade)" = "\"strong\"" ] && [ $code = 0 ]'
run check-title "Introducing Serverless to Optimize Cost with Everyday Applications" --json
check "the second seed title grades strong" '[ "$(json_get .grade)" = "\"strong\"" ] && [ $code = 0 ]'
run check-title "How Nubank saved \$15M on Amazon DynamoDB costs with PointFive" --json
check "a published sentence-case title with a figure grades strong (tests/data/titles)" '[ "$(json_get .grade)" = "\"strong\"" ] && [ $code = 0 ]'
run check-title "our new checkout" --workload "serverless order processing" --industry Retail --json
check "the suggested rewrite keeps the title's sentence case" '[ "$(json_get .suggestion)" = "\"Serverless order processing to optimize cost in retail\"" ]'
run check-title "Amazon S3" --json
check "a bare service name is a generic label (error, exit 1)" '[ "$(json_get .grade)" = "\"weak\"" ] && [ $code = 1 ]'
mkdir -p /tmp/reftier-cli-assets.$$ && cp "$ROOT/assets/title_rules.json" /tmp/reftier-cli-assets.$$/
run check-title "Serverless Order Processing" --assets /tmp/reftier-cli-assets.$$
check "check-title without aws_services.json says which file is missing and exits 2" '[ $code = 2 ] && grep -q "aws_services.json" <<<"$err"'
rm -rf /tmp/reftier-cli-assets.$$
run check-title "Case Study" --json
check "Case Study grades weak" '[ "$(json_get .grade)" = "\"weak\"" ]'
check "Case Study has findings explaining why" '[ "$(json_get .findings.length)" -ge 2 ]'
check "Case Study findings carry severity, code and message" '[ "$(json_get ".findings[0].code")" != "null" ] && [ "$(json_get ".findings[0].severity")" != "null" ] && [ "$(json_get ".findings[0].message")" != "null" ]'
check "an error-severity title finding exits 1" '[ $code = 1 ]'
run check-title "TBD"
check "plain output names the grade" 'grep -q "weak" <<<"$out"'
run check-title "Case Study" --workload "serverless order processing" --industry Retail --json
check "the suggestion is built from the workload" 'grep -qi "serverless order processing" <<<"$(json_get .suggestion)"'

run validate "$DATA/progress.json" --json
check "a valid file validates with exit 0" '[ $code = 0 ] && [ "$(json_get .valid)" = true ]'
run validate "$DATA/malformed.json"
check "a malformed file exits 1" '[ $code = 1 ]'
check "the url error names its path" 'grep -q "references\[0\].url" <<<"$err"'
check "the status error names its path" 'grep -q "references\[0\].status" <<<"$err"'
check "the impossible date names its path" 'grep -q "references\[0\].submitted_on" <<<"$err"'
run validate "$DATA/malformed.json" --json
check "validate --json lists every error with its path" '[ "$(json_get .errors.length)" = 3 ] && [ "$(json_get .valid)" = false ]'
run validate "$DATA/does-not-exist.json"
check "a missing file exits 1 with a message" '[ $code = 1 ] && grep -q "cannot read" <<<"$err"'
printf '{"format": "reftier", "version": 1, "partner": ' > /tmp/reftier-truncated.$$.json
run validate /tmp/reftier-truncated.$$.json
check "truncated JSON exits 1 with a message" '[ $code = 1 ] && [ -n "$err" ]'
rm -f /tmp/reftier-truncated.$$.json

run progress "$DATA/progress.json" --today 2026-11-23 --json
check "progress counts approved and ACE references as approved" '[ "$(json_get .approved)" = 2 ]'
check "progress counts Public References Tool submissions as pending" '[ "$(json_get .pending)" = 2 ]'
check "progress reports the current tier" '[ "$(json_get .current_tier)" = "\"Select\"" ]'
check "each tier has name, required, approved, pending, missing, expected_date" '[ "$(json_get ".tiers[2].name")" = "\"Advanced\"" ] && [ "$(json_get ".tiers[2].missing")" = 2 ] && [ "$(json_get ".tiers[2].expected_date")" = "\"2026-11-30\"" ]'
check "Premier has no expected date when pending cannot close the gap" '[ "$(json_get ".tiers[3].expected_date")" = null ]'
run progress "$DATA/progress.json" --today 2026-13-01
check "a bad --today is a usage error" '[ $code = 2 ]'

run accounts "$DATA/org-example.json" --json
check "the source example has exactly one account losing points" '[ "$(node -e "const d=JSON.parse(process.argv[1]);console.log(d.accounts.filter(a=>!a.earns_points&&a.warnings.length>0).length)" "$out")" = 1 ]'
check "the losing account is member project 3" '[ "$(node -e "const d=JSON.parse(process.argv[1]);console.log(d.accounts.find(a=>!a.earns_points&&a.warnings.length).id)" "$out")" = 444455556666 ]'
check "an account losing points exits 1" '[ $code = 1 ]'
run accounts "$DATA/org-example.json"
check "the plain output draws the tree with the fix" 'grep -q "Member project 3" <<<"$out" && grep -qi "fix" <<<"$out"'

run frobnicate
check "an unknown command is a usage error" '[ $code = 2 ] && grep -q "unknown command" <<<"$err"'
run validate
check "a missing argument is a usage error" '[ $code = 2 ]'
run check-title "x" --bogus
check "an unknown option is a usage error" '[ $code = 2 ]'
run --help
check "--help prints usage and exits 0" '[ $code = 0 ] && grep -q "check-title" <<<"$out"'

run export-csv "$DATA/progress.json"
check "export-csv writes the header with the JSON field names" '[ "$(head -1 <<<"$out")" = $'"'"'id,customer,title,url,asset_type,workload,services,industry,channel,status,submitted_on,decided_on,notes,ace_opportunity_id\r'"'"' ] && [ $code = 0 ]'
check "export-csv writes one CRLF-ended line per reference" '[ "$(grep -c $'"'"'\r$'"'"' <<<"$out")" = 5 ]'
run export-csv "$DATA/progress.json" --bom --output /tmp/reftier-export.$$.csv
check "export-csv --output writes the file and nothing to stdout" '[ $code = 0 ] && [ -z "$out" ] && [ -s /tmp/reftier-export.$$.csv ]'
check "export-csv --bom starts the file with a UTF-8 byte order mark" '[ "$(od -An -tx1 -N3 /tmp/reftier-export.$$.csv | tr -d " ")" = efbbbf ]'
run import-csv /tmp/reftier-export.$$.csv
check "import-csv of an exported file gives back the same references" '[ $code = 0 ] && node -e "require(\"assert\").deepStrictEqual(JSON.parse(process.argv[1]).references, require(process.argv[2]).references)" "$out" "$DATA/progress.json"'
rm -f /tmp/reftier-export.$$.csv
run export-csv
check "export-csv without a file is a usage error" '[ $code = 2 ]'

run import-csv "$DATA/references.csv"
check "import-csv prints a RefTier document and exits 0" '[ $code = 0 ] && [ "$(json_get .format)" = "\"reftier\"" ] && [ "$(json_get .references.length)" = 2 ]'
check "import-csv maps labelled columns and label values" '[ "$(json_get ".references[0].asset_type")" = "\"case_study\"" ] && [ "$(json_get ".references[0].channel")" = "\"public_references_tool\"" ]'
check "import-csv keeps a quoted multi-line cell" '[ "$(json_get ".references[0].notes")" = "\"Reviewed by Jane, legal signed off.\\r\\nQuote: \\\"fastest release ever\\\".\"" ]'
check "import-csv removes the apostrophe that guarded a formula" '[ "$(json_get ".references[1].title")" = "\"=Serverless Payments Cut Costs in Financial Services\"" ]'
check "import-csv gives a row without an id a fresh one" '[ "$(json_get ".references[1].id")" = "\"r-0102\"" ]'
run import-csv "$DATA/references.csv" --into "$DATA/progress.json"
check "import-csv --into merges the rows into the document" '[ $code = 0 ] && [ "$(json_get .references.length)" = 6 ] && [ "$(json_get .partner.name)" = "\"Example Partner\"" ]'
run import-csv "$DATA/bad-rows.csv"
check "import-csv with a bad row imports nothing and exits 1" '[ $code = 1 ] && [ -z "$out" ]'
check "import-csv names the bad URL by line and column" 'grep -q "line 4, column url: scheme must be http or https" <<<"$err"'
check "import-csv names the bad asset type by line and column" 'grep -q "line 3, column asset_type: unknown value" <<<"$err"'
run import-csv "$DATA/bad-rows.csv" --good-rows
check "import-csv --good-rows skips the bad rows, reports them and exits 0" '[ $code = 0 ] && [ "$(json_get .references.length)" = 2 ] && grep -q "line 4, column url" <<<"$err"'
run import-csv "$DATA/bad-rows.csv" --json
check "import-csv --json counts rows and lists errors with line and column" '[ $code = 1 ] && [ "$(json_get .rows)" = 4 ] && [ "$(json_get .imported)" = 0 ] && [ "$(json_get .errors.length)" = 2 ] && [ "$(json_get ".errors[1].line")" = 4 ] && [ "$(json_get ".errors[1].column")" = "\"url\"" ]'
printf 'name,link\r\nAcme,https://example.com/\r\n' > /tmp/reftier-no-title.$$.csv
run import-csv /tmp/reftier-no-title.$$.csv --good-rows
check "import-csv refuses a header without customer and title even with --good-rows" '[ $code = 1 ] && grep -q "missing required column" <<<"$err"'
rm -f /tmp/reftier-no-title.$$.csv
run import-csv "$DATA/does-not-exist.csv"
check "import-csv of a missing file exits 1 with a message" '[ $code = 1 ] && grep -q "cannot read" <<<"$err"'

# ---- Format version 2: the partner's own rule set and scorecard
run progress "$DATA/scorecard.json" --today 2026-11-30 --json
check "a partner rule set with a shipped id overrides the shipped one" '[ "$(json_get .rule_set_name)" = "\"Our scorecard, copied 2026-11-30\"" ] && [ "$(json_get .source)" = "\"Partner Scorecard in Partner Central\"" ]'
check "a tier held back by a scorecard requirement: current Select, next Advanced" '[ "$(json_get .current_tier)" = "\"Select\"" ] && [ "$(json_get .next_tier)" = "\"Advanced\"" ]'
check "the next tier names what holds it back" '[ "$(json_get .next)" = "\"Next: Advanced, held back by 17 more Launched Opportunities\"" ]'
check "each requirement with its figures" '[ "$(json_get ".tiers[2].requirements[0].have")" = 3 ] && [ "$(json_get ".tiers[2].requirements[0].missing")" = 17 ] && [ "$(json_get ".tiers[2].requirements[1].met")" = true ]'
run progress "$DATA/scorecard.json" --today 2026-11-30 --rule-set apn-2019-consulting --json
check "--rule-set picks a shipped rule set instead" '[ "$(json_get .current_tier)" = "\"Select\"" ] && [ "$(json_get ".tiers[3].required")" = 10 ]'
run progress "$DATA/scorecard.json" --today 2026-11-30
check "plain progress shows the source and each requirement" 'grep -q "Source: Partner Scorecard in Partner Central" <<<"$out" && grep -q "Launched Opportunities: 3 of 20, 17 more" <<<"$out"'
run progress "$DATA/progress.json" --today 2026-12-15 --json
check "overdue reviews come with the APN representative advice" 'grep -q "Contact your APN representative" <<<"$(json_get .overdue_advice)"'
run validate "$DATA/scorecard.json"
check "a version 2 document validates" '[ $code = 0 ]'

# ---- import-ace
ACE="$ROOT/tests/data/ace"
run import-ace "$ACE/list-opportunities-page1.json"
check "import-ace prints a version 2 document with a draft per launched opportunity" '[ $code = 0 ] && [ "$(json_get .version)" = 2 ] && [ "$(json_get .references.length)" = 2 ] && [ "$(json_get ".references[0].channel")" = "\"ace_pipeline_manager\"" ] && [ "$(json_get ".references[0].status")" = "\"draft\"" ] && [ "$(json_get ".references[1].ace_opportunity_id")" = "\"O3456789\"" ]'
check "import-ace says what it skipped" 'grep -q "skipped O2345678 (Globex Bank): not launched (stage Qualified)" <<<"$err"'
run import-ace "$ACE/list-opportunities-page1.json" "$ACE/list-opportunities-page2.json" "$ACE/get-opportunity-O1234567.json" --into "$DATA/scorecard.json"
check "import-ace adds only the launched ones no reference carries" '[ $code = 0 ] && [ "$(json_get .references.length)" = 4 ] && [ "$(json_get ".references[2].ace_opportunity_id")" = "\"O3456789\"" ] && [ "$(json_get ".references[3].ace_opportunity_id")" = "\"O4567890\"" ] && grep -q "already referenced by r-0001" <<<"$err"'
check "import-ace --into keeps the partner rule set and scorecard" '[ "$(json_get .rule_sets.length)" = 1 ] && [ "$(json_get .partner.scorecard.launched_opportunities)" = 3 ]'
printf '%s\n' "$out" > /tmp/reftier-after-ace.$$.json
run import-ace "$ACE/list-opportunities-two-pages.json" --into /tmp/reftier-after-ace.$$.json --json
check "import-ace run again adds nothing twice" '[ $code = 0 ] && [ "$(json_get .added.length)" = 0 ] && [ "$(json_get .launched)" = 3 ]'
rm -f /tmp/reftier-after-ace.$$.json
run import-ace "$DATA/progress.json"
check "import-ace of a RefTier document is refused as not ACE output, nothing printed" '[ $code = 1 ] && [ -z "$out" ] && grep -q "not ACE output" <<<"$err"'
run import-ace "$DATA/malformed.json" --json
check "import-ace --json lists the errors" '[ $code = 1 ] && [ "$(json_get .errors.length)" -ge 1 ] && [ "$(json_get .added.length)" = 0 ]'
run import-ace "$DATA/progress.json" --into "$DATA/does-not-exist.json"
check "import-ace with a missing --into exits 1" '[ $code = 1 ]'
run import-ace "$ACE/list-opportunities-page1.json" --into "$DATA/progress.json"
check "import-ace --into a version 1 document prints it migrated to version 2" '[ $code = 0 ] && [ "$(json_get .version)" = 2 ] && [ "$(json_get .references.length)" = 6 ] && [ "$(json_get .partner.rule_set)" = "\"apn-2019-consulting\"" ]'

# ---- Spreadsheets as they are
run import-csv "$ROOT/tests/data/csv/excel_de_semicolon_bom_crlf.csv"
check "import-csv reads an Excel semicolon file and says so" '[ $code = 0 ] && [ "$(json_get .references.length)" = 3 ] && grep -q "read as semicolon-separated" <<<"$err"'
run import-csv "$ROOT/tests/data/csv/sheets_paste.tsv"
check "import-csv reads tab-separated text pasted from a spreadsheet" '[ $code = 0 ] && [ "$(json_get ".references[1].customer")" = "\"Umbrella Health\"" ] && grep -q "read as tab-separated" <<<"$err"'

rm -f /tmp/reftier-cli-stderr.$$
echo "cli: $passed passed, $failed failed"
[ "$failed" = 0 ]
