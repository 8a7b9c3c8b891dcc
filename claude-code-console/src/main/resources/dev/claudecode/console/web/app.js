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

// On a narrow screen the session lists sit above the session (style.css says how narrow).
const narrow = () => window.matchMedia("(max-width: 760px)").matches;

// A session's results (MCP status, context usage, rewind) open in a side panel over the right part
// of the transcript: the transcript keeps its place and size, the controls and the prompt stay
// in reach. The close button or Escape closes it.
function openPanel(title, content, isError) {
  const panel = $("side-panel");
  $("side-panel-title").textContent = title;
  const body = $("side-panel-body");
  body.className = isError ? "error" : "";
  body.replaceChildren(...(Array.isArray(content) ? content : [el("p", "", content)]));
  panel.hidden = false;
  if (narrow()) panel.scrollIntoView({ block: "nearest" });
  $("side-panel-close").focus({ preventScroll: true });
}

function closePanel() {
  $("side-panel").hidden = true;
}

// Errors show in a bar over the header, until dismissed or the next action succeeds.
function showError(message) {
  $("error-text").textContent = message;
  $("error-bar").hidden = false;
}

function hideError() {
  $("error-bar").hidden = true;
}

async function guarded(action) {
  try {
    await action();
    hideError();
  } catch (e) {
    showError(e.message);
  }
}

// Disables a form's or button's controls while its request runs.
async function busy(control, action) {
  const controls = control.tagName === "FORM" ? [...control.elements] : [control];
  for (const c of controls) c.disabled = true;
  try {
    return await action();
  } finally {
    for (const c of controls) c.disabled = false;
  }
}

// ------------------------------------------------------------------ start-up

async function init() {
  bind();
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
  await Promise.all([loadLive(), loadHistory()]);
}

function bind() {
  $("new-session-form").addEventListener("submit", (e) => { e.preventDefault(); guarded(newSession); });
  $("prompt-form").addEventListener("submit", (e) => { e.preventDefault(); guarded(send); });
  $("prompt").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); guarded(send); }
  });
  // the new model and mode show in the state bar, the transcript and the live session list
  $("model-form").addEventListener("submit", (e) => {
    e.preventDefault();
    guarded(() => busy($("model-form"), async () => {
      await api("POST", sessionPath("/model"), { model: $("model-input").value });
      await loadLive();
    }));
  });
  $("mode-form").addEventListener("submit", (e) => {
    e.preventDefault();
    guarded(() => busy($("mode-form"), async () => {
      await api("POST", sessionPath("/mode"), { mode: $("mode-select").value });
      await loadLive();
    }));
  });
  $("interrupt").addEventListener("click", () => guarded(() => api("POST", sessionPath("/interrupt"))));
  $("clear").addEventListener("click", () => guarded(() => api("POST", sessionPath("/clear"))));
  $("mcp-button").addEventListener("click", () => guarded(() => busy($("mcp-button"), showMcp)));
  $("context-button").addEventListener("click", () => guarded(() => busy($("context-button"), showContext)));
  $("rewind-form").addEventListener("submit", (e) => { e.preventDefault(); guarded(rewind); });
  $("close-session").addEventListener("click", () => guarded(closeSession));
  $("history-refresh").addEventListener("click", () => guarded(loadHistory));
  $("resume").addEventListener("click", () => guarded(() => newSession(state.historyId)));
  $("side-panel-close").addEventListener("click", closePanel);
  $("error-close").addEventListener("click", hideError);
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    if (!$("side-panel").hidden) closePanel();
    else hideError();
  });
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
    item.append(el("span", "meta", (session.state.sessionId || "new conversation") + " · "
      + (session.state.permissionMode || "default") + (session.busy ? " · working" : "")));
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
  closePanel();
  for (const item of $("live-sessions").children) item.classList.toggle("selected", item.dataset.id === id);
  const events = new EventSource("/api/sessions/" + encodeURIComponent(id) + "/events");
  events.addEventListener("console", (e) => render(JSON.parse(e.data)));
  events.addEventListener("end", () => { events.close(); note("the session was closed"); });
  events.addEventListener("dropped", (e) => { events.close(); note(JSON.parse(e.data).message, true); });
  state.events = events;
  if (narrow()) $("session-view").scrollIntoView({ block: "start" });
  $("prompt").focus({ preventScroll: true });
}

