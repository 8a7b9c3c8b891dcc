// The web console's page: plain JavaScript, no build step. Live output arrives as server-sent events.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { sessionId: null, events: null, answer: null, running: 0, historyId: null };

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

async function api(method, path, body) {
  const options = { method, headers: {} };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json.error || response.status + " " + response.statusText);
  return json;
}

function showPanel(text, isError) {
  const panel = $("panel-output");
  panel.hidden = false;
  panel.className = isError ? "error" : "";
  panel.textContent = text;
}

async function guarded(action) {
  try {
    await action();
  } catch (e) {
    showPanel(e.message, true);
  }
}

// ------------------------------------------------------------------ start-up

async function init() {
  const info = await api("GET", "/api/info");
  const badge = $("backend-badge");
  badge.hidden = false;
  badge.className = "badge " + (info.offline ? "offline" : "online");
  badge.textContent = info.offline ? "OFFLINE STAND-IN MODEL · no ANTHROPIC_API_KEY, canned answers" : "Anthropic API";
  badge.title = info.banner;
  $("versions").textContent = "claude-code-java " + info.version + " · CLI " + info.cliVersion;
  for (const select of [$("new-mode"), $("mode-select")]) {
    for (const mode of info.permissionModes) select.append(new Option(mode, mode));
  }
  $("history-dir").textContent = info.configDir;
  bind();
  await Promise.all([loadLive(), loadHistory()]);
}

function bind() {
  $("new-session-form").addEventListener("submit", (e) => { e.preventDefault(); guarded(newSession); });
  $("prompt-form").addEventListener("submit", (e) => { e.preventDefault(); guarded(send); });
  $("prompt").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); guarded(send); }
  });
  $("model-form").addEventListener("submit", (e) => {
    e.preventDefault();
    guarded(async () => {
      showPanel("switching the model…");
      await api("POST", sessionPath("/model"), { model: $("model-input").value });
      showPanel("model: " + $("model-input").value);
    });
  });
  $("mode-form").addEventListener("submit", (e) => {
    e.preventDefault();
    guarded(async () => {
      showPanel("switching the permission mode…");
      await api("POST", sessionPath("/mode"), { mode: $("mode-select").value });
      showPanel("permission mode: " + $("mode-select").value);
    });
  });
  $("interrupt").addEventListener("click", () => guarded(() => api("POST", sessionPath("/interrupt"))));
  $("clear").addEventListener("click", () => guarded(() => api("POST", sessionPath("/clear"))));
  $("mcp-button").addEventListener("click", () => guarded(showMcp));
  $("context-button").addEventListener("click", () => guarded(showContext));
  $("rewind-form").addEventListener("submit", (e) => { e.preventDefault(); guarded(rewind); });
  $("close-session").addEventListener("click", () => guarded(closeSession));
  $("history-refresh").addEventListener("click", () => guarded(loadHistory));
  $("resume").addEventListener("click", () => guarded(() => newSession(state.historyId)));
}

function sessionPath(suffix) {
  if (!state.sessionId) throw new Error("no live session is open");
  return "/api/sessions/" + encodeURIComponent(state.sessionId) + suffix;
}

// ------------------------------------------------------------------ sessions

async function loadLive() {
  const sessions = await api("GET", "/api/sessions");
  const list = $("live-sessions");
  list.replaceChildren();
  for (const session of sessions) {
    const item = el("li", session.id === state.sessionId ? "selected" : "");
    item.dataset.id = session.id;
    item.append(el("span", "title", session.id + " · " + (session.state.model || "default model")));
    item.append(el("span", "meta", (session.state.sessionId || "new conversation") + (session.busy ? " · working" : "")));
    item.addEventListener("click", () => open(session.id));
    list.append(item);
  }
}

async function newSession(resume) {
  const body = { permissionMode: $("new-mode").value };
  if ($("new-model").value.trim()) body.model = $("new-model").value.trim();
  if (resume) body.resume = resume;
  $("new-session").disabled = true;
  try {
    const session = await api("POST", "/api/sessions", body);
    await loadLive();
    open(session.id);
  } finally {
    $("new-session").disabled = false;
  }
}

