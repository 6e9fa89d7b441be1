/* kinerja: the entry grid. Each cell saves itself with fetch() (no page reload) and carries the
   value it was loaded with (data-base); the server refuses a save when the stored value changed
   meanwhile (409) and the grid then shows both values and lets the user choose. */
(function () {
  "use strict";
  var table = document.getElementById("isian");
  if (!table) { return; }
  var t = table.dataset;
  var NUMBER = /^(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;

  function csrf() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }

  function message(row, text, kind) {
    var el = row.querySelector(".msg");
    el.textContent = text || "";
    el.className = "msg" + (kind ? " " + kind : "");
  }

  function clientCheck(row, input) {
    var raw = input.value.trim().replace(/^Rp\.?\s*/i, "").replace(/\s*%$/, "");
    if (raw === "" || raw === "-" || NUMBER.test(raw)) {
      input.classList.remove("invalid");
      input.removeAttribute("aria-invalid");
      return true;
    }
    input.classList.add("invalid");
    input.setAttribute("aria-invalid", "true");
    message(row, t.tFormat, "error");
    return false;
  }

  function clearConflict(row) {
    var box = row.querySelector(".conflict");
    if (box) { box.remove(); }
  }

  function showConflict(row, data) {
    clearConflict(row);
    var tpl = document.getElementById("t-conflict");
    var box = tpl.content.firstElementChild.cloneNode(true);
    box.querySelector(".text").textContent = data.message;
    var input = row.querySelector("input.value");
    var note = row.querySelector("textarea.note");
    box.querySelector(".take").addEventListener("click", function () {
      if (data.field === "note") {
        note.value = data.theirs; note.dataset.base = data.theirs;
      } else {
        input.value = data.theirs_display; input.dataset.base = data.theirs;
      }
      clearConflict(row);
      message(row, "", "");
    });
    box.querySelector(".keep").addEventListener("click", function () {
      if (data.field === "note") { note.dataset.base = data.theirs; }
      else { input.dataset.base = data.theirs; }
      clearConflict(row);
      save(row);
    });
    row.querySelector("td.input").appendChild(box);
  }

  function applySaved(row, data) {
    var input = row.querySelector("input.value");
    var note = row.querySelector("textarea.note");
    input.value = data.display;
    input.dataset.base = data.value;
    input.classList.remove("invalid");
    input.classList.add("saved");
    if (note && typeof data.note === "string") { note.value = data.note; note.dataset.base = data.note; }
    var file = row.querySelector("input.file");
    if (file) { file.value = ""; }
    row.querySelector(".cumulative").textContent = data.cumulative || "–";
    var result = row.querySelector(".result");
    result.textContent = (data.achievement || "–") + " ";
    if (data.band) {
      var badge = document.createElement("span");
      badge.className = "badge " + data.band.code;
      badge.textContent = data.band.label;
      result.appendChild(badge);
    }
    if (data.evidence) {
      var holder = row.querySelector(".evidence-current");
      holder.textContent = "";
      var a = document.createElement("a");
      a.href = data.evidence.url; a.textContent = data.evidence.name;
      holder.appendChild(a);
    }
    if (data.history && !row.querySelector(".history-link")) {
      var link = document.createElement("a");
      link.className = "history-link"; link.href = data.history; link.textContent = t.tHistory;
      row.querySelector("td.input").appendChild(link);
    }
    message(row, data.changed === false ? "" : t.tSaved + (data.at ? " · " + data.at : ""), "ok");
  }

  function save(row) {
    var input = row.querySelector("input.value");
    if (!clientCheck(row, input)) { return; }
    var form = new FormData();
    form.append("kind", row.dataset.kind);
    form.append("id", row.dataset.id);
    form.append("year", t.year);
    form.append("quarter", t.quarter);
    form.append("value", input.value);
    form.append("base", input.dataset.base || "");
    var note = row.querySelector("textarea.note");
    if (note) { form.append("note", note.value); form.append("note_base", note.dataset.base || ""); }
    var file = row.querySelector("input.file");
    if (file && file.files.length) { form.append("evidence", file.files[0]); }
    message(row, t.tSaving, "busy");
    row.setAttribute("aria-busy", "true");
    fetch(t.saveUrl, {
      method: "POST", body: form, credentials: "same-origin",
      headers: {"X-CSRFToken": csrf(), "X-Requested-With": "fetch", "Accept": "application/json"}
    }).then(function (response) {
      return response.json().then(function (data) { return {status: response.status, data: data}; });
    }).then(function (res) {
      row.removeAttribute("aria-busy");
      if (res.status === 200 && res.data.ok) { clearConflict(row); applySaved(row, res.data); }
      else if (res.status === 409) { message(row, "", ""); showConflict(row, res.data); }
      else {
        input.classList.add("invalid");
        message(row, res.data.error || t.tFailed, "error");
      }
    }).catch(function () {
      row.removeAttribute("aria-busy");
      message(row, t.tFailed, "error");
    });
  }

  table.addEventListener("input", function (event) {
    var el = event.target;
    if (el.matches("input.value")) {
      el.classList.remove("saved");
      var row = el.closest(".cell-row");
      if (clientCheck(row, el)) { message(row, "", ""); }
    }
  });
  table.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches("input.value, textarea.note, input.file")) { save(el.closest(".cell-row")); }
  });
  table.addEventListener("keydown", function (event) {
    var el = event.target;
    if (event.key === "Enter" && el.matches("input.value")) {
      event.preventDefault();
      var inputs = Array.prototype.slice.call(table.querySelectorAll("input.value:not([disabled])"));
      var next = inputs[inputs.indexOf(el) + 1];
      if (next) { next.focus(); } else { el.blur(); }
    }
  });
})();
