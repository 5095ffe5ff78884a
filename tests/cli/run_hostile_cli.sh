#!/usr/bin/env bash
# Hostile files through the CLI: `reftier validate` on every file of tests/data/hostile/ and on
# three large files made here (a 50 MB string, 100,000-deep nesting, 100,000 duplicate
# references). Usage: run_hostile_cli.sh path/to/reftier REPO_ROOT
#
# Every run must end within the time limit with exit 0 (valid) or 1 (the input has errors):
# 2 would mean the CLI took a file for a usage error, 124 a hang, 128+ a crash. The file must be
# byte-identical afterwards (validate only reads), the output must carry no raw control
# character (a hostile title must not drive the terminal), and a refused file gets a message
# naming it. Where tests/data/hostile/README.md documents a file, its outcome must match: a
# refused file's errors name the JSON path given there, an accepted one is summarised.
# Prints one line per file and closes with "hostile-cli: N passed, N failed".
set -u
REFTIER="$1"
ROOT="$2"
HOSTILE="$ROOT/tests/data/hostile"
TIME_LIMIT=10
passed=0
failed=0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The README table: | `file` | refused/accepted | `path` or `(document)` | what it holds |
declare -A outcome_of json_path_of
while IFS='|' read -r _ file outcome path _; do
  file="$(tr -d ' `' <<<"$file")"
  outcome_of[$file]="$(tr -d ' ' <<<"$outcome")"
  json_path_of[$file]="$(tr -d ' `' <<<"$path")"
done < <(grep '^| `' "$HOSTILE/README.md" 2>/dev/null)

problems=()
out="$work/stdout"
err="$work/stderr"

# Runs validate on $1 and records in `problems` what it got wrong; sets `code`.
run_validate() {
  local file="$1" before after stray
  before="$(sha256sum <"$file")"
  timeout -k 2 "$TIME_LIMIT" "$REFTIER" validate "$file" >"$out" 2>"$err"
  code=$?
  after="$(sha256sum <"$file")"
  case "$code" in
    0 | 1) ;;
    124 | 137) problems+=("no answer within $TIME_LIMIT s") ;;
    2) problems+=("exit 2: taken for a usage error") ;;
    *) if [ "$code" -ge 128 ]; then problems+=("crashed (signal $((code - 128)))")
       else problems+=("exit $code"); fi ;;
  esac
  [ "$before" = "$after" ] || problems+=("the input file changed")
  # Line breaks and tabs are layout; any other control byte came from the input.
  stray="$(cat "$out" "$err" | LC_ALL=C tr -cd '\000-\010\013-\037\177' | wc -c)"
  [ "$stray" -eq 0 ] || problems+=("$stray raw control character(s) in the output")
}

# A refused file: exit 1 and a stderr report naming the file ("FILE: N error(s)").
expect_refused() {
  local file="$1"
  [ "$code" = 1 ] || problems+=("refused files exit 1, got $code")
  grep -qF -- "$file: " "$err" && grep -q 'error(s)' "$err" ||
    problems+=("no error report naming the file on stderr")
  [ -s "$out" ] && problems+=("a refused file printed a summary on stdout")
}

# An accepted file: "FILE: N references, N accounts, valid|has errors" on stdout.
expect_accepted() {
  grep -qF -- "$1: " "$out" && grep -q ' references, ' "$out" ||
    problems+=("accepted files are summarised on stdout")
}

# $1 is the JSON path one error must name; empty for the whole document.
expect_error_at() {
  [ -z "$1" ] || grep -qF -- "  $1: " "$err" || problems+=("no error names $1")
}

