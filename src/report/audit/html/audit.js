// The script of `ospo audit --format html`: sorts and filters the table of repositories,
// shows a repository's items to fix, orders the items' bars. It reads the page's data
// from its JSON block and writes only text nodes, never markup, from it.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("ospo-data").textContent);
  var text = data.text;
  var table = document.getElementById("repos");
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.querySelectorAll("tr.repo"));
  var headers = Array.prototype.slice.call(table.tHead.querySelectorAll("th[data-key]"));
  var collator = new Intl.Collator(data.language, { numeric: true, sensitivity: "base" });
  var details = {};
  var nameInput = document.getElementById("filter-name");
  var verdictSelect = document.getElementById("filter-verdict");
  var itemSelect = document.getElementById("filter-item");
  var shownOutput = document.getElementById("shown");
  var noneShown = document.getElementById("none-shown");

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined && content !== null) node.textContent = content;
    return node;
  }

  // Sorting: numbers as numbers, names as people read them, empty cells last both ways,
  // ties in path order.
  function value(row, key, type) {
    var cell = row.querySelector('[data-k="' + key + '"]');
    if (!cell || cell.getAttribute("data-v") === "") return null;
    var v = cell.getAttribute("data-v");
    return type === "num" ? parseFloat(v) : v;
  }

  function sortBy(th, direction) {
    var key = th.getAttribute("data-key");
    var type = th.getAttribute("data-type");
    var sign = direction === "ascending" ? 1 : -1;
    var keyed = rows.map(function (row) {
      return { row: row, v: value(row, key, type), i: Number(row.getAttribute("data-index")) };
    });
    keyed.sort(function (a, b) {
      if (a.v === null || b.v === null) {
        if (a.v === b.v) return a.i - b.i;
        return a.v === null ? 1 : -1;
      }
      var c = type === "num" ? a.v - b.v : collator.compare(a.v, b.v);
      return c !== 0 ? sign * c : a.i - b.i;
    });
    keyed.forEach(function (k) {
      tbody.appendChild(k.row);
      var detail = details[k.i];
      if (detail) tbody.appendChild(detail);
    });
    headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", direction);
  }

  headers.forEach(function (th) {
    th.querySelector("button").addEventListener("click", function () {
      var next = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      sortBy(th, next);
    });
  });

  // Filters.
  function applyFilters() {
    var query = nameInput.value.trim().toLowerCase();
    var verdict = verdictSelect.value;
    var item = itemSelect.value === "" ? null : Number(itemSelect.value);
    var shown = 0;
    rows.forEach(function (row) {
      var index = Number(row.getAttribute("data-index"));
      var repo = data.repositories[index];
      var keep = (!query || repo.name.toLowerCase().indexOf(query) !== -1) &&
        (!verdict || repo.verdict === verdict) &&
        (item === null || repo.failing.indexOf(item) !== -1);
      row.hidden = !keep;
      var detail = details[index];
      if (detail) detail.hidden = !keep || !isOpen(row);
      if (keep) shown += 1;
    });
    shownOutput.textContent = text.shown
      .replace("{shown}", String(shown))
      .replace("{total}", String(rows.length));
    noneShown.hidden = shown > 0;
    Array.prototype.forEach.call(document.querySelectorAll("button.item"), function (button) {
      var at = Number(button.parentNode.getAttribute("data-item"));
      button.setAttribute("aria-pressed", item === at ? "true" : "false");
    });
  }
  nameInput.addEventListener("input", applyFilters);
  verdictSelect.addEventListener("change", applyFilters);
  itemSelect.addEventListener("change", applyFilters);

  // A repository's items to fix, built when first opened.
  function isOpen(row) {
    return row.querySelector("button.open").getAttribute("aria-expanded") === "true";
  }

  function detailOf(index) {
    var repo = data.repositories[index];
    var tr = el("tr", "detail");
    var td = el("td");
    td.colSpan = headers.length;
    tr.appendChild(td);
    if (repo.error) {
      td.appendChild(el("h4", null, text.could_not_check));
      td.appendChild(el("p", "message", repo.error));
      return tr;
    }
    var facts = [repo.path];
    if (repo.checklist) facts.push(text.checklist + " " + repo.checklist);
    if (repo.commit) facts.push(text.commit + " " + repo.commit);
    td.appendChild(el("p", "message", facts.join(" · ")));
    td.appendChild(el("h4", null, text.to_do));
    if (repo.to_do.length === 0) {
      td.appendChild(el("p", null, text.nothing_to_do));
    } else {
      var list = el("ul");
      repo.to_do.forEach(function (note) {
        var item = data.items[note.item];
        var li = el("li", "st-" + note.status);
        var line = el("div", "line1");
        line.appendChild(el("code", null, item.id));
        line.appendChild(el("span", "title", item.title));
        line.appendChild(el("span", "tag", item.level_label));
        line.appendChild(el("span", "tag", note.status_label));
        li.appendChild(line);
        if (note.message) li.appendChild(el("p", "message", note.message));
        var fix = note.fix || item.fix;
        if (fix) {
          var p = el("p", "fix");
          p.appendChild(el("b", null, text.fix + " "));
          p.appendChild(document.createTextNode(fix + " "));
          if (item.help_url && /^https?:\/\//i.test(item.help_url)) {
            var link = el("a", null, text.documentation);
            link.href = item.help_url;
            link.target = "_blank";
            link.rel = "noopener noreferrer";
            p.appendChild(link);
          }
          li.appendChild(p);
        }
        list.appendChild(li);
      });
      td.appendChild(list);
    }
    if (repo.questions.length > 0) {
      td.appendChild(el("h4", null, text.questions));
      var questions = el("p", "questions");
      repo.questions.forEach(function (at) {
        var code = el("code", null, data.items[at].id);
        code.title = data.items[at].title;
        questions.appendChild(code);
        questions.appendChild(document.createTextNode(" "));
      });
      td.appendChild(questions);
    }
    return tr;
  }

  rows.forEach(function (row) {
    var button = row.querySelector("button.open");
    button.addEventListener("click", function () {
      var index = Number(row.getAttribute("data-index"));
      var open = !isOpen(row);
      button.setAttribute("aria-expanded", open ? "true" : "false");
      if (!details[index]) {
        details[index] = detailOf(index);
        row.parentNode.insertBefore(details[index], row.nextSibling);
      }
      details[index].hidden = !open;
    });
  });

  // The items' bars: checklist order or the most missed first, within each stage; a click
  // lists the repositories missing the item.
  var order = document.getElementById("items-order");
  if (order) {
    order.addEventListener("change", function () {
      var failingFirst = order.value === "failing";
      Array.prototype.forEach.call(document.querySelectorAll("ol.bars"), function (list) {
        var items = Array.prototype.slice.call(list.children);
        items.sort(function (a, b) {
          var ia = Number(a.getAttribute("data-item"));
          var ib = Number(b.getAttribute("data-item"));
          if (failingFirst) {
            var d = Number(b.getAttribute("data-failing")) - Number(a.getAttribute("data-failing"));
            if (d !== 0) return d;
          }
          return ia - ib;
        });
        items.forEach(function (li) { list.appendChild(li); });
      });
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("button.item"), function (button) {
    button.addEventListener("click", function () {
      var at = button.parentNode.getAttribute("data-item");
      var option = itemSelect.querySelector('option[value="' + at + '"]');
      if (!option) return;
      itemSelect.value = itemSelect.value === at ? "" : at;
      applyFilters();
      document.getElementById("repositories").scrollIntoView({ block: "start" });
    });
  });

  applyFilters();
})();
