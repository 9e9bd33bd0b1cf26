// Keeps the counts on the newsletter send page current while an edition goes out.
(() => {
  const section = document.querySelector("[data-newsletter-progress]");
  if (!section) return;
  const active = new Set(["scheduled", "sending"]);
  const delay = Number(section.dataset.refreshSeconds) * 1000;

  async function refresh() {
    try {
      const response = await fetch(section.dataset.url, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) return;
      const data = await response.json();
      section.querySelectorAll("[data-count]").forEach((cell) => {
        cell.textContent = data[cell.dataset.count];
      });
      section.querySelector("[data-newsletter-status-text]").textContent = data.status_text;
      section.dataset.status = data.status;
    } finally {
      if (active.has(section.dataset.status)) window.setTimeout(refresh, delay);
    }
  }

  if (active.has(section.dataset.status)) window.setTimeout(refresh, delay);
})();
