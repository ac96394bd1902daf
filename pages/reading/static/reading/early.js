/* Runs in <head>, before the first paint: the reader's display settings become classes on <html>,
   so a cached page (the same for every reader) shows at once in this reader's size, theme and
   spacing. The settings panel (reading.js) writes the same key. */
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  var settings = {};
  try { settings = JSON.parse(window.localStorage.getItem("studiobib.reading") || "{}") || {}; } catch (e) { settings = {}; }
  if (settings.size === "large" || settings.size === "larger") root.classList.add("rs-text-" + settings.size);
  if (settings.theme === "light" || settings.theme === "dark") root.classList.add("theme-" + settings.theme);
  if (settings.contrast === "high") root.classList.add("rs-contrast-high");
  if (settings.spacing === "wide") root.classList.add("rs-spacing-wide");
})();
