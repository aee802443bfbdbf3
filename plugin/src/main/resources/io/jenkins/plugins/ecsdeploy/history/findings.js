/*
 * The scan findings of one image (ecs-deploy build page): reads the page's JSON endpoint (data-url) and builds a
 * sortable table with a severity filter. Everything is created with createElement/textContent and wired with
 * addEventListener: no markup from data, no inline handlers, so the page works under Jenkins' Content-Security-Policy.
 */
(function () {
  "use strict";

  var SEVERITY_ORDER = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED"];
  var COLUMNS = [
    { key: "id", label: "Vulnerability" },
    { key: "severity", label: "Severity" },
    { key: "packageName", label: "Package" },
    { key: "installedVersion", label: "Installed" },
    { key: "fixedVersion", label: "Fixed in" },
    { key: "description", label: "Description" }
  ];

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function severityRank(severity) {
    var rank = SEVERITY_ORDER.indexOf(severity);
    return rank < 0 ? SEVERITY_ORDER.length : rank;
  }

  function compare(key, a, b) {
    if (key === "severity") {
      return severityRank(a.severity) - severityRank(b.severity);
    }
    return String(a[key] || "").localeCompare(String(b[key] || ""));
  }

  function isWebLink(uri) {
    return typeof uri === "string" && (uri.indexOf("https://") === 0 || uri.indexOf("http://") === 0);
  }

  function cell(finding, key) {
    var td = element("td");
    if (key === "id" && isWebLink(finding.uri)) {
      var link = element("a", finding.id);
      link.href = finding.uri;
      link.rel = "noopener noreferrer";
      td.appendChild(link);
    } else {
      td.textContent = finding[key] === null || finding[key] === undefined ? "" : String(finding[key]);
    }
    return td;
  }

  function render(container, findings) {
    var state = { key: "severity", ascending: true, severity: "" };
    container.textContent = "";

    var label = element("label", "Severity ");
    var filter = element("select", null, "jenkins-select__input");
    filter.appendChild(element("option", "all"));
    filter.options[0].value = "";
    SEVERITY_ORDER.forEach(function (severity) {
      var option = element("option", severity);
      option.value = severity;
      filter.appendChild(option);
    });
    label.appendChild(filter);
    var count = element("span", "", "ecs-deploy-findings__count");
    container.appendChild(label);
    container.appendChild(count);

    var table = element("table", null, "jenkins-table jenkins-table--small sortable-findings");
    var head = element("thead");
    var headRow = element("tr");
    var body = element("tbody");
    COLUMNS.forEach(function (column) {
      var th = element("th");
      var button = element("button", column.label, "jenkins-button jenkins-button--tertiary");
      button.type = "button";
      button.addEventListener("click", function () {
        state.ascending = state.key === column.key ? !state.ascending : true;
        state.key = column.key;
        fill();
      });
      th.setAttribute("data-key", column.key);
      th.appendChild(button);
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    table.appendChild(head);
    table.appendChild(body);
    container.appendChild(table);

    filter.addEventListener("change", function () {
      state.severity = filter.value;
      fill();
    });

    function fill() {
      var shown = findings
        .filter(function (finding) {
          return !state.severity || finding.severity === state.severity;
        })
        .sort(function (a, b) {
          var order = compare(state.key, a, b);
          return state.ascending ? order : -order;
        });
      Array.prototype.forEach.call(headRow.children, function (th) {
        var sorted = th.getAttribute("data-key") === state.key;
        th.setAttribute("aria-sort", sorted ? (state.ascending ? "ascending" : "descending") : "none");
      });
      body.textContent = "";
      shown.forEach(function (finding) {
        var row = element("tr");
        COLUMNS.forEach(function (column) {
          row.appendChild(cell(finding, column.key));
        });
        body.appendChild(row);
      });
      count.textContent = " " + shown.length + " of " + findings.length + " findings";
    }
    fill();
  }

  function load() {
    var container = document.getElementById("ecs-deploy-findings");
    if (!container) {
      return;
    }
    // Relative to this page as a folder, whether or not its URL ends with a slash.
    var page = window.location.pathname.replace(/\/?$/, "/");
    var url = new URL(container.getAttribute("data-url"), window.location.origin + page);
    fetch(url.href, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        render(container, Array.isArray(data.findings) ? data.findings : []);
      })
      .catch(function (error) {
        container.textContent = "";
        container.appendChild(element("p", "The findings could not be loaded: " + error.message));
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", load);
  } else {
    load();
  }
})();
