// The questionnaire form, enhanced: questions appear and disappear as they are answered
// (the definition's conditions, the same rules the server applies on save), and the
// interim results follow the answers on screen. Without this script the form still works:
// saving shows the questions and results for the saved answers.
(function () {
  "use strict";
  var form = document.getElementById("instrument-form");
  if (!form) return;

  function plain(value) {
    if (typeof value !== "string") return value;
    var lowered = value.toLowerCase();
    if (lowered === "true") return true;
    if (lowered === "false") return false;
    if (value === "null" || value === "") return null;
    return value;
  }

  function expected(value) {
    if (typeof value === "string" && value.length >= 2 && value[0] === "'" && value[value.length - 1] === "'") {
      value = value.slice(1, -1);
    }
    return plain(value);
  }

  // The question answering task `id`, seen from `node`: in the same repeated element when
  // there is one, else further out.
  function source(node, id) {
    var scope = node.closest("[data-element]");
    while (scope) {
      var found = scope.querySelector('.in-question[data-task="' + CSS.escape(id) + '"]');
      if (found) return found;
      scope = scope.parentElement && scope.parentElement.closest("[data-element]");
    }
    return form.querySelector('.in-question[data-task="' + CSS.escape(id) + '"]');
  }

  function shown(node) {
    return !node.closest("[hidden]");
  }

  function answer(question) {
    if (!question || !shown(question)) return null;
    var field = question.getAttribute("data-field");
    var inputs = question.querySelectorAll("input, select, textarea");
    if (field === "checkbox") {
      return Array.prototype.filter.call(inputs, function (i) { return i.checked; })
        .map(function (i) { return i.value; });
    }
    if (field === "radio") {
      var checked = Array.prototype.find.call(inputs, function (i) { return i.checked; });
      return checked ? plain(checked.value) : null;
    }
    return inputs.length ? plain(inputs[0].value) : null;
  }

  function met(rule, value) {
    var want = expected(rule.value);
    if (rule.operator === "any") return true;
    if (Array.isArray(value)) {
      return value.some(function (item) { return plain(item) === want; });
    }
    return value === want;
  }

  function visible(node) {
    var rules = JSON.parse(node.getAttribute("data-conditions"));
    return rules.every(function (rule) {
      var holds = met(rule, answer(source(node, rule.source)));
      return rule.action === "hide" ? !holds : holds;
    });
  }

  function refreshVisibility() {
    var nodes = form.querySelectorAll("[data-conditions]");
    // A chain of conditions settles within as many passes as there are questions.
    for (var pass = 0; pass <= nodes.length; pass++) {
      var changed = false;
      nodes.forEach(function (node) {
        var hide = !visible(node);
        if (node.hidden !== hide) { node.hidden = hide; changed = true; }
      });
      if (!changed) break;
    }
  }

  var pending = null;
  function refreshInterim() {
    var panel = document.getElementById("interim");
    var url = form.getAttribute("data-preview");
    if (!panel || !url) return;
    if (pending) pending.abort();
    pending = new AbortController();
    fetch(url, { method: "POST", body: new FormData(form), signal: pending.signal, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html !== null) panel.innerHTML = html; })
      .catch(function () { /* keep the last results; saving still works */ });
  }

  var timer = null;
  function changed() {
    refreshVisibility();
    clearTimeout(timer);
    timer = setTimeout(refreshInterim, 250);
  }

  form.addEventListener("change", changed);
  form.addEventListener("input", function (event) {
    if (event.target.matches("input[type=text], textarea")) return;  // text needs no recount
    changed();
  });
  refreshVisibility();
})();
