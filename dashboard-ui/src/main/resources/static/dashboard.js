// Live updates: one EventSource on the dashboard's /events (the report-service's stream, relayed). Each event asks
// htmx to re-render the server-side fragment it concerns; nothing is rendered in the browser.
(function () {
  const status = document.getElementById('live-status');
  const page = document.body.dataset.page;
  const runId = document.body.dataset.runId;
  const refresh = (selector) => { const el = document.querySelector(selector); if (el) htmx.trigger(el, 'refresh'); };
  const source = new EventSource('/events');

  source.addEventListener('open', () => { status.textContent = 'live'; status.className = 'live-status on'; });
  source.addEventListener('error', () => { status.textContent = 'reconnecting…'; status.className = 'live-status off'; });
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
})();
