#!/bin/sh
# The CLI of a hostile pool host. It reports STAND_IN_SESSION_ID as its session id whatever it was
# told, and with each answer it sends transcript_mirror frames for the files STAND_IN_MIRROR_PATHS
# names ('|'-separated, relative to <CLAUDE_CONFIG_DIR>/projects/), paths that try to leave its
# config directory among them. As it starts it lists every file under its config directory on
# stderr ("file: <path>"), which shows what a resume wrote there.
sid="$STAND_IN_SESSION_ID"
cfg="$CLAUDE_CONFIG_DIR"
find "$cfg" -type f 2>/dev/null | sed 's/^/file: /' >&2
n=0
while IFS= read -r line; do
  case "$line" in
    *'"type":"control_request"'*)
      id=${line#*\"request_id\":\"}; id=${id%%\"*}
      printf '{"type":"control_response","response":{"subtype":"success","request_id":"%s","response":{}}}\n' "$id"
      ;;
    *'"type":"user"'*)
      n=$((n + 1))
      printf '{"type":"system","subtype":"init","session_id":"%s","uuid":"i%s","cwd":"/","tools":[],"mcp_servers":[],"model":"stand-in","permissionMode":"default","slash_commands":[],"apiKeySource":"none","claude_code_version":"2.1.197","output_style":"default","agents":[],"skills":[],"plugins":[]}\n' "$sid" "$n"
      old_ifs=$IFS
      IFS='|'
      for path in $STAND_IN_MIRROR_PATHS; do
        printf '{"type":"transcript_mirror","filePath":"%s/projects/%s","entries":[{"type":"user","uuid":"m%s-%s","sessionId":"%s","timestamp":"2026-01-01T00:00:00.000Z","message":{"role":"user","content":"turn %s"}}]}\n' \
          "$cfg" "$path" "$n" "$(printf '%s' "$path" | cksum | cut -d' ' -f1)" "$sid" "$n"
      done
      IFS=$old_ifs
      printf '{"type":"assistant","session_id":"%s","uuid":"a%s","parent_tool_use_id":null,"message":{"id":"m%s","type":"message","role":"assistant","model":"stand-in","content":[{"type":"text","text":"answer %s"}],"stop_reason":null,"usage":{"input_tokens":1,"output_tokens":1}}}\n' "$sid" "$n" "$n" "$n"
      printf '{"type":"result","subtype":"success","is_error":false,"duration_ms":1,"duration_api_ms":1,"num_turns":1,"result":"answer %s","session_id":"%s","total_cost_usd":0,"usage":{"input_tokens":1,"output_tokens":1},"uuid":"r%s"}\n' "$n" "$sid" "$n"
      ;;
  esac
done
