// Sorts the coverage matrix by any column. Progressive enhancement: without JS the table
// is complete and in report order; this only adds sort buttons to the column headings.
// It also opens every collapsed section for printing, and closes them again afterwards.
(function () {
  "use strict";
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) {
      return !d.open;
    });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });
  var table = document.getElementById("matrix");
  if (!table || !table.tBodies.length) { return; }
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;

  function key(row, index, numeric) {
    var value = row.cells[index].getAttribute("data-sort") || row.cells[index].textContent;
    return numeric ? parseFloat(value) : value.toLowerCase();
  }

  function sortBy(index) {
    var head = heads[index];
    var numeric = head.getAttribute("data-sort-type") === "number";
    // First click: documents A-Z, elements best-covered first; then toggle.
    var current = head.getAttribute("aria-sort");
    var ascending = current ? current !== "ascending" : !numeric;
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, position) { row.setAttribute("data-position", String(position)); });
    rows.sort(function (a, b) {
      var x = key(a, index, numeric), y = key(b, index, numeric);
      var order = x < y ? -1 : x > y ? 1 : 0;
      if (!ascending) { order = -order; }
      return order || (+a.getAttribute("data-position") - +b.getAttribute("data-position"));
    });
    rows.forEach(function (row) { body.appendChild(row); });
    for (var i = 0; i < heads.length; i++) { heads[i].removeAttribute("aria-sort"); }
    head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  Array.prototype.forEach.call(heads, function (head, index) {
    var button = document.createElement("button");
    button.type = "button";
    while (head.firstChild) { button.appendChild(head.firstChild); }
    head.appendChild(button);
    button.addEventListener("click", function () { sortBy(index); });
  });
}());