report() { # name
  if [ ${#problems[@]} -eq 0 ]; then
    passed=$((passed + 1)); echo "ok   $1"
  else
    failed=$((failed + 1)); echo "FAIL $1: $(IFS=';'; echo "${problems[*]}")"
    echo "     exit=$code stdout=$(head -c 300 "$out" | cat -v) stderr=$(head -c 300 "$err" | cat -v)"
  fi
  problems=()
}

shopt -s nullglob
hostile_files=("$HOSTILE"/*.json)
[ ${#hostile_files[@]} -gt 0 ] || { problems+=("no files in $HOSTILE"); code=-; report "hostile folder"; }
for file in "${hostile_files[@]}"; do
  name="$(basename "$file")"
  run_validate "$file"
  case "${outcome_of[$name]:-}" in
    refused)
      expect_refused "$file"
      path="${json_path_of[$name]}"
      [ "$path" = "(document)" ] || expect_error_at "$path" ;;
    accepted) expect_accepted "$file" ;;
    # Not (yet) in the README: it must still be refused with a message, or accepted.
    *) if [ -s "$out" ]; then expect_accepted "$file"; else expect_refused "$file"; fi ;;
  esac
  report "$name (${outcome_of[$name]:-not in README})"
done

# ---- Large files, made here rather than stored.
head='{"format":"reftier","version":1,"partner":{"name":"P","path":"consulting","rule_set":"apn-2019-consulting"},"accounts":[],'

big_string="$work/fifty_megabyte_title.json"
{ printf '%s"references":[' "$head"
  printf '{"id":"r-0001","customer":"Acme Retail","title":"'
  head -c $((50 << 20)) /dev/zero | tr '\0' A
  printf '","url":"https://example.com/acme","asset_type":"case_study","workload":"w","channel":"public_references_tool","status":"draft"}]}'
} >"$big_string"
run_validate "$big_string"
expect_refused "$big_string"
expect_error_at "references[0].title"
grep -q '52428800 bytes' "$err" || problems+=("the message does not give the title's size")
report "generated: a 50 MB title"

deep="$work/hundred_thousand_deep.json"
{ printf '%s"references":[],"extra":' "$head"
  head -c 100000 /dev/zero | tr '\0' '['
  head -c 100000 /dev/zero | tr '\0' ']'
  printf '}'
} >"$deep"
run_validate "$deep"
expect_refused "$deep"
grep -q 'nests deeper than' "$err" || problems+=("the message does not say the file nests too deep")
report "generated: 100,000-deep nesting"

# The same reference 100,000 times under distinct ids: a valid file whose duplicates are findings.
copies="$work/hundred_thousand_copies.json"
{ printf '%s"references":[' "$head"
  awk 'BEGIN { for (i = 1; i <= 100000; i++)
    printf "%s{\"id\":\"r-%d\",\"customer\":\"Acme Retail\",\"title\":\"Serverless Order Processing Cuts Cost in Retail\",\"url\":\"https://example.com/acme\",\"asset_type\":\"case_study\",\"workload\":\"serverless order processing\",\"channel\":\"public_references_tool\",\"status\":\"approved\"}", (i > 1 ? "," : ""), i }'
  printf ']}'
} >"$copies"
run_validate "$copies"
expect_accepted "$copies"
grep -q '100000 references' "$out" || problems+=("the summary does not count 100000 references")
grep -qE 'references\[99999\]\.[a-z_]+: .*\br-1\b' "$out" ||
  problems+=("no duplicate finding ties the last copy to the first")
report "generated: 100,000 copies of one reference"

# The same id 100,000 times: refused, with a readable (capped) list of errors.
same_id="$work/hundred_thousand_same_id.json"
{ printf '%s"references":[' "$head"
  awk 'BEGIN { for (i = 1; i <= 100000; i++)
    printf "%s{\"id\":\"r-0001\",\"customer\":\"Acme Retail\",\"title\":\"Serverless Order Processing Cuts Cost in Retail\",\"url\":\"https://example.com/acme\",\"asset_type\":\"case_study\",\"workload\":\"serverless order processing\",\"channel\":\"public_references_tool\",\"status\":\"approved\"}", (i > 1 ? "," : ""), i }'
  printf ']}'
} >"$same_id"
run_validate "$same_id"
expect_refused "$same_id"
expect_error_at "references[1].id"
grep -q 'more errors' "$err" || problems+=("the errors past the limit are not summarised")
[ "$(wc -l <"$err")" -le 300 ] || problems+=("stderr has $(wc -l <"$err") lines; the list should be capped")
report "generated: 100,000 references with one id"

echo "hostile-cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
