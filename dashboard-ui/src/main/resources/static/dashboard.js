// Live updates: one EventSource on the dashboard's /events (the report-service's stream, relayed). Each event asks
// htmx to re-render the server-side fragment it concerns; nothing is rendered in the browser.
//
// A page the browser leaves closes its stream (pagehide): a browser keeps at most 6 connections to one host, and a
// page kept in its back/forward cache would otherwise hold one open until the next event, so that a few pages later
// the next click waits for a free connection. A page shown again from that cache opens a new stream and re-renders
// what it may have missed; a run page loads again, as its run may have been stored meanwhile.
//
// Events only say what to fetch again. A stream that opens again ('hello' after the first) and a 'resync' (the page
// fell behind a burst of events, whose backlog the dashboard dropped) re-render everything. A stream the dashboard
// refused (it serves as many as it may) is not reopened by the browser: the page tries again, later each time.
(function () {
  const status = document.getElementById('live-status');
  const page = document.body.dataset.page;
  const runId = document.body.dataset.runId;
  const refresh = (selector) => { const el = document.querySelector(selector); if (el) htmx.trigger(el, 'refresh'); };
  const refreshAll = () => ['#instances', '#runs', '#run-live'].forEach(refresh);
  let source = null;
  let greeted = false;
  let retries = 0;
  let retry = null;

  function open() {
    if (source) source.close();
    clearTimeout(retry);
    status.textContent = 'connecting…'; status.className = 'live-status';
    const stream = source = new EventSource('/events');
    source.addEventListener('open', () => { status.textContent = 'live'; status.className = 'live-status on'; });
    source.addEventListener('error', () => {
      status.textContent = 'reconnecting…'; status.className = 'live-status off';
      if (stream !== source || stream.readyState !== EventSource.CLOSED) return;
      const wait = Math.min(60000, 5000 * 2 ** retries++) * (0.5 + Math.random() / 2);
      retry = setTimeout(open, wait);
    });
    source.addEventListener('hello', () => {
      retries = 0;
      if (greeted) refreshAll();
      greeted = true;
    });
    source.addEventListener('resync', refreshAll);
    source.addEventListener('instance', () => refresh('#instances'));
    source.addEventListener('quality', (e) => {
      const event = JSON.parse(e.data);
      if (page === 'overview' && (event.type === 'RUN_STARTED' || event.type === 'RUN_FINISHED')) refresh('#runs');
      if (page === 'run' && event.runId === runId) refresh('#run-live');
    });
    source.addEventListener('run-stored', (e) => {
      const stored = JSON.parse(e.data);
      if (page === 'overview') refresh('#runs');
      // the run is done and stored: show its final page with the reports
      if (page === 'run' && stored.runId === runId && document.body.dataset.stored !== 'true') window.location.reload();
    });
    source.addEventListener('run-storage-failed', (e) => {
      if (page === 'run' && JSON.parse(e.data).runId === runId) refresh('#run-live');
    });
  }

  window.addEventListener('pagehide', () => {
    clearTimeout(retry);
    if (source) { source.close(); source = null; }
  });
  window.addEventListener('pageshow', (e) => {
    if (!e.persisted) return;
    if (page === 'run') { window.location.reload(); return; }
    greeted = false;
    open();
    refreshAll();
  });
  open();
})();
