// Draws the Insights page's charts from the data it carries (window.paradiseInsights), with Chart.js from the WebJar:
// hotspots as bubbles (commits across, complexity up, size by score) and technical debt per run, in hours.
(function () {
  const data = window.paradiseInsights || {};
  const hotspots = data.hotspots || [];
  const hotspotCanvas = document.getElementById('hotspot-chart');
  if (hotspotCanvas && hotspots.length) {
    new Chart(hotspotCanvas, {
      type: 'bubble',
      data: {
        datasets: [{
          label: 'files (size: hotspot score)',
          data: hotspots.map((h) => ({ x: h.commits, y: h.complexity, r: 4 + 20 * h.score, file: h.file })),
          backgroundColor: 'rgba(220, 38, 38, 0.45)', borderColor: '#dc2626',
        }],
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { title: { display: true, text: 'commits in the window' }, beginAtZero: true },
                  y: { title: { display: true, text: 'cyclomatic complexity' }, beginAtZero: true } },
        plugins: { tooltip: { callbacks: { label: (c) => `${c.raw.file}: ${c.raw.x} commits, complexity ${c.raw.y}` } } },
      },
    });
  }
  const debt = data.debt || [];
  const debtCanvas = document.getElementById('debt-chart');
  if (debtCanvas && debt.length) {
    new Chart(debtCanvas, {
      type: 'line',
      data: {
        labels: debt.map((d) => new Date(d.startedAt).toLocaleString()),
        datasets: [{ label: 'technical debt (hours)', data: debt.map((d) => Math.round(d.minutes / 6) / 10), borderColor: '#7c3aed',
          backgroundColor: '#7c3aed', tension: 0.2 }],
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } },
    });
  }
})();
