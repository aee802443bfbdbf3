/*
 * ecs-deploy history report. Renders the history JSON (dev.ecsdeploy.core.report.ReportModel) into the element
 * #ecsdeploy-report. The JSON comes from <script type="application/json" id="ecsdeploy-history-data"> when the page
 * embeds it (the CLI's standalone file), else from the root element's data-url (the Jenkins page).
 *
 * Every string from AWS or from users is inserted as text (createTextNode / textContent), never as markup, and
 * only http(s) URLs become links.
 */
(function () {
  'use strict';

  var STATUS_LABELS = {
    SUCCEEDED: 'Succeeded', FAILED: 'Failed', ROLLED_BACK: 'Rolled back', IN_PROGRESS: 'In progress',
    PENDING: 'Pending', STOPPED: 'Stopped', TIMED_OUT: 'Timed out', UNKNOWN: 'Unknown'
  };
  var KIND_LABELS = { build: 'Build', deployment: 'Deployment', task: 'Task' };
  var SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED'];

  function el(tag, attributes) {
    var element = document.createElement(tag);
    var names = Object.keys(attributes || {});
    for (var i = 0; i < names.length; i++) {
      var value = attributes[names[i]];
      if (value !== null && value !== undefined) {
        element.setAttribute(names[i], String(value));
      }
    }
    for (var c = 2; c < arguments.length; c++) {
      append(element, arguments[c]);
    }
    return element;
  }

  function append(parent, child) {
    if (child === null || child === undefined || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (each) { append(parent, each); });
    } else if (typeof child === 'object' && child.nodeType) {
      parent.appendChild(child);
    } else {
      parent.appendChild(document.createTextNode(String(child)));
    }
  }

  function safeUrl(url) {
    return typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
  }

  function link(url, text, title) {
    var safe = safeUrl(url);
    if (!safe) {
      return el('span', { title: title }, text);
    }
    return el('a', { href: safe, target: '_blank', rel: 'noopener noreferrer', title: title }, text);
  }

  function time(iso) {
    if (!iso) {
      return '';
    }
    var date = new Date(iso);
    return isNaN(date.getTime()) ? String(iso) : date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  }

  function duration(from, to) {
    if (!from || !to) {
      return '';
    }
    var seconds = Math.max(0, Math.round((new Date(to) - new Date(from)) / 1000));
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    if (hours > 0) {
      return hours + 'h ' + minutes + 'm';
    }
    return minutes > 0 ? minutes + 'm ' + (seconds % 60) + 's' : seconds + 's';
  }

  function shortDigest(digest) {
    if (!digest) {
      return '';
    }
    var hex = String(digest).replace(/^sha256:/, '');
    return hex.length > 12 && hex !== digest ? 'sha256:' + hex.slice(0, 12) : String(digest);
  }

  function revision(arn) {
    return arn ? String(arn).replace(/^arn:[^/]*\//, '') : '';
  }

  function statusBadge(status) {
    var name = status || 'UNKNOWN';
    return el('span', { 'class': 'ed-badge ed-status-' + name.toLowerCase().replace(/_/g, '-'), 'data-status': name },
      STATUS_LABELS[name] || name);
  }

  function primaryImage(entry) {
    return entry && entry.images && entry.images.length ? entry.images[0] : null;
  }

  function linksOf(data, entry) {
    return (entry && data.links && data.links[entry.type + ':' + entry.id]) || {};
  }

  function origin(entry) {
    var who = entry.origin || {};
    var label = who.job ? who.job + (who.buildNumber !== undefined ? ' #' + who.buildNumber : '') : null;
    var parts = [];
    if (who.user) {
      parts.push(el('span', { 'class': 'ed-user' }, who.user));
    }
    if (label || who.buildUrl) {
      if (parts.length) {
        parts.push(' · ');
      }
      parts.push(link(who.buildUrl, label || 'build', 'The build that ran it'));
    }
    return parts;
  }

  function section(id, title) {
    var heading = el('h2', {}, title);
    return el('section', { id: id, 'class': 'ed-section' }, heading);
  }

  function field(label, value) {
    return [el('dt', {}, label), el('dd', {}, value === '' || value === null ? '—' : value)];
  }

  function renderHeader(data) {
    var meta = 'Generated ' + time(data.generatedAt) + ' · ' + data.entryCount + ' entries';
    return el('header', { 'class': 'ed-header' }, el('h1', {}, data.title || 'Deployment history'),
      el('p', { 'class': 'ed-meta' }, meta));
  }

  function renderCards(data) {
    var container = section('ed-environments', 'What runs now');
    var byEnvironment = {};
    (data.current || []).forEach(function (state) {
      (byEnvironment[state.environment] = byEnvironment[state.environment] || []).push(state);
    });
    var cards = el('div', { 'class': 'ed-cards' });
    (data.environments || []).filter(function (env) { return byEnvironment[env]; }).forEach(function (env) {
      var card = el('article', { 'class': 'ed-card', 'data-environment': env }, el('h3', {}, env));
      byEnvironment[env].forEach(function (state) { card.appendChild(renderService(data, state)); });
      cards.appendChild(card);
    });
    if (!cards.childNodes.length) {
      cards.appendChild(el('p', { 'class': 'ed-empty' }, 'Nothing has been deployed yet.'));
    }
    container.appendChild(cards);
    return container;
  }

  function renderService(data, state) {
    var running = state.running;
    var latest = state.latest;
    var shown = running || latest;
    var links = linksOf(data, shown);
    var image = primaryImage(running);
    var box = el('div', { 'class': 'ed-service', 'data-service': state.service },
      el('div', { 'class': 'ed-service-head' },
        link(links.service, state.service, 'The service in the AWS console'),
        statusBadge(latest.status)));
    var facts = el('dl', { 'class': 'ed-facts' });
    if (running) {
      append(facts, field('Image', image ? link(links.image, shortDigest(image.digest || image.image),
        image.image || '') : ''));
      append(facts, field('Since', time(running.finishedAt || running.recordedAt)));
      append(facts, field('Task definition', link(links.taskDefinition, revision(running.taskDefinitionArn),
        running.taskDefinitionArn || '')));
      append(facts, field('Deployed by', origin(running)));
    } else {
      append(facts, field('Image', 'no successful deployment yet'));
    }
    append(facts, field('Cluster', link(links.cluster, shown.cluster, 'The cluster in the AWS console')));
    box.appendChild(facts);
    if (!running || latest.id !== running.id) {
      var attempt = el('p', { 'class': 'ed-attempt' }, 'Last attempt ', el('code', {}, latest.id), ' (',
        latest.strategy || 'deployment', ', ', time(latest.startedAt), '): ', statusBadge(latest.status));
      if (latest.reason) {
        append(attempt, [' ', el('span', { 'class': 'ed-reason' }, latest.reason)]);
      }
      box.appendChild(attempt);
    }
    return box;
  }

  function renderPromotion(data) {
    var promotion = data.promotion;
    if (!promotion || !promotion.services || !promotion.services.length || promotion.environments.length < 2) {
      return null;
    }
    var container = section('ed-promotion', 'Promotion');
    var head = el('tr', {}, el('th', {}, 'Service'));
    promotion.environments.forEach(function (env) { head.appendChild(el('th', {}, env)); });
    var body = el('tbody');
    promotion.services.forEach(function (row) {
      var tr = el('tr', { 'data-service': row.service }, el('th', { scope: 'row' }, row.service));
      row.cells.forEach(function (cell, index) {
        var gap = index > 0 ? row.gaps[index - 1] : null;
        tr.appendChild(el('td', {}, cell.digest ? el('code', { title: cell.digest }, shortDigest(cell.digest)) : '—',
          gap ? el('div', { 'class': 'ed-gap ed-gap-' + gap.relation.toLowerCase().replace(/_/g, '-') },
            gapText(gap)) : null));
      });
      body.appendChild(tr);
    });
    container.appendChild(el('div', { 'class': 'ed-scroll' },
      el('table', { 'class': 'ed-table ed-promotion-table' }, el('thead', {}, head), body)));
    return container;
  }

  function gapText(gap) {
    var count = gap.count + (gap.count === 1 ? ' image' : ' images');
    switch (gap.relation) {
      case 'IN_SYNC': return 'same as ' + gap.upstream;
      case 'BEHIND': return 'behind ' + gap.upstream + ' by ' + count;
      case 'AHEAD': return 'ahead of ' + gap.upstream + ' by ' + count;
      default: return '';
    }
  }

  function renderTimeline(data) {
    var container = section('ed-timeline', 'Timeline');
    var rows = (data.timeline || []).map(function (entry) { return timelineRow(data, entry); });
    var filters = timelineFilters(data, rows);
    var count = el('p', { id: 'ed-timeline-count', 'class': 'ed-meta' });
    var body = el('tbody');
    rows.forEach(function (row) { body.appendChild(row.element); });
    var head = el('tr', {}, ['Started', 'Kind', 'Environment', 'Service', 'Status', 'Image', 'Who', 'Details']
      .map(function (name) { return el('th', { scope: 'col' }, name); }));
    container.appendChild(filters.element);
    container.appendChild(count);
    container.appendChild(el('div', { 'class': 'ed-scroll' },
      el('table', { id: 'ed-timeline-table', 'class': 'ed-table' }, el('thead', {}, head), body)));
    filters.apply = function () {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = filters.matches(row);
        row.element.hidden = !visible;
        shown += visible ? 1 : 0;
      });
      count.textContent = 'Showing ' + shown + ' of ' + rows.length + ' entries' +
        (data.timelineTotal > rows.length ? ' (the newest ' + rows.length + ' of ' + data.timelineTotal + ')' : '');
    };
    filters.apply();
    return container;
  }

  function timelineRow(data, entry) {
    var links = linksOf(data, entry);
    var image = primaryImage(entry);
    var digest = entry.type === 'build' ? entry.digest : image && (image.digest || image.image);
    var service = entry.type === 'build' ? entry.repository : entry.service;
    var tr = el('tr', { 'data-id': entry.id, 'data-kind': entry.type, 'data-status': entry.status },
      el('td', { 'class': 'ed-nowrap' }, time(entry.startedAt || entry.recordedAt)),
      el('td', {}, KIND_LABELS[entry.type] || entry.type, entry.strategy ? el('div', { 'class': 'ed-sub' },
        entry.strategy) : null),
      el('td', {}, entry.environment ? link(links.cluster, entry.environment, entry.cluster || '') : '—'),
      el('td', {}, service ? link(links.service, service, '') : '—'),
      el('td', {}, statusBadge(entry.status), entry.finishedAt ? el('div', { 'class': 'ed-sub' },
        duration(entry.startedAt, entry.finishedAt)) : null),
      el('td', {}, digest ? link(links.image, shortDigest(digest), digest) : '—',
        entry.tags && entry.tags.length ? el('div', { 'class': 'ed-sub' }, entry.tags.join(', ')) : null),
      el('td', {}, origin(entry)),
      el('td', { 'class': 'ed-details' }, details(entry, links)));
    return {
      element: tr,
      environment: entry.environment || '',
      service: service || '',
      status: entry.status || '',
      text: searchText(entry)
    };
  }

  function details(entry, links) {
    var parts = [];
    if (entry.reason) {
      parts.push(el('div', { 'class': 'ed-reason' }, entry.reason));
    }
    if (entry.details) {
      // The reason is one line; what lies behind it (stopped tasks, the rollback) opens on demand.
      var lines = el('ul', { 'class': 'ed-detail-lines' });
      String(entry.details).split('\n').forEach(function (line) {
        lines.appendChild(el('li', {}, line));
      });
      parts.push(el('details', { 'class': 'ed-more' }, el('summary', {}, 'details'), lines));
    }
    if (entry.type === 'task' && entry.exitCode !== undefined && entry.exitCode !== null) {
      parts.push(el('div', { 'class': 'ed-sub' }, 'exit code ' + entry.exitCode));
    }
    if (entry.taskDefinitionArn) {
      parts.push(el('div', { 'class': 'ed-sub' }, link(links.taskDefinition, revision(entry.taskDefinitionArn),
        entry.taskDefinitionArn), entry.previousTaskDefinitionArn ? [' (was ',
        link(links.previousTaskDefinition, revision(entry.previousTaskDefinitionArn), ''), ')'] : null));
    }
    if (entry.taskArn) {
      parts.push(el('div', { 'class': 'ed-sub' }, link(links.task, 'task ' + revision(entry.taskArn), entry.taskArn)));
    }
    if (entry.gate) {
      parts.push(el('div', { 'class': 'ed-sub' }, 'gate ' + (entry.gate.passed ? 'passed' : 'failed') +
        (entry.gate.policy ? ' (' + entry.gate.policy + ')' : '')));
    }
    if (entry.events && entry.events.length) {
      var list = el('ol', { 'class': 'ed-events' });
      entry.events.forEach(function (event) {
        list.appendChild(el('li', {}, el('span', { 'class': 'ed-sub' }, time(event.time)), ' ', event.message));
      });
      parts.push(el('details', {}, el('summary', {},
        entry.events.length + (entry.events.length === 1 ? ' event' : ' events')), list));
    }
    return parts;
  }

  function searchText(entry) {
    var values = [entry.id, entry.type, entry.environment, entry.cluster, entry.service, entry.repository,
      entry.strategy, entry.status, entry.reason, entry.digest, entry.taskDefinitionArn, entry.taskArn];
    (entry.images || []).forEach(function (image) { values.push(image.image, image.digest); });
    (entry.tags || []).forEach(function (tag) { values.push(tag); });
    (entry.events || []).forEach(function (event) { values.push(event.message); });
    (entry.command || []).forEach(function (part) { values.push(part); });
    if (entry.origin) {
      values.push(entry.origin.user, entry.origin.job);
    }
    return values.filter(function (v) { return v !== undefined && v !== null; }).join('\n').toLowerCase();
  }

  function timelineFilters(data, rows) {
    var state = { environment: '', service: '', status: '', text: '' };
    var filters = { element: el('div', { 'class': 'ed-filters', role: 'search' }), apply: function () {} };
    function select(id, label, values, key) {
      var control = el('select', { id: id }, el('option', { value: '' }, 'All'));
      values.forEach(function (value) { control.appendChild(el('option', { value: value }, value)); });
      control.addEventListener('change', function () { state[key] = control.value; filters.apply(); });
      filters.element.appendChild(el('label', {}, label, control));
    }
    function distinct(key) {
      var seen = {};
      rows.forEach(function (row) { if (row[key]) { seen[row[key]] = true; } });
      return Object.keys(seen).sort();
    }
    var environments = (data.environments || []).filter(function (env) { return distinct('environment').indexOf(env) >= 0; });
    select('ed-filter-environment', 'Environment', environments, 'environment');
    select('ed-filter-service', 'Service', distinct('service'), 'service');
    select('ed-filter-status', 'Status', distinct('status'), 'status');
    var text = el('input', { id: 'ed-filter-text', type: 'search', placeholder: 'id, digest, reason, event…' });
    text.addEventListener('input', function () { state.text = text.value.trim().toLowerCase(); filters.apply(); });
    filters.element.appendChild(el('label', {}, 'Text', text));
    filters.matches = function (row) {
      return (!state.environment || row.environment === state.environment) &&
        (!state.service || row.service === state.service) &&
        (!state.status || row.status === state.status) &&
        (!state.text || row.text.indexOf(state.text) >= 0);
    };
    return filters;
  }

  function renderBuilds(data) {
    var builds = data.builds || [];
    if (!builds.length) {
      return null;
    }
    var container = section('ed-images', 'Images and scans');
    builds.forEach(function (build) { container.appendChild(renderBuild(data, build)); });
    return container;
  }

  function renderBuild(data, build) {
    var links = linksOf(data, build);
    var scan = build.scan;
    var box = el('article', { 'class': 'ed-image', 'data-build-id': build.id },
      el('h3', {}, build.repository, build.tags && build.tags.length ? ':' + build.tags.join(', ') : ''),
      el('p', { 'class': 'ed-meta' }, link(links.image, shortDigest(build.digest), build.digest || ''),
        build.buildTool ? ' · built with ' + build.buildTool : '', ' · ', time(build.finishedAt || build.recordedAt),
        ' · ', statusBadge(build.status), ' · ', origin(build)));
    if (build.gate) {
      box.appendChild(el('p', { 'class': 'ed-gate ' + (build.gate.passed ? 'ed-gate-passed' : 'ed-gate-failed') },
        build.gate.passed ? 'Scan gate passed' : 'Scan gate failed',
        build.gate.policy ? ' (' + build.gate.policy + ')' : '', build.gate.reason ? ': ' + build.gate.reason : ''));
    }
    if (!scan) {
      box.appendChild(el('p', { 'class': 'ed-empty' }, 'Not scanned.'));
      return box;
    }
    box.appendChild(severityCounts(scan));
    if (scan.findings && scan.findings.length) {
      box.appendChild(findingsTable(scan.findings));
    }
    return box;
  }

  function severityCounts(scan) {
    var counts = scan.severityCounts || {};
    var chips = el('p', { 'class': 'ed-severities' }, 'Scan ', (scan.status || 'UNKNOWN').toLowerCase(), ': ');
    var keys = SEVERITIES.filter(function (s) { return counts[s] !== undefined; })
      .concat(Object.keys(counts).filter(function (s) { return SEVERITIES.indexOf(s) < 0; }));
    if (!keys.length) {
      append(chips, 'no findings');
    }
    keys.forEach(function (severity) {
      var level = counts[severity] > 0 ? severity.toLowerCase() : 'none';
      chips.appendChild(el('span', { 'class': 'ed-severity ed-severity-' + level, 'data-severity': severity },
        severity + ' ' + counts[severity]));
    });
    return chips;
  }

  function findingsTable(findings) {
    var head = el('tr', {}, ['Severity', 'Vulnerability', 'Package', 'Installed', 'Fixed in', 'Description']
      .map(function (name) { return el('th', { scope: 'col' }, name); }));
    var body = el('tbody');
    findings.forEach(function (finding) {
      body.appendChild(el('tr', {},
        el('td', {}, el('span', { 'class': 'ed-severity ed-severity-' + String(finding.severity || '').toLowerCase() },
          finding.severity || '')),
        el('td', {}, link(finding.uri, finding.id || '', '')),
        el('td', {}, finding.packageName || ''),
        el('td', {}, finding.installedVersion || ''),
        el('td', {}, finding.fixedVersion || '—'),
        el('td', { 'class': 'ed-description' }, finding.description || '')));
    });
    return el('div', { 'class': 'ed-scroll' },
      el('table', { 'class': 'ed-table ed-findings' }, el('thead', {}, head), body));
  }

  function render(root, data) {
    while (root.firstChild) {
      root.removeChild(root.firstChild);
    }
    [renderHeader(data), renderCards(data), renderPromotion(data), renderTimeline(data), renderBuilds(data)]
      .forEach(function (part) { append(root, part); });
    root.setAttribute('data-rendered', 'true');
  }

  function showError(root, message) {
    root.textContent = '';
    root.appendChild(el('p', { 'class': 'ed-error', role: 'alert' }, message));
    root.setAttribute('data-rendered', 'error');
  }

  function start() {
    var root = document.getElementById('ecsdeploy-report');
    if (!root) {
      return;
    }
    var embedded = document.getElementById('ecsdeploy-history-data');
    if (embedded && embedded.textContent.trim()) {
      try {
        render(root, JSON.parse(embedded.textContent));
      } catch (e) {
        showError(root, 'History not shown: the embedded data is unreadable (' + e.message + ')');
      }
      return;
    }
    var url = root.getAttribute('data-url');
    if (!url) {
      showError(root, 'History not shown: the page has neither embedded data nor a data-url');
      return;
    }
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status + ' from ' + url);
        }
        return response.json();
      })
      .then(function (data) { render(root, data); })
      .catch(function (e) { showError(root, 'History not loaded: ' + e.message); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
