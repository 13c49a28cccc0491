/* The self-study course's one script: one part at a time with Previous and Next, progress kept in the browser,
   feedback on every answer, and, where the page runs inside an LMS, SCORM 1.2 reporting (the learner's place,
   completion and the knowledge check's score). Without it the page still reads: every part shows in order,
   each answer behind a "show" of its own. */
(function () {
  "use strict";

  var body = document.body;
  var key = body.getAttribute("data-storage-key");
  var passMark = parseInt(body.getAttribute("data-pass-mark"), 10);
  var parts = Array.prototype.slice.call(document.querySelectorAll(".part"));
  var links = Array.prototype.slice.call(document.querySelectorAll(".contents a[data-part]"));
  var questions = Array.prototype.slice.call(document.querySelectorAll(".question"));
  var started = Date.now();
  document.documentElement.className += " js";

  /* ---- SCORM 1.2: the API object an LMS puts on a window above the course's (the standard search) ---- */
  function findApi(win) {
    for (var tries = 0; win && tries < 10; tries += 1) {
      try {
        if (win.API) { return win.API; }
      } catch (e) { return null; }  // a window of another origin: no LMS of ours
      if (win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }
  var api = findApi(window.parent !== window ? window.parent : null) || findApi(window.opener || null);
  var lms = null;
  if (api && String(api.LMSInitialize("")) === "true") { lms = api; }
  var finished = false;

  function lmsGet(name) { return lms ? String(lms.LMSGetValue(name) || "") : ""; }
  function lmsSet(name, value) { if (lms && !finished) { lms.LMSSetValue(name, String(value)); } }
  function lmsCommit() { if (lms && !finished) { lms.LMSCommit(""); } }

  /* ---- what the learner has done: in the browser, and in the LMS where there is one ---- */
  var state = { at: "", seen: [], answers: {}, steps: {}, notes: {} };
  function readJson(text) {
    try { return JSON.parse(text) || null; } catch (e) { return null; }
  }
  function storageGet() {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function storageSet(text) {
    try { window.localStorage.setItem(key, text); } catch (e) { /* private browsing: progress lasts the visit */ }
  }
  function restore(saved) {
    if (!saved || typeof saved !== "object") { return; }
    ["at"].forEach(function (k) { if (typeof saved[k] === "string") { state[k] = saved[k]; } });
    ["answers", "steps", "notes"].forEach(function (k) {
      if (saved[k] && typeof saved[k] === "object") { state[k] = saved[k]; }
    });
    if (Array.isArray(saved.seen)) { state.seen = saved.seen.filter(function (s) { return typeof s === "string"; }); }
  }
  restore(readJson(storageGet()));
  if (lms) {
    // The LMS's record wins over this browser's: the learner may have started on another computer.
    var suspended = readJson(lmsGet("cmi.suspend_data"));
    if (suspended) { restore(suspended); }
    var place = lmsGet("cmi.core.lesson_location");
    if (place) { state.at = place; }
    var status = lmsGet("cmi.core.lesson_status");
    if (status === "not attempted" || status === "") { lmsSet("cmi.core.lesson_status", "incomplete"); }
  }
  function save() {
    storageSet(JSON.stringify(state));
    if (lms) {
      // suspend_data holds at most 4096 characters in SCORM 1.2: the learner's notes stay in the browser.
      lmsSet("cmi.suspend_data", JSON.stringify({ seen: state.seen, answers: state.answers, steps: state.steps }));
      lmsSet("cmi.core.lesson_location", state.at);
      lmsCommit();
    }
  }

  /* ---- one part at a time ---- */
  function partById(id) {
    for (var i = 0; i < parts.length; i += 1) { if (parts[i].id === id) { return i; } }
    return -1;
  }
  function progressText() {
    var seen = parts.filter(function (p) { return state.seen.indexOf(p.id) >= 0; }).length;
    return "You have seen " + seen + " of " + parts.length + " parts.";
  }
  function show(index, focus) {
    parts.forEach(function (part, i) { part.hidden = i !== index; });
    links.forEach(function (link) {
      var current = link.getAttribute("data-part") === parts[index].id;
      if (current) { link.setAttribute("aria-current", "step"); } else { link.removeAttribute("aria-current"); }
    });
    state.at = parts[index].id;
    if (state.seen.indexOf(state.at) < 0) { state.seen.push(state.at); }
    links.forEach(function (link) {
      if (state.seen.indexOf(link.getAttribute("data-part")) >= 0) { link.className = "seen"; }
    });
    document.getElementById("progress").textContent = progressText();
    save();
    if (focus) {
      var heading = parts[index].querySelector("h1, h2");
      heading.focus();
      window.scrollTo(0, 0);
    }
  }
  parts.forEach(function (part, i) {
    var moves = part.querySelector(".moves");
    function move(label, to, cls) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = label;
      if (cls) { button.className = cls; }
      button.addEventListener("click", function () { window.location.hash = parts[to].id; });
      moves.appendChild(button);
    }
    if (i > 0) { move("Previous: " + links[i - 1].textContent, i - 1, "secondary"); }
    if (i < parts.length - 1) { move("Next: " + links[i + 1].textContent, i + 1, ""); }
  });
  window.addEventListener("hashchange", function () {
    var index = partById(window.location.hash.slice(1));
    if (index >= 0) { show(index, true); }
  });

  /* ---- activities: the learner's notes, kept in the browser ---- */
  Array.prototype.forEach.call(document.querySelectorAll("textarea[data-note]"), function (area) {
    var id = area.getAttribute("data-note");
    if (typeof state.notes[id] === "string") { area.value = state.notes[id]; }
    area.addEventListener("input", function () {
      state.notes[id] = area.value;
      storageSet(JSON.stringify(state));
    });
  });

  /* ---- decisions: feedback on the choice made ---- */
  function chosen(name) {
    var picked = document.querySelector('input[name="' + name + '"]:checked');
    return picked ? picked.value : "";
  }
  function showStep(step, choice) {
    var id = step.getAttribute("data-step");
    var feedback = document.getElementById(id + "-feedback");
    var item = step.querySelector('dd[data-choice="' + choice + '"]');
    if (!item) { feedback.textContent = "Choose one of the answers first."; return; }
    var best = item.getAttribute("data-best") === "true";
    feedback.innerHTML = "";
    var verdict = document.createElement("span");
    verdict.className = "verdict";
    verdict.textContent = best ? "The best choice. " : "Not the best choice. ";
    feedback.appendChild(verdict);
    feedback.appendChild(document.createTextNode(item.textContent));
  }
  Array.prototype.forEach.call(document.querySelectorAll(".step"), function (step) {
    var id = step.getAttribute("data-step");
    var button = step.querySelector(".see-feedback");
    button.addEventListener("click", function () {
      var choice = chosen(id);
      showStep(step, choice);
      if (choice) { state.steps[id] = choice; save(); }
    });
    if (state.steps[id]) {
      var input = document.getElementById(id + "-c" + state.steps[id]);
      if (input) { input.checked = true; showStep(step, state.steps[id]); }
    }
  });

  /* ---- the knowledge check: each answer marked once, the score to the LMS when all are marked ---- */
  function markQuestion(question, choice) {
    var id = question.getAttribute("data-question");
    var feedback = document.getElementById(id + "-feedback");
    var right = question.getAttribute("data-answer") === choice;
    var rightOption = question.querySelector(".right-option").textContent;
    var why = question.querySelector(".explanation").textContent;
    feedback.innerHTML = "";
    var verdict = document.createElement("span");
    verdict.className = "verdict";
    verdict.textContent = right ? "Right. " : "Not quite. ";
    feedback.appendChild(verdict);
    feedback.appendChild(document.createTextNode(
      (right ? "" : "The answer is: \u201c" + rightOption + "\u201d. ") + why));
    Array.prototype.forEach.call(question.querySelectorAll("input, button"), function (el) { el.disabled = true; });
    return right;
  }
  function score() {
    var marked = questions.filter(function (q) { return state.answers[q.getAttribute("data-question")]; });
    var box = document.getElementById("score");
    var retry = document.getElementById("retry");
    if (marked.length < questions.length) {
      box.textContent = marked.length ? "You have checked " + marked.length + " of " + questions.length +
        " answers." : "";
      retry.hidden = marked.length === 0;
      return;
    }
    var right = questions.filter(function (q) {
      return state.answers[q.getAttribute("data-question")] === q.getAttribute("data-answer");
    }).length;
    var percent = Math.round(100 * right / questions.length);
    var passed = percent >= passMark;
    box.innerHTML = "";
    var verdict = document.createElement("span");
    verdict.className = "verdict";
    verdict.textContent = (passed ? "Passed. " : "Not yet passed. ");
    box.appendChild(verdict);
    box.appendChild(document.createTextNode("You answered " + right + " of " + questions.length +
      " questions right (" + percent + "%; the pass mark is " + passMark + "%)." +
      (passed ? "" : " Read the pages again, then try the check again.")));
    retry.hidden = false;
    document.getElementById("finish-summary").textContent = "You have finished. Your check: " + right + " of " +
      questions.length + " right (" + percent + "%), " + (passed ? "passed." : "not yet passed.");
    if (lms) {
      lmsSet("cmi.core.score.min", 0);
      lmsSet("cmi.core.score.max", 100);
      lmsSet("cmi.core.score.raw", percent);
      lmsSet("cmi.core.lesson_status", passed ? "passed" : "failed");
      lmsCommit();
    }
  }
  questions.forEach(function (question) {
    var id = question.getAttribute("data-question");
    question.querySelector(".check-answer").addEventListener("click", function () {
      var choice = chosen(id);
      if (!choice) {
        document.getElementById(id + "-feedback").textContent = "Choose one of the answers first.";
        return;
      }
      state.answers[id] = choice;
      markQuestion(question, choice);
      save();
      score();
    });
    if (state.answers[id]) {
      var input = document.getElementById(id + "-o" + state.answers[id]);
      if (input) { input.checked = true; markQuestion(question, state.answers[id]); }
    }
  });
  document.getElementById("retry").addEventListener("click", function () {
    state.answers = {};
    questions.forEach(function (question) {
      var id = question.getAttribute("data-question");
      Array.prototype.forEach.call(question.querySelectorAll("input, button"), function (el) {
        el.disabled = false;
        if (el.type === "radio") { el.checked = false; }
      });
      document.getElementById(id + "-feedback").textContent = "";
    });
    save();
    score();
    questions[0].querySelector("input").focus();
  });
  score();

  /* ---- leaving: the LMS keeps the place for next time ---- */
  function twoDigits(n) { return (n < 10 ? "0" : "") + n; }
  function leave() {
    if (!lms || finished) { return; }
    var seconds = Math.floor((Date.now() - started) / 1000);
    lmsSet("cmi.core.session_time", twoDigits(Math.floor(seconds / 3600)) + ":" +
      twoDigits(Math.floor(seconds / 60) % 60) + ":" + twoDigits(seconds % 60));
    lmsSet("cmi.core.exit", "suspend");
    lmsCommit();
    lms.LMSFinish("");
    finished = true;
  }
  window.addEventListener("pagehide", leave);
  window.addEventListener("beforeunload", leave);

  var first = partById(window.location.hash.slice(1));
  show(first >= 0 ? first : Math.max(0, partById(state.at)), false);
  // A part named in the address opens at the top of the page, header and contents in view, not scrolled to
  // the part's anchor as a long page would be.
  if (first >= 0) {
    window.scrollTo(0, 0);
    window.addEventListener("load", function () { window.setTimeout(function () { window.scrollTo(0, 0); }, 0); });
  }
}());
