// Draws the trend charts from the points the page carries (window.paradiseTrend), with Chart.js from the WebJar.
(function () {
  const points = window.paradiseTrend || [];
  const labels = points.map((p) => new Date(p.startedAt).toLocaleString());
  const percent = (value) => (value === null || value === undefined ? null : Math.round(value * 1000) / 10);
  const line = (label, data, color) => ({ label, data, borderColor: color, backgroundColor: color, spanGaps: true, tension: 0.2 });

  new Chart(document.getElementById('quality-chart'), {
    type: 'line',
    data: {
      labels,
      datasets: [
        line('score', points.map((p) => p.score), '#4b6bfb'),
        line('pass rate %', points.map((p) => percent(p.passRate)), '#1f9d55'),
        line('line coverage %', points.map((p) => percent(p.lineRate)), '#d97706'),
      ],
    },
    options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { min: 0, max: 100 } } },
  });

  const severities = [['CRITICAL', '#7f1d1d'], ['HIGH', '#dc2626'], ['MEDIUM', '#d97706'], ['LOW', '#6b7280'], ['INFO', '#cbd5e1']];
  new Chart(document.getElementById('findings-chart'), {
    type: 'bar',
    data: {
      labels,
      datasets: severities.map(([severity, color]) => ({
        label: severity.toLowerCase(), data: points.map((p) => (p.findings || {})[severity] || 0), backgroundColor: color, maxBarThickness: 56,
      })),
    },
    options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
  });
})();
