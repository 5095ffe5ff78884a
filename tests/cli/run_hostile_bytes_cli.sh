#!/usr/bin/env bash
# Hostile bytes through every command of the CLI (issue 17): bytes that are not UTF-8, a lone
# surrogate, terminal escapes and C1 controls, in titles, option values, file names and file
# contents, with and without --json. No run may abort (exit 128+, as `check-title --json` on
# invalid UTF-8 did with an uncaught nlohmann type_error), every output carries no raw control
# character, JSON output parses, a failing run says why on stderr, and text the command must
# read as UTF-8 (a title) gets a clear message and exit 1.
# Usage: run_hostile_bytes_cli.sh path/to/reftier REPO_ROOT
set -u
REFTIER="$1"
ROOT="$2"
DATA="$ROOT/tests/cli/data"
passed=0
failed=0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="$work/stdout"
err="$work/stderr"

# The hostile texts, by name.
declare -A BYTES=(
  [latin1]=$'Caf\xe9 Migration'
  [invalid]=$'\xff\xfe\xfd'
  [surrogate]=$'lone \xed\xa0\x80 surrogate'
  [escape]=$'\x1b[2J\x1b[31mred'
  [c1]=$'C1 \xc2\x9b31m control'
)

code=0
problems=()

# Runs the CLI with the given arguments and checks what every run must get right.
run() {
  timeout -k 2 20 "$REFTIER" "$@" >"$out" 2>"$err"
  code=$?
  [ "$code" -lt 124 ] || problems+=("exit $code: aborted, crashed or hung")
  # Line breaks (CSV's CRLF too) and tabs are layout; any other C0 byte or DEL came from the
  # input. C1 controls are two bytes in UTF-8 (\xc2\x80-\x9f).
  local stray
  stray="$(cat "$out" "$err" | LC_ALL=C tr -cd '\000-\010\013\014\016-\037\177' | wc -c)"
  [ "$stray" -eq 0 ] || problems+=("$stray raw control character(s) in the output")
  # JSON may carry U+0080-U+009F as they are (the document writer does); messages may not.
  local words=("$err")
  [[ " $* " == *" --json "* || "$1" == import-csv ]] || words+=("$out")
  LC_ALL=C grep -q $'\xc2[\x80-\x9f]' "${words[@]}" && problems+=("a raw C1 control in a message")
  [ "$code" = 0 ] || [ -s "$err" ] || [ -s "$out" ] || problems+=("exit $code without a word")
  if [[ " $* " == *" --json "* ]] && [ -s "$out" ]; then
    node -e 'JSON.parse(require("fs").readFileSync(0, "utf8"))' <"$out" 2>/dev/null ||
      problems+=("--json printed something that is not JSON")
  fi
}

expect_code() { [ "$code" = "$1" ] || problems+=("expected exit $1, got $code"); }
expect_err() { grep -q -- "$1" "$err" || problems+=("stderr does not say \"$1\""); }

report() {
  if [ ${#problems[@]} -eq 0 ]; then
    passed=$((passed + 1)); echo "ok   $1"
  else
    failed=$((failed + 1)); echo "FAIL $1: $(IFS=';'; echo "${problems[*]}")"
    echo "     exit=$code stdout=$(head -c 300 "$out" | cat -v) stderr=$(head -c 300 "$err" | cat -v)"
  fi
  problems=()
}

for name in "${!BYTES[@]}"; do
  text="${BYTES[$name]}"
  utf8=1
  [ "$name" = latin1 ] || [ "$name" = invalid ] || [ "$name" = surrogate ] && utf8=0

  for json in "" --json; do
    run check-title "$text" $json
    if [ "$utf8" = 0 ]; then expect_code 1; expect_err "not UTF-8"; fi
    report "check-title with a $name title ${json:-(plain)}"
    for option in --customer --workload --industry --services; do
      run check-title "Serverless Order Processing Cuts Cost in Retail" "$option" "$text" $json
      if [ "$utf8" = 0 ]; then expect_code 1; expect_err "$option is not UTF-8"; fi
      report "check-title $option $name ${json:-(plain)}"
    done
  done

  # A file whose name holds the bytes: a name is only a name, so the command works as usual.
  named="$work/doc-$text.json"
  cp "$DATA/org-example.json" "$named"
  for command in validate progress accounts export-csv; do
    for json in "" --json; do
      [ "$command" = export-csv ] && [ -n "$json" ] && continue
      if [ "$command" = progress ]; then run progress "$named" $json --today 2026-11-30
      else run "$command" "$named" $json; fi
      [ "$code" -le 1 ] || problems+=("a file named with $name bytes is not a usage error")
      report "$command of a file named with $name bytes ${json:-(plain)}"
    done
  done
  run export-csv "$DATA/org-example.json" --output "$work/out-$text.csv"
  expect_code 0
  [ -s "$work/out-$text.csv" ] || problems+=("no CSV written to a name with $name bytes")
  report "export-csv --output to a name with $name bytes"
  run import-csv "$DATA/references.csv" --into "$named" --json
  expect_code 0
  report "import-csv --into a file named with $name bytes"

  # The bytes inside files: a document's field, a CSV header and a CSV cell.
  printf '{"format":"reftier","version":1,"partner":{"name":"%s","path":"consulting","rule_set":"apn-2019-consulting"},"references":[],"accounts":[]}' \
    "$text" >"$work/inside.json"
  for command in validate progress accounts export-csv; do
    for json in "" --json; do
      [ "$command" = export-csv ] && [ -n "$json" ] && continue
      run "$command" "$work/inside.json" $json
      # A raw escape breaks the JSON, other bytes are not UTF-8; a C1 control is valid text.
      if [ "$name" = c1 ]; then expect_code 0; else expect_code 1; expect_err "error(s)"; fi
      [ "$utf8" = 1 ] || expect_err "not UTF-8"
      report "$command of a partner name with $name bytes ${json:-(plain)}"
    done
  done
  printf 'customer,title,%s\r\nAcme,Serverless Order Processing Cuts Cost in Retail,x\r\n' "$text" >"$work/header.csv"
  for json in "" --json; do
    run import-csv "$work/header.csv" $json
    expect_code 0
    report "import-csv with $name bytes in a column name ${json:-(plain)}"
  done
  printf 'customer,title\r\n%s,Serverless Order Processing Cuts Cost in Retail\r\n' "$text" >"$work/cell.csv"
  for json in "" --json; do
    run import-csv "$work/cell.csv" $json
    [ "$name" = c1 ] || { expect_code 1; expect_err "line 2, column customer"; }
    report "import-csv with $name bytes in a cell ${json:-(plain)}"
  done

  # As a command, an option and an option's value.
  run "$text"
  expect_code 2
  report "a command made of $name bytes"
  run validate "$DATA/org-example.json" "--$text"
  expect_code 2
  report "an option made of $name bytes"
  run progress "$DATA/progress.json" --rule-set "$text" --json
  expect_code 2
  expect_err "unknown rule set"
  report "progress --rule-set of $name bytes"
  run progress "$DATA/progress.json" --today "$text"
  expect_code 2
  report "progress --today of $name bytes"
done

echo "hostile-bytes-cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
