/*
 * A stand-in for the Claude Code CLI that speaks just enough of its stdio protocol to drive an
 * SDK at full speed: it answers every control_request (initialize with a recorded payload, the
 * rest with an empty success), and answers every user message by writing a prepared turn file
 * (NDJSON lines that end with a result) to stdout in large writes. It exits when stdin closes.
 *
 * Environment:
 *   FAKE_CLI_INIT  file with the JSON payload of the initialize response (default: {})
 *   FAKE_CLI_TURN  file written for each user message (default: a minimal init/assistant/result)
 *
 * Build: gcc -O2 -o fake-cli fake_cli.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static const char DEFAULT_TURN[] =
    "{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"00000000-0000-4000-8000-000000000000\","
    "\"tools\":[],\"model\":\"fake\"}\n"
    "{\"type\":\"assistant\",\"message\":{\"id\":\"msg_fake\",\"type\":\"message\",\"role\":\"assistant\","
    "\"model\":\"fake\",\"content\":[{\"type\":\"text\",\"text\":\"OK\"}]},\"parent_tool_use_id\":null,"
    "\"session_id\":\"00000000-0000-4000-8000-000000000000\"}\n"
    "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"num_turns\":1,\"result\":\"OK\","
    "\"session_id\":\"00000000-0000-4000-8000-000000000000\",\"total_cost_usd\":0}\n";

static void write_all(const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(STDOUT_FILENO, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            exit(3); /* the reader went away */
        }
        p += w;
        n -= (size_t) w;
    }
}

/* Maps a whole file read-only; exits when it cannot. */
static const char *map_file(const char *path, size_t *length) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) { perror(path); exit(2); }
    struct stat st;
    if (fstat(fd, &st) != 0) { perror(path); exit(2); }
    *length = (size_t) st.st_size;
    if (*length == 0) { close(fd); return ""; }
    const char *data = mmap(NULL, *length, PROT_READ, MAP_PRIVATE, fd, 0);
    if (data == MAP_FAILED) { perror(path); exit(2); }
    close(fd);
    return data;
}

/* Copies the string value of "key":"..." into out; returns 0 when absent. */
static int string_field(const char *line, const char *key, char *out, size_t size) {
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
    const char *start = strstr(line, pattern);
    if (start == NULL) return 0;
    start += strlen(pattern);
    const char *end = strchr(start, '"');
    if (end == NULL || (size_t) (end - start) >= size) return 0;
    memcpy(out, start, (size_t) (end - start));
    out[end - start] = '\0';
    return 1;
}

int main(void) {
    signal(SIGPIPE, SIG_IGN);
    size_t init_length = 2, turn_length = sizeof DEFAULT_TURN - 1;
    const char *init = "{}";
    const char *turn = DEFAULT_TURN;
    const char *init_path = getenv("FAKE_CLI_INIT");
    const char *turn_path = getenv("FAKE_CLI_TURN");
    if (init_path && *init_path) init = map_file(init_path, &init_length);
    if (turn_path && *turn_path) turn = map_file(turn_path, &turn_length);
    while (init_length > 0 && (init[init_length - 1] == '\n' || init[init_length - 1] == ' ')) init_length--;

    char *line = NULL;
    size_t capacity = 0;
    char *response = malloc(init_length + 512);
    ssize_t read;
    while ((read = getline(&line, &capacity, stdin)) > 0) {
        if (strstr(line, "\"type\":\"control_request\"") != NULL) {
            char id[256], subtype[128];
            if (!string_field(line, "request_id", id, sizeof id)) continue;
            if (!string_field(line, "subtype", subtype, sizeof subtype)) subtype[0] = '\0';
            const char *payload = "{}";
            size_t payload_length = 2;
            if (strcmp(subtype, "initialize") == 0) {
                payload = init;
                payload_length = init_length;
            } else if (strcmp(subtype, "mcp_status") == 0) {
                payload = "{\"mcpServers\":[]}";
                payload_length = strlen(payload);
            }
            int head = sprintf(response,
                               "{\"type\":\"control_response\",\"response\":{\"subtype\":\"success\",\"request_id\":\"%s\",\"response\":",
                               id);
            memcpy(response + head, payload, payload_length);
            memcpy(response + head + payload_length, "}}\n", 3);
            write_all(response, (size_t) head + payload_length + 3);
        } else if (strstr(line, "\"type\":\"user\"") != NULL) {
            write_all(turn, turn_length);
        }
    }
    return 0;
}
