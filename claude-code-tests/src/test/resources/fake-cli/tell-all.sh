#!/bin/sh
# A stand-in CLI that tells on stderr everything it was given, as a debugging wrapper might: each
# argument, the content of each file an argument names (--mcp-config=, --settings=), and each line
# of its input (the initialize request carries MCP servers and settings). It answers --version with
# STAND_IN_VERSION when that is set, every control request with success, and fails at the first
# user message.
case "$1" in
  --version) [ -n "$STAND_IN_VERSION" ] && echo "$STAND_IN_VERSION (Claude Code)"; exit 0 ;;
esac
for arg in "$@"; do
  echo "arg: $arg" >&2
  case "$arg" in
    --mcp-config=/*|--settings=/*) file=${arg#*=}; echo "file $file: $(cat "$file")" >&2 ;;
  esac
done
while IFS= read -r line; do
  echo "stdin: $line" >&2
  case "$line" in
    *'"type":"control_request"'*)
      id=${line#*\"request_id\":\"}; id=${id%%\"*}
      printf '{"type":"control_response","response":{"subtype":"success","request_id":"%s","response":{}}}\n' "$id"
      ;;
    *'"type":"user"'*)
      echo "fatal: giving up" >&2
      exit 3
      ;;
  esac
done
