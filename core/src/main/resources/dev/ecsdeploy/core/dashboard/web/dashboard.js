/*
 * The deployments dashboard: renders the JSON of dev.ecsdeploy.core.dashboard.DashboardApi.
 * Every data string goes through text nodes (textContent); links are made only for http(s) URLs.
 */
(function () {
  'use strict';

  var root = document.getElementById('ecs-dashboard');
  if (!root) {
    return;
  }
  var base = root.getAttribute('data-url') || '.';
  var state = { offset: 0, limit: 20, filters: {}, now: null };
  var statusLine = root.querySelector('.ecsd-status');

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function button(label, action) {
    var node = el('button', null, label);
    node.type = 'button';
    node.addEventListener('click', action);
    return node;
  }

  function link(url, text) {
    if (typeof url === 'string' && /^https?:\/\//i.test(url)) {
      var a = el('a', null, text);
      a.href = url;
      a.rel = 'noopener noreferrer';
      return a;
    }
    return el('span', null, text);
  }

  function shortDigest(digest) {
    return digest ? digest.replace(/^sha256:/, '').substring(0, 12) : '';
  }

  function time(value) {
    return value ? String(value).replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') : '';
  }

  function fetchJson(path, params) {
    var query = new URLSearchParams();
    Object.keys(params || {}).forEach(function (key) {
      if (params[key] !== undefined && params[key] !== null && params[key] !== '') {
        query.set(key, params[key]);
      }
    });
    var url = base.replace(/\/$/, '') + '/' + path + (query.toString() ? '?' + query.toString() : '');
    statusLine.textContent = 'Loading…';
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) {
            throw new Error(body && body.error ? body.error : 'HTTP ' + response.status);
          }
          statusLine.textContent = '';
          return body;
        });
      })
      .catch(function (error) {
        statusLine.textContent = 'Could not load ' + path + ': ' + error.message;
        throw error;
      });
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
    return node;
  }

  function show(view) {
    root.querySelectorAll('.ecsd-tab').forEach(function (tab) {
      tab.setAttribute('aria-pressed', String(tab.getAttribute('data-view') === view));
    });
    root.querySelectorAll('.ecsd-view').forEach(function (section) {
      section.hidden = section.getAttribute('data-view') !== view;
    });
    ({ now: loadNow, timeline: loadTimeline, promotion: loadPromotion, metrics: loadMetrics })[view]();
  }

  function statusBadge(status) {
    return el('span', 'ecsd-status-' + String(status).replace(/[^A-Z_]/g, ''), status);
  }

  function deploymentSummary(d) {
    var box = el('div', 'ecsd-cell');
    box.appendChild(el('span', 'ecsd-digest', shortDigest(d.digest)));
    box.appendChild(el('span', null, d.tag ? 'tag ' + d.tag : ''));
    box.appendChild(el('span', null, d.user ? 'by ' + d.user : ''));
    if (d.job) {
      box.appendChild(link(d.buildUrl, d.job + (d.buildNumber ? ' #' + d.buildNumber : '')));
    }
    return box;
  }

  // What runs now: environments (rows, configured order) by applications (columns).
  function loadNow() {
    return fetchJson('now').then(function (now) {
      state.now = now;
      fillFilterOptions(now);
      var table = root.querySelector('.ecsd-now');
      var head = clear(table.tHead);
      var headRow = head.insertRow();
      headRow.appendChild(el('th', null, 'Environment'));
      now.applications.forEach(function (application) {
        var th = el('th', null, application);
        th.scope = 'col';
        headRow.appendChild(th);
      });
      var body = clear(table.tBodies[0]);
      now.environments.forEach(function (environment) {
        var row = body.insertRow();
        row.setAttribute('data-environment', environment);
        var th = el('th', null, environment);
        th.scope = 'row';
        row.appendChild(th);
        now.applications.forEach(function (application) {
          var td = row.insertCell();
          td.setAttribute('data-application', application);
          now.cells
            .filter(function (c) { return c.environment === environment && (c.application || '') === application; })
            .forEach(function (c) { td.appendChild(nowCell(c)); });
        });
      });
    });
  }

  function nowCell(c) {
    var box = c.running ? deploymentSummary(c.running) : el('div', 'ecsd-cell', 'nothing running');
    box.classList.add('ecsd-now-cell');
    box.appendChild(el('span', null, c.since ? 'since ' + time(c.since) : ''));
    var status = el('span', null, 'latest: ');
    status.appendChild(statusBadge(c.latestStatus));
    box.appendChild(status);
    var counts = Object.keys(c.openFindings || {}).map(function (s) { return s + ' ' + c.openFindings[s]; });
    if (counts.length) {
      box.appendChild(el('span', 'ecsd-findings', 'findings: ' + counts.join(', ')));
    }
    if (c.newFindings && c.newFindings.length) {
      box.appendChild(el('span', 'ecsd-badge ecsd-new-findings', 'new since deploy: ' + c.newFindings.join(', ')));
    }
    if (c.knownGood) {
      box.appendChild(el('span', 'ecsd-badge ecsd-known-good', 'known good: ' + c.knownGood));
    }
    box.appendChild(button('History', function () { openTarget(c.target); }));
    return box;
  }

  function fillFilterOptions(now) {
    var form = root.querySelector('.ecsd-filters');
    [['environment', now.environments], ['application', now.applications]].forEach(function (pair) {
      var select = form.elements[pair[0]];
      var chosen = select.value;
      while (select.options.length > 1) {
        select.remove(1);
      }
      pair[1].forEach(function (value) {
        var option = el('option', null, value);
        option.value = value;
        select.appendChild(option);
      });
      select.value = chosen;
    });
  }

  // The timeline: filters and order are applied by the server, which returns one page.
  function loadTimeline() {
    var params = Object.assign({ offset: state.offset, limit: state.limit }, state.filters);
    var ready = state.now ? Promise.resolve() : loadNow();
    return ready.then(function () { return fetchJson('timeline', params); }).then(function (page) {
      var body = clear(root.querySelector('.ecsd-timeline').tBodies[0]);
      page.items.forEach(function (d) { body.appendChild(timelineRow(d)); });
      if (!page.items.length) {
        var empty = body.insertRow().insertCell();
        empty.colSpan = 9;
        empty.textContent = 'No deployments match.';
      }
      root.querySelector('.ecsd-sort-time').setAttribute('aria-sort',
        state.filters.order === 'oldest' ? 'ascending' : 'descending');
      root.querySelector('.ecsd-previous').disabled = page.offset === 0;
      root.querySelector('.ecsd-next').disabled = !page.more;
    });
  }

  function timelineRow(d) {
    var row = el('tr', d.rollback ? 'ecsd-rollback' : null);
    row.setAttribute('data-id', d.id);
    var pick = el('input');
    pick.type = 'checkbox';
    pick.value = d.id;
    pick.setAttribute('aria-label', 'compare ' + d.id);
    row.insertCell().appendChild(pick);
    row.insertCell().textContent = time(d.time);
    row.insertCell().textContent = d.environment;
    row.insertCell().textContent = d.application || '';
    var status = row.insertCell();
    status.appendChild(statusBadge(d.status));
    if (d.rollback) {
      status.appendChild(el('span', 'ecsd-badge', 'rollback'));
    }
    row.insertCell().appendChild(el('span', 'ecsd-digest', (d.tag ? d.tag + ' ' : '') + shortDigest(d.digest)));
    row.insertCell().textContent = d.user || '';
    row.insertCell().appendChild(link(d.buildUrl, d.job ? d.job + (d.buildNumber ? ' #' + d.buildNumber : '') : ''));
    var reason = row.insertCell();
    reason.appendChild(el('span', null, d.reason || ''));
    reason.appendChild(button('Details', function () { openDeployment(d); }));
    return row;
  }

  function detail(title) {
    var section = root.querySelector('.ecsd-detail');
    section.hidden = false;
    root.querySelector('.ecsd-detail-title').textContent = title;
    var body = clear(root.querySelector('.ecsd-detail-body'));
    section.querySelector('.ecsd-close').focus();
    return body;
  }

  function openDeployment(d) {
    var body = detail('Deployment ' + d.id);
    body.appendChild(fields([
      ['Target', d.target], ['Strategy', d.strategy], ['Task definition', d.taskDefinitionArn],
      ['Digest', d.digest], ['Branch', d.branch], ['Details', d.details],
      ['Gate', d.gatePassed == null ? '' : d.gatePassed ? 'passed' : 'failed'],
      ['Allow-listed', (d.allowListed || []).join(', ')]
    ]));
    var events = el('ol', 'ecsd-events');
    (d.events || []).forEach(function (e) { events.appendChild(el('li', null, time(e.time) + ' ' + e.message)); });
    body.appendChild(events);
  }

  function openTarget(target) {
    return fetchJson('target', { target: target, limit: 50 }).then(function (page) {
      var body = detail('History of ' + target);
      var list = el('ol', 'ecsd-target-history');
      page.items.forEach(function (d) {
        var item = el('li', d.rollback ? 'ecsd-rollback' : null);
        item.setAttribute('data-id', d.id);
        item.appendChild(el('span', null, time(d.time) + ' '));
        item.appendChild(statusBadge(d.status));
        item.appendChild(el('span', null, ' ' + (d.tag || '') + ' ' + shortDigest(d.digest) + ' ' + (d.user || '')
          + (d.rollback ? ' (rollback)' : '') + (d.reason ? ': ' + d.reason : '')));
        list.appendChild(item);
      });
      body.appendChild(list);
    });
  }

  function fields(pairs) {
    var dl = el('dl', 'ecsd-fields');
    pairs.forEach(function (pair) {
      if (pair[1]) {
        dl.appendChild(el('dt', null, pair[0]));
        dl.appendChild(el('dd', null, pair[1]));
      }
    });
    return dl;
  }

  function compareSelected() {
    var picked = Array.prototype.slice.call(root.querySelectorAll('.ecsd-timeline input:checked'))
      .map(function (box) { return box.value; });
    if (picked.length !== 2) {
      statusLine.textContent = 'Select exactly two deployments to compare.';
      return;
    }
    fetchJson('diff', { from: picked[1], to: picked[0] }).then(showDiff);
  }

  function showDiff(diff) {
    var body = detail('Changes from ' + diff.from.id + ' to ' + diff.to.id);
    var table = el('table', 'jenkins-table ecsd-diff');
    var head = table.createTHead().insertRow();
    ['', diff.from.id, diff.to.id].forEach(function (h) { head.appendChild(el('th', null, h)); });
    var rows = table.createTBody();
    [['Environment', 'environment'], ['Digest', 'digest'], ['Tag', 'tag'], ['Task definition', 'taskDefinitionArn'],
      ['Status', 'status'], ['Who', 'user']].forEach(function (field) {
      var row = rows.insertRow();
      if (diff.from[field[1]] !== diff.to[field[1]]) {
        row.className = 'ecsd-changed';
      }
      row.appendChild(el('th', null, field[0]));
      row.insertCell().textContent = diff.from[field[1]] || '';
      row.insertCell().textContent = diff.to[field[1]] || '';
    });
    var revisions = rows.insertRow();
    revisions.appendChild(el('th', null, 'Commit'));
    revisions.insertCell().textContent = diff.revisions[0] || '';
    revisions.insertCell().textContent = diff.revisions[1] || '';
    body.appendChild(table);
    var changes = el('ul', 'ecsd-spec-changes');
    diff.taskDefinitionChanges.forEach(function (c) {
      changes.appendChild(el('li', null, c.path + ': ' + (c.before || '∅') + ' → ' + (c.after || '∅')));
    });
    body.appendChild(changes);
    body.appendChild(fields([
      ['Findings added', diff.findingsAdded.join(', ') || 'none'],
      ['Findings fixed', diff.findingsRemoved.join(', ') || 'none']
    ]));
  }

  function loadPromotion() {
    return fetchJson('promotion').then(function (promotions) {
      var table = root.querySelector('.ecsd-promotion');
      var head = clear(table.tHead).insertRow();
      head.appendChild(el('th', null, 'Application'));
      var environments = promotions.length ? promotions[0].stages.map(function (s) { return s.environment; }) : [];
      environments.forEach(function (e) { head.appendChild(el('th', null, e)); });
      var body = clear(table.tBodies[0]);
      promotions.forEach(function (p) {
        var row = body.insertRow();
        row.setAttribute('data-application', p.application);
        row.appendChild(el('th', null, p.application));
        p.stages.forEach(function (s) {
          var td = row.insertCell();
          td.appendChild(el('span', 'ecsd-digest', (s.tag ? s.tag + ' ' : '') + shortDigest(s.digest)));
          var relation = s.relation === 'SAME' || s.relation === 'MISSING'
            ? s.relation.toLowerCase() : s.relation.toLowerCase() + ' by ' + s.distance;
          td.appendChild(el('div', 'ecsd-' + s.relation.toLowerCase(), relation));
        });
      });
    });
  }

  var charts = [];

  function loadMetrics() {
    return fetchJson('metrics', { days: 30 }).then(function (metrics) {
      charts.forEach(function (chart) { chart.destroy(); });
      charts = [];
      var box = clear(root.querySelector('.ecsd-metrics'));
      metrics.forEach(function (m) {
        var card = el('div', 'ecsd-metric');
        card.setAttribute('data-environment', m.environment);
        card.appendChild(el('h3', null, m.environment));
        card.appendChild(fields([
          ['Deployments per day', m.deploymentsPerDay.toFixed(2)],
          ['Change failure rate', Math.round(m.changeFailureRate * 100) + ' %'],
          ['Time to restore', m.meanTimeToRestoreMinutes == null ? 'n/a' : m.meanTimeToRestoreMinutes.toFixed(0) + ' min'],
          ['Lead time', m.medianLeadTimeMinutes == null ? 'n/a' : m.medianLeadTimeMinutes.toFixed(0) + ' min']
        ]));
        var holder = el('div', 'ecsd-chart');
        var canvas = el('canvas');
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', 'Successful deployments per day in ' + m.environment);
        holder.appendChild(canvas);
        card.appendChild(holder);
        box.appendChild(card);
        if (window.Chart) {
          charts.push(new window.Chart(canvas, {
            type: 'bar',
            data: { labels: Object.keys(m.perDay || {}), datasets: [{ label: 'deployments', data: Object.values(m.perDay || {}) }] },
            options: { animation: false, responsive: true, maintainAspectRatio: false }
          }));
        }
      });
    });
  }

  root.querySelectorAll('.ecsd-tab').forEach(function (tab) {
    tab.addEventListener('click', function () { show(tab.getAttribute('data-view')); });
  });
  root.querySelector('.ecsd-filters').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    state.filters = {
      environment: form.elements.environment.value, application: form.elements.application.value,
      status: form.elements.status.value, text: form.elements.text.value, order: form.elements.order.value
    };
    state.offset = 0;
    loadTimeline();
  });
  root.querySelector('.ecsd-previous').addEventListener('click', function () {
    state.offset = Math.max(0, state.offset - state.limit);
    loadTimeline();
  });
  root.querySelector('.ecsd-next').addEventListener('click', function () {
    state.offset += state.limit;
    loadTimeline();
  });
  root.querySelector('.ecsd-compare').addEventListener('click', compareSelected);
  // The column header sorts by start time, the same as the order filter: the server returns the page in order.
  root.querySelector('.ecsd-sort').addEventListener('click', function () {
    var form = root.querySelector('.ecsd-filters');
    form.elements.order.value = form.elements.order.value === 'oldest' ? '' : 'oldest';
    form.requestSubmit();
  });
  root.querySelector('.ecsd-close').addEventListener('click', function () {
    root.querySelector('.ecsd-detail').hidden = true;
  });
  show('now');
}());
