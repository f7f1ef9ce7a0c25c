// The script of `ospo audit --format html`: sorts and filters the table of repositories,
// shows a repository's items to fix, its open questions and waivers, orders the bars of
// items and of questions. It reads the page's data
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

  // Filters. An item's value is its index, for the repositories that do not meet it, or
  // `q` and its index, for those that leave the question open.
  function hasItem(repo, value) {
    if (value.charAt(0) === "q") {
      return repo.questions.indexOf(Number(value.slice(1))) !== -1;
    }
    return repo.failing.indexOf(Number(value)) !== -1;
  }

  function applyFilters() {
    var query = nameInput.value.trim().toLowerCase();
    var verdict = verdictSelect.value;
    var item = itemSelect.value;
    var shown = 0;
    rows.forEach(function (row) {
      var index = Number(row.getAttribute("data-index"));
      var repo = data.repositories[index];
      var keep = (!query || repo.name.toLowerCase().indexOf(query) !== -1) &&
        (!verdict || repo.verdict === verdict) &&
        (item === "" || hasItem(repo, item));
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
      var value = button.parentNode.getAttribute("data-filter");
      button.setAttribute("aria-pressed", item !== "" && item === value ? "true" : "false");
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
    if (repo.waivers.length > 0) {
      td.appendChild(el("h4", null, text.waivers));
      var waivers = el("ul", "waivers");
      repo.waivers.forEach(function (waiver) {
        var li = el("li");
        li.appendChild(el("code", null, waiver.id));
        li.appendChild(document.createTextNode(" " + waiver.reason));
        waivers.appendChild(li);
      });
      td.appendChild(waivers);
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

  // The bars of items and of questions: ranked (the most missed, or the most often open,
  // first) or in the checklist's order; a click lists the repositories missing the item or
  // leaving the question open.
  Array.prototype.forEach.call(document.querySelectorAll("select.order"), function (order) {
    order.addEventListener("change", function () {
      var list = document.getElementById(order.getAttribute("data-list"));
      var key = order.value === "checklist" ? "data-item" : "data-rank";
      var items = Array.prototype.slice.call(list.children);
      items.sort(function (a, b) {
        return Number(a.getAttribute(key)) - Number(b.getAttribute(key));
      });
      items.forEach(function (li) { list.appendChild(li); });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("button.item"), function (button) {
    button.addEventListener("click", function () {
      var value = button.parentNode.getAttribute("data-filter");
      var option = itemSelect.querySelector('option[value="' + value + '"]');
      if (!option) return;
      itemSelect.value = itemSelect.value === value ? "" : value;
      applyFilters();
      document.getElementById("repositories").scrollIntoView({ block: "start" });
    });
  });

  applyFilters();
})();
