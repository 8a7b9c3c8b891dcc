#!/usr/bin/env bash
# Copy the probe results into DEST and replace every machine path with a placeholder (sed).
#   PROBE_DIR=... ./export.sh DEST
#   <CWD>          the scenario's working directory   ($PROBE_DIR/ws/<scenario>)
#   <ENCODED_CWD>  that cwd encoded as a projects/ dir name (-tmp-...-<scenario>)
#   <CONFIG_DIR>   the scenario's CLAUDE_CONFIG_DIR   ($PROBE_DIR/cfg/<scenario>[/runN])
#   <TMPDIR>       CLAUDE_CODE_TMPDIR                  ($PROBE_DIR/tmp)
#   <PROBE_DIR>    anything else under $PROBE_DIR,  <HOME> the user's home directory
#   <ENCODED_PROBE_DIR>  $PROBE_DIR encoded, where a cut string lost the rest of an encoded cwd
#   <MACHINE_ID>   the machine's /etc/machine-id
#   <BUNFS_ROOT>   the CLI binary's embedded virtual file system root (appears in its stack traces)
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
DEST="$1"
: "${PROBE_DIR:?set PROBE_DIR}"
P="$(cd "$PROBE_DIR" && pwd)"
mkdir -p "$DEST/transcripts" "$DEST/results" "$DEST/session-files" "$DEST/api-requests"
cp "$P"/out/*.jsonl "$DEST/transcripts/"
cp "$P"/out/*.json "$DEST/results/" 2>/dev/null || true
python3 "$HERE/analyze_sessions.py" "$P/cfg" > "$DEST/session-files/record_types.json"
python3 "$HERE/condense_requests.py" "$P/logs" "$DEST/api-requests"
# sample on-disk session transcripts + side files
for sc in 20_multi_turn 35_hooks_tool_flow 60_rewind_files 37_hook_stop_block_and_continue_false 50_control_subtypes 80_sigkill_mid_turn 85_huge_tool_results; do
  for f in "$P/cfg/$sc"/projects/*/*.jsonl; do
    [ -f "$f" ] && python3 "$HERE/truncate_jsonl.py" < "$f" > "$DEST/session-files/${sc}__$(basename "$f")"
  done
done
for f in "$P"/cfg/80_sigkill_mid_turn/sessions/*.json; do [ -f "$f" ] && cp "$f" "$DEST/session-files/80_sigkill_mid_turn__sessions_$(basename "$f")"; done
( cd "$P/cfg/60_rewind_files" && find . -type f -not -path './telemetry/*' | sort ) > "$DEST/session-files/60_rewind_files__config_dir_tree.txt"
( cd "$P/cfg/85_huge_tool_results" && find . -type f -not -path './telemetry/*' | sort ) > "$DEST/session-files/85_huge_tool_results__config_dir_tree.txt"
# ---- sanitize (longest, most specific patterns first)
SED="$(mktemp)"
for d in $(ls -1 "$P/ws" | awk '{ print length, $0 }' | sort -rn | cut -d' ' -f2-); do
  enc="$(printf '%s' "$P/ws/$d" | sed 's/[^a-zA-Z0-9]/-/g')"
  printf 's#%s#<CWD>#g\ns#%s#<ENCODED_CWD>#g\n' "$P/ws/$d" "$enc" >> "$SED"
done
for d in $(ls -1 "$P/cfg" | awk '{ print length, $0 }' | sort -rn | cut -d' ' -f2-); do
  printf 's#%s/(run|oneshot)[0-9]+#<CONFIG_DIR>#g\ns#%s#<CONFIG_DIR>#g\n' "$P/cfg/$d" "$P/cfg/$d" >> "$SED"
done
printf 's#%s/tmp#<TMPDIR>#g\ns#%s#<PROBE_DIR>#g\n' "$P" "$P" >> "$SED"
# an encoded cwd that a shortened string cut before its scenario name
printf 's#%s#<ENCODED_PROBE_DIR>#g\n' "$(printf '%s' "$P" | sed 's/[^a-zA-Z0-9]/-/g')" >> "$SED"
# the CLI's stack traces name its embedded (virtual, not on-disk) bundle path: /$bunfs/<r>oot/src/...
printf 's#/[$]bunfs/[r]oot/#<BUNFS_ROOT>/#g\n' >> "$SED"
# the machine's id (2.1.332 names it in sessions/<pid>.json as part of pidDomain)
[ -r /etc/machine-id ] && printf 's#%s#<MACHINE_ID>#g\n' "$(cat /etc/machine-id)" >> "$SED"
# $HOME only as a whole path segment
printf 's#(^|[^A-Za-z0-9_$.-])%s(/|"|$)#\\1<HOME>\\2#g\n' "$HOME" >> "$SED"
find "$DEST" -type f \( -name '*.jsonl' -o -name '*.json' -o -name '*.txt' \) -print0 | xargs -0 sed -E -i -f "$SED"
rm -f "$SED"
echo "exported to $DEST"