async function closeSession() {
  await api("DELETE", sessionPath(""));
  if (state.events) state.events.close();
  state.sessionId = null;
  closePanel();
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
      loadLive().catch(() => {});
      break;
    case "notice":
    case "api_retry":
      note(event.text);
      break;
    case "permission_asked":
      askPermission(event.request);
      break;
    case "question_asked":
      askQuestion(event.question);
      break;
    case "question_answered": {
      const box = document.querySelector('.question[data-request-id="' + CSS.escape(event.requestId) + '"]');
      const what = box ? box.dataset.description : "question";
      if (box) box.remove();
      note(what + ": " + ({ accept: "answered", decline: "declined", cancel: "cancelled" }[event.action] || event.action));
      break;
    }
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

// ------------------------------------------------------------------ questions of MCP servers (elicitation)

// A form rendered from the question's fields, or the page to open, with Submit/Done, Decline and Cancel.
// The console reads the typed texts by the fields' types and refuses what does not fit.
function askQuestion(question) {
  const box = el("form", "question");
  box.dataset.requestId = question.requestId;
  box.dataset.description = question.description;
  box.append(el("div", "question-head", question.asker + (question.mode === "url" ? " asks you to open a page" : " asks")));
  if (question.title) box.append(el("div", "question-title", question.title));
  box.append(el("div", "question-message", question.message));
  if (question.mode === "url") {
    const link = el("a", "question-url", question.url || "(no address given)");
    if (/^https?:\/\//i.test(question.url || "")) {
      link.href = question.url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
    }
    box.append(link);
  }
  for (const field of question.fields) box.append(fieldInput(field));
  const error = el("div", "question-error error");
  error.hidden = true;
  box.append(error);
  const buttons = el("div", "question-buttons");
  for (const [label, action] of [[question.mode === "url" ? "Done" : "Submit", "accept"], ["Decline", "decline"], ["Cancel", "cancel"]]) {
    const button = el("button", action, label);
    button.type = "button";
    button.addEventListener("click", () => answerQuestion(box, question, action));
    buttons.append(button);
  }
  box.append(buttons);
  box.addEventListener("submit", (e) => { e.preventDefault(); answerQuestion(box, question, "accept"); });
  $("permissions").append(box);
}

function fieldInput(field) {
  const label = el("label", "question-field");
  label.append(el("span", "field-label", field.label + (field.required ? " *" : "")));
  let input;
  if (field.type === "choice" || field.type === "boolean") {
    input = el("select");
    input.append(new Option(field.required ? "choose…" : "—", ""));
    const values = field.type === "boolean" ? ["yes", "no"] : field.choices;
    const labels = field.type === "boolean" ? ["yes", "no"] : field.choiceLabels;
    values.forEach((value, i) => input.append(new Option(labels[i], value)));
    if (field.default !== null) input.value = field.default === "true" ? "yes" : field.default === "false" ? "no" : field.default;
  } else if (field.type === "choices") {
    input = el("span", "choices");
    field.choices.forEach((value, i) => {
      const choice = el("label");
      const box = el("input");
      box.type = "checkbox";
      box.value = value;
      choice.append(box, " " + field.choiceLabels[i]);
      input.append(choice);
    });
  } else {
    input = el("input");
    input.placeholder = field.hint;
    if (field.default !== null) input.value = field.default;
  }
  input.dataset.field = field.name;
  input.dataset.type = field.type;
  label.append(input);
  if (field.description) label.append(el("span", "muted small-text", field.description));
  return label;
}

function formValues(box) {
  const values = {};
  for (const input of box.querySelectorAll("[data-field]")) {
    values[input.dataset.field] = input.dataset.type === "choices"
      ? [...input.querySelectorAll("input:checked")].map((c) => c.value).join(",") : input.value;
  }
  return values;
}

async function answerQuestion(box, question, action) {
  const error = box.querySelector(".question-error");
  error.hidden = true;
  const body = { action };
  if (action === "accept" && question.mode !== "url") body.values = formValues(box);
  for (const button of box.querySelectorAll("button")) button.disabled = true;
  try {
    await api("POST", sessionPath("/questions/" + encodeURIComponent(question.requestId)), body);
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
    for (const button of box.querySelectorAll("button")) button.disabled = false;
  }
}

// ------------------------------------------------------------------ panels

async function showMcp() {
  const result = await api("GET", sessionPath("/mcp"));
  if (result.servers.length === 0) {
    openPanel("MCP status", "no MCP servers");
    return;
  }
  const list = el("ul", "mcp-servers");
  for (const server of result.servers) {
    const item = el("li", "mcp-server");
    item.append(el("b", "", server.name), " ", el("span", "status " + server.status, server.status));
    if (server.error) item.append(el("div", "error", server.error));
    item.append(el("div", "muted", server.tools.length ? "tools: " + server.tools.join(", ") : "no tools"));
    list.append(item);
  }
  openPanel("MCP status", [list]);
}

// The numbers and names the CLI reports (get_context_usage), laid out as its /context shows them:
// the tokens in use of the window, then the categories in use (they add up to it), the free space
// and the autocompact buffer; deferred tools are not in the context yet.
async function showContext() {
  const usage = await api("GET", sessionPath("/context"));
  const number = (n) => n.toLocaleString("en");
  const total = el("p", "context-total");
  total.append(el("b", "", number(usage.totalTokens)), " / " + number(usage.windowTokens) + " tokens (",
    el("b", "", usage.percentage), ")");
  const meter = el("meter", "context-meter");
  meter.min = 0;
  meter.max = usage.windowTokens || 1;
  meter.value = usage.totalTokens;
  const content = [el("p", "context-model", usage.model), total, meter];
  const table = (caption, rows) => {
    const node = el("table", "context-categories");
    node.append(el("caption", "", caption));
    for (const category of rows) {
      const row = el("tr", "kind-" + category.kind);
      row.dataset.kind = category.kind;
      row.append(el("th", "", category.name), el("td", "tokens", number(category.tokens)), el("td", "share", category.share));
      node.append(row);
    }
    return node;
  };
  content.push(table("Estimated tokens by category", usage.categories.filter((c) => c.kind !== "deferred")));
  const deferred = usage.categories.filter((c) => c.kind === "deferred");
  if (deferred.length) content.push(table("Loaded on demand (not counted)", deferred));
  openPanel("Context usage", content);
}

async function rewind() {
  const prompt = $("rewind-prompt").value;
  if (!prompt) throw new Error("choose the prompt whose earlier files to restore");
  const dryRun = $("rewind-dry").checked;
  const result = await busy($("rewind-form"), () => api("POST", sessionPath("/rewind"), { prompt, dryRun }));
  if (!result.canRewind) {
    openPanel("Rewind files", "cannot rewind: " + (result.error || "no checkpoint"), true);
  } else if (dryRun) {
    const files = el("ul", "files");
    for (const file of result.filesChanged) files.append(el("li", "", file));
    openPanel("Rewind files (dry run)", [el("p", "", "would change " + result.filesChanged.length + " file(s), +"
      + (result.insertions || 0) + " -" + (result.deletions || 0)), files]);
  } else {
    openPanel("Rewind files", "files restored to their state before prompt #" + prompt);
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
    const title = item.appendChild(el("span", "title", session.title));
    title.title = session.title;
    item.append(el("span", "meta", [new Date(session.modified).toLocaleString(),
      ...(session.messages === null ? [] : [session.messages + " messages"]), session.sessionId.slice(0, 8)].join(" · ")));
    item.addEventListener("click", () => guarded(() => showHistory(session.sessionId)));
    list.append(item);
  }
}

async function showHistory(id) {
  const result = await api("GET", "/api/history/" + encodeURIComponent(id));
  state.historyId = id;
  closePanel();
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

init().catch((e) => showError("the console did not start: " + e.message));
