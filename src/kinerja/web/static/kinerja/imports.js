/* Import preview: a click (or Enter) on a marked cell opens a small box with its findings,
   taken from the list below the table; Escape or a click elsewhere closes it. A click on a
   finding in the list brings its cell into view and focuses it. */
(function () {
  "use strict";
  var table = document.getElementById("tabel-pratinjau");
  if (!table) { return; }
  var pop = null;

  function close() {
    if (pop) { pop.remove(); pop = null; }
  }

  function open(cell) {
    close();
    var ids = (cell.getAttribute("data-temuan") || "").split(" ");
    pop = document.createElement("div");
    pop.className = "temuan-pop";
    pop.setAttribute("role", "dialog");
    ids.forEach(function (n) {
      var item = document.getElementById("temuan-" + n);
      if (!item) { return; }
      var p = document.createElement("p");
      p.style.margin = "0 0 .4rem";
      var strong = document.createElement("strong");
      strong.textContent = "[" + n + "] ";
      p.appendChild(strong);
      var msg = item.querySelector(".pesan");
      p.appendChild(document.createTextNode(msg ? msg.textContent : item.textContent));
      pop.appendChild(p);
    });
    var rect = cell.getBoundingClientRect();
    pop.style.left = (window.scrollX + rect.left) + "px";
    pop.style.top = (window.scrollY + rect.bottom + 4) + "px";
    document.body.appendChild(pop);
  }

  table.addEventListener("click", function (ev) {
    var cell = ev.target.closest("td.temuan");
    if (cell) { ev.stopPropagation(); open(cell); }
  });
  table.addEventListener("keydown", function (ev) {
    var cell = ev.target.closest("td.temuan");
    if (cell && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); open(cell); }
  });
  document.addEventListener("click", function (ev) {
    if (pop && !pop.contains(ev.target)) { close(); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { close(); }
  });
  var list = document.getElementById("daftar-temuan");
  if (list) {
    list.addEventListener("click", function (ev) {
      var link = ev.target.closest("a[href^='#sel-']");
      if (!link) { return; }
      var cell = document.getElementById(link.getAttribute("href").slice(1));
      if (cell) {
        ev.preventDefault();
        cell.scrollIntoView({block: "center", inline: "center"});
        cell.focus();
        open(cell);
      }
    });
  }
})();
