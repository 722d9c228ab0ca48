/* global window, document */
// Records the loader's DOM events for the test (window.__lba), and cancels lba:navigate when asked.
window.__lba = [];
for (const type of ["lba:ready", "lba:search", "lba:application-sent", "lba:navigate"]) {
  document.addEventListener(type, (event) => {
    window.__lba.push({ type, detail: event.detail, target: event.target.id });
    if (type === "lba:navigate" && document.body.dataset.cancelNavigate === "1") event.preventDefault();
  });
}
