/* Plan editor: a small autocomplete for nomenclature codes (fetch() on the page's own search
   URL; arrow keys, Enter and a click choose an entry), and a confirmation before deleting. */
(function () {
  "use strict";

  document.addEventListener("click", function (ev) {
    var btn = ev.target.closest("[data-konfirmasi]");
    if (btn && !window.confirm(btn.getAttribute("data-konfirmasi"))) { ev.preventDefault(); }
  });

  var box = document.querySelector(".kode-cari");
  if (!box) { return; }
  var input = box.querySelector("input[data-kode-cari]");
  var list = box.querySelector(".kode-hasil");
  var chosen = box.querySelector(".kode-pilihan");
  var url = box.getAttribute("data-url");
  var timer = null;
  var active = -1;
  var seq = 0;

  function items() { return Array.prototype.slice.call(list.querySelectorAll("li")); }

  function mark(i) {
    var all = items();
    active = Math.max(-1, Math.min(i, all.length - 1));
    all.forEach(function (li, j) { li.setAttribute("aria-selected", j === active ? "true" : "false"); });
    if (active >= 0) { all[active].scrollIntoView({block: "nearest"}); }
  }

  function choose(li) {
    input.value = li.getAttribute("data-kode");
    chosen.textContent = li.getAttribute("data-kode") + " " + li.getAttribute("data-nama");
    list.hidden = true;
    list.innerHTML = "";
  }

  function search() {
    var q = input.value.trim();
    if (q.length < 2) { list.hidden = true; return; }
    var params = new URLSearchParams({q: q});
    if (box.getAttribute("data-tingkat")) { params.set("tingkat", box.getAttribute("data-tingkat")); }
    if (box.getAttribute("data-dalam")) { params.set("dalam", box.getAttribute("data-dalam")); }
    var mine = ++seq;
    fetch(url + "?" + params.toString(), {headers: {"Accept": "application/json"}, credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : {hasil: []}; })
      .then(function (data) {
        if (mine !== seq) { return; }
        list.innerHTML = "";
        (data.hasil || []).forEach(function (e) {
          var li = document.createElement("li");
          li.setAttribute("role", "option");
          li.setAttribute("data-kode", e.kode);
          li.setAttribute("data-nama", e.nama);
          var code = document.createElement("code");
          code.textContent = e.kode;
          li.appendChild(code);
          li.appendChild(document.createTextNode(e.nama));
          list.appendChild(li);
        });
        list.hidden = !list.children.length;
        active = -1;
      })
      .catch(function () { list.hidden = true; });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, 200);
  });
  input.addEventListener("keydown", function (ev) {
    if (list.hidden) { return; }
    if (ev.key === "ArrowDown") { ev.preventDefault(); mark(active + 1); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); mark(active - 1); }
    else if (ev.key === "Enter" && active >= 0) { ev.preventDefault(); choose(items()[active]); }
    else if (ev.key === "Escape") { list.hidden = true; }
  });
  list.addEventListener("click", function (ev) {
    var li = ev.target.closest("li");
    if (li) { choose(li); }
  });
})();