function open(id) {
  if (state.events) state.events.close();
  state.sessionId = id;
  state.answer = null;
  state.running = 0;
  $("welcome").hidden = true;
  $("history-view").hidden = true;
  $("session-view").hidden = false;
  $("transcript").replaceChildren();
  $("permissions").replaceChildren();
  resetRewindChoices();
  $("panel-output").hidden = true;
  for (const item of $("live-sessions").children) item.classList.toggle("selected", item.dataset.id === id);
  const events = new EventSource("/api/sessions/" + encodeURIComponent(id) + "/events");
  events.addEventListener("console", (e) => render(JSON.parse(e.data)));
  events.addEventListener("end", () => { events.close(); note("the session was closed"); });
  for (const kind of ["dropped", "refused"]) {
    events.addEventListener(kind, (e) => { events.close(); note(JSON.parse(e.data).message, true); });
  }
  state.events = events;
  $("prompt").focus();
}

async function closeSession() {
  await api("DELETE", sessionPath(""));
  if (state.events) state.events.close();
  state.sessionId = null;
  $("session-view").hidden = true;
  $("welcome").hidden = false;
  await loadLive();
  await loadHistory();
}

async function send() {
  const text = $("prompt").value.trim();
  if (!text) return;
  await api("POST", sessionPath("/prompt"), { text });
  $("prompt").value = "";
}

// ------------------------------------------------------------------ live events

function append(node) {
  const transcript = $("transcript");
  transcript.append(node);
  transcript.scrollTop = transcript.scrollHeight;
  return node;
}

function note(text, isError) {
  state.answer = null;
  append(el("div", isError ? "notice error" : "notice", text));
}

function setBusy(delta) {
  state.running = Math.max(0, state.running + delta);
  $("state-busy").hidden = state.running === 0;
}

function render(event) {
  switch (event.type) {
    case "prompt": {
      state.answer = null;
      const prompt = append(el("div", "prompt", event.text));
      prompt.dataset.number = event.number;
      prompt.dataset.messageId = event.messageId;
      prompt.prepend(el("span", "number", "#" + event.number));
      $("rewind-prompt").append(new Option("#" + event.number + " " + event.text.slice(0, 40), String(event.number)));
      setBusy(1);
      break;
    }
    case "cleared":
      note("conversation cleared: the next prompt starts a new one");
      resetRewindChoices();
      break;
    case "text":
      if (!state.answer) state.answer = append(el("div", "answer", ""));
      state.answer.textContent += event.text;
      $("transcript").scrollTop = $("transcript").scrollHeight;
      break;
    case "tool_call":
      state.answer = null;
      append(el("div", "tool-call", event.name + "(" + event.summary + ")"));
      break;
    case "tool_output":
      state.answer = null;
      append(el("div", "tool-output" + (event.error ? " error" : ""), (event.error ? "error: " : "") + event.preview));
      break;
    case "turn_end":
      state.answer = null;
      if (event.error) append(el("div", "error", "error: " + (event.errorText || "the turn failed")));
      append(el("div", "turn-end", "— " + event.turns + (event.turns === 1 ? " turn" : " turns") + " · cost $"
        + event.costUsd.toFixed(4) + " · session total $" + event.sessionCostUsd.toFixed(4) + " · "
        + (event.durationMs / 1000).toFixed(1) + " s"));
      setBusy(-1);
      loadLive();
      loadHistory();
      break;
    case "turn_failed":
      state.answer = null;
      append(el("div", "error", "error: " + event.message));
      setBusy(-1);
      break;
    case "state":
      $("state-session").textContent = event.state.sessionId || "new";
      $("state-model").textContent = event.state.model || "default";
      $("state-mode").textContent = event.state.permissionMode || "default";
      break;
    case "notice":
    case "api_retry":
      note(event.text);
      break;
    case "permission_asked":
      askPermission(event.request);
      break;
    case "permission_answered": {
      const box = document.querySelector('.permission[data-request-id="' + CSS.escape(event.requestId) + '"]');
      const what = box ? box.dataset.description : "tool use";
      if (box) box.remove();
      note(what + ": " + (event.decision === "deny" ? "denied" : event.decision === "always" ? "allowed always" : "allowed"));
      break;
    }
  }
}

