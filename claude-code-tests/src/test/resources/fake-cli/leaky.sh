#!/bin/sh
# A stand-in CLI that prints its secrets: its API key on stdout (as a line that is not JSON) and on
# stderr, as a debugging wrapper might; then it answers like the minimal stand-in.
echo "debug: ANTHROPIC_API_KEY=$ANTHROPIC_API_KEY"
echo "debug: ANTHROPIC_API_KEY=$ANTHROPIC_API_KEY" >&2
while IFS= read -r line; do
  case "$line" in
    *'"type":"control_request"'*)
      id=${line#*\"request_id\":\"}; id=${id%%\"*}
      printf '{"type":"control_response","response":{"subtype":"success","request_id":"%s","response":{}}}\n' "$id"
      ;;
    *'"type":"user"'*)
      echo "{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"$ANTHROPIC_API_KEY"
      echo "fatal: key $ANTHROPIC_API_KEY rejected" >&2
      exit 1
      ;;
  esac
done