function resetRewindChoices() {
  const select = $("rewind-prompt");
  while (select.options.length > 1) select.remove(1);
}

function askPermission(request) {
  const box = el("div", "permission");
  box.dataset.requestId = request.requestId;
  box.dataset.description = request.description;
  box.append(el("span", "question", "Allow " + request.description + "?"));
  if (request.reason) box.append(el("span", "reason muted", request.reason));
  for (const [label, decision] of [["Allow", "allow"], ["Always", "always"], ["Deny", "deny"]]) {
    const button = el("button", decision, label);
    button.type = "button";
    button.addEventListener("click", () => guarded(async () => {
      for (const b of box.querySelectorAll("button")) b.disabled = true;
      await api("POST", sessionPath("/permissions/" + encodeURIComponent(request.requestId)), { decision });
    }));
    box.append(button);
  }
  $("permissions").append(box);
}

// ------------------------------------------------------------------ panels

async function showMcp() {
  const result = await api("GET", sessionPath("/mcp"));
  showPanel(result.servers.length === 0 ? "no MCP servers"
    : result.servers.map((s) => s.name + "  " + s.status + (s.error ? "  " + s.error : "")
      + (s.tools.length ? "  tools: " + s.tools.join(", ") : "")).join("\n"));
}

async function showContext() {
  const usage = await api("GET", sessionPath("/context"));
  const lines = ["context: " + usage.totalTokens.toLocaleString("en") + " of " + usage.maxTokens.toLocaleString("en")
    + " tokens (" + Math.round(usage.percentage) + "%) · " + usage.model];
  for (const category of usage.categories) lines.push("  " + category.name + ": " + category.tokens.toLocaleString("en"));
  showPanel(lines.join("\n"));
}

async function rewind() {
  const prompt = $("rewind-prompt").value;
  if (!prompt) throw new Error("choose the prompt whose earlier files to restore");
  const dryRun = $("rewind-dry").checked;
  const result = await api("POST", sessionPath("/rewind"), { prompt, dryRun });
  if (!result.canRewind) {
    showPanel("cannot rewind: " + (result.error || "no checkpoint"), true);
  } else if (dryRun) {
    showPanel("would change " + result.filesChanged.length + " file(s), +" + (result.insertions || 0) + " -"
      + (result.deletions || 0) + "\n" + result.filesChanged.join("\n"));
  } else {
    showPanel("files restored to their state before prompt #" + prompt);
  }
}

// ------------------------------------------------------------------ history

async function loadHistory() {
  const result = await api("GET", "/api/history?limit=50");
  const list = $("history");
  list.replaceChildren();
  if (result.sessions.length === 0) list.append(el("li", "muted", "no stored sessions yet"));
  for (const session of result.sessions) {
    const item = el("li", "history-row");
    item.dataset.id = session.sessionId;
    item.append(el("span", "title", session.title));
    item.append(el("span", "meta", new Date(session.modified).toLocaleString() + " · "
      + (session.messages === null ? "?" : session.messages) + " messages · " + session.sessionId.slice(0, 8)));
    item.addEventListener("click", () => guarded(() => showHistory(session.sessionId)));
    list.append(item);
  }
}

async function showHistory(id) {
  const result = await api("GET", "/api/history/" + encodeURIComponent(id));
  state.historyId = id;
  $("panel-output").hidden = true;
  $("welcome").hidden = true;
  $("session-view").hidden = true;
  $("history-view").hidden = false;
  $("history-id").textContent = id;
  const transcript = $("history-transcript");
  transcript.replaceChildren();
  const classes = { prompt: "prompt", text: "answer", tool_call: "tool-call", tool_result: "tool-output" };
  for (const line of result.lines) {
    transcript.append(el("div", classes[line.kind] + (line.error ? " error" : ""), line.text));
  }
}

init().catch((e) => showPanel("the console did not start: " + e.message, true));
