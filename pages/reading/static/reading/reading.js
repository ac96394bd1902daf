/* The reading chrome: phone menu drawer, display settings, sidebar branches, the on-this-page
   contents on small screens and videos loaded only after the reader agrees. Every part works
   without this file: the drawer is then a navigation block at the end of the page, the sidebar
   and the contents stay open, and each video is a plain link to its host. */
(function () {
  "use strict";

  var SETTINGS_KEY = "studiobib.reading";      // also read by early.js, before the first paint
  var VIDEO_HOSTS_KEY = "studiobib.video-hosts";
  var FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";
  var SETTING_CLASSES = ["rs-text-large", "rs-text-larger", "theme-light", "theme-dark", "rs-contrast-high", "rs-spacing-wide"];

  function read(key, fallback) {
    try { return JSON.parse(window.localStorage.getItem(key)) || fallback; } catch (e) { return fallback; }
  }
  function write(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: this page only */ }
  }
  function visible(element) { return !!(element.offsetWidth || element.offsetHeight || element.getClientRects().length); }

  /* Menu drawer: a modal dialog; Tab stays inside, Escape and « Fermer » close it, focus goes back. */
  function setUpDrawer() {
    var drawer = document.querySelector("[data-drawer]");
    var opener = document.querySelector("[data-drawer-open]");
    if (!drawer || !opener || typeof drawer.showModal !== "function") return;
    var closer = drawer.querySelector("[data-drawer-close]");
    function items() { return Array.prototype.filter.call(drawer.querySelectorAll(FOCUSABLE), visible); }
    // The dialog's "close" event comes a task later; the button's state and the focus are put
    // back at once so nothing reads a closed menu as still expanded.
    function closed() {
      opener.setAttribute("aria-expanded", "false");
      opener.focus();
    }
    function close() { if (drawer.open) { drawer.close(); closed(); } }
    opener.addEventListener("click", function () {
      drawer.showModal();
      opener.setAttribute("aria-expanded", "true");
      closer.focus();
    });
    closer.addEventListener("click", close);
    drawer.addEventListener("close", closed);
    drawer.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); close(); return; }
      if (event.key !== "Tab") return;
      var list = items();
      if (!list.length) return;
      var first = list[0], last = list[list.length - 1];
      if (event.shiftKey && (document.activeElement === first || !drawer.contains(document.activeElement))) {
        event.preventDefault(); last.focus();
      } else if (!event.shiftKey && (document.activeElement === last || !drawer.contains(document.activeElement))) {
        event.preventDefault(); first.focus();
      }
    });
    // A click on the backdrop (the dialog itself, outside its inner box) closes it.
    drawer.addEventListener("click", function (event) { if (event.target === drawer) close(); });
    window.matchMedia("(min-width: 60rem)").addEventListener("change", function (event) { if (event.matches) close(); });
  }

  /* Display settings: size, theme, contrast, spacing; kept for every page of the site. */
  function apply(settings) {
    var root = document.documentElement;
    SETTING_CLASSES.forEach(function (name) { root.classList.remove(name); });
    if (settings.size === "large" || settings.size === "larger") root.classList.add("rs-text-" + settings.size);
    if (settings.theme === "light" || settings.theme === "dark") root.classList.add("theme-" + settings.theme);
    if (settings.contrast === "high") root.classList.add("rs-contrast-high");
    if (settings.spacing === "wide") root.classList.add("rs-spacing-wide");
  }

  function setUpSettings() {
    var box = document.querySelector("[data-reading-settings]");
    if (!box) return;
    var toggle = box.querySelector(".reading-settings__toggle");
    var panel = document.getElementById(toggle.getAttribute("aria-controls"));
    var form = {
      size: box.querySelectorAll("input[name='reading-size']"),
      theme: box.querySelectorAll("input[name='reading-theme']"),
      contrast: box.querySelector("input[name='reading-contrast']"),
      spacing: box.querySelector("input[name='reading-spacing']")
    };
    function show(settings) {
      Array.prototype.forEach.call(form.size, function (input) { input.checked = input.value === (settings.size || "normal"); });
      Array.prototype.forEach.call(form.theme, function (input) { input.checked = input.value === (settings.theme || "auto"); });
      form.contrast.checked = settings.contrast === "high";
      form.spacing.checked = settings.spacing === "wide";
    }
    function collect() {
      var settings = {};
      Array.prototype.forEach.call(form.size, function (input) { if (input.checked && input.value !== "normal") settings.size = input.value; });
      Array.prototype.forEach.call(form.theme, function (input) { if (input.checked && input.value !== "auto") settings.theme = input.value; });
      if (form.contrast.checked) settings.contrast = "high";
      if (form.spacing.checked) settings.spacing = "wide";
      return settings;
    }
    function setOpen(open, refocus) {
      panel.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
      if (!open && refocus) toggle.focus();
    }
    show(read(SETTINGS_KEY, {}));
    toggle.addEventListener("click", function () { setOpen(panel.hidden, false); });
    panel.addEventListener("change", function () {
      var settings = collect();
      write(SETTINGS_KEY, settings);
      apply(settings);
    });
    box.querySelector("[data-reading-reset]").addEventListener("click", function () {
      write(SETTINGS_KEY, {});
      apply({});
      show({});
    });
    box.querySelector("[data-reading-close]").addEventListener("click", function () { setOpen(false, true); });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) { event.preventDefault(); setOpen(false, true); }
    });
    document.addEventListener("click", function (event) { if (!panel.hidden && !box.contains(event.target)) setOpen(false, false); });
    // Another tab changed the settings: follow it.
    window.addEventListener("storage", function (event) {
      if (event.key === SETTINGS_KEY) { var settings = read(SETTINGS_KEY, {}); apply(settings); show(settings); }
    });
  }

  /* Sidebar: each open branch can be folded from the button beside its parent's name. */
  function setUpBranches() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-branch-toggle]"), function (button) {
      var branch = document.getElementById(button.getAttribute("aria-controls"));
      if (!branch) return;
      button.addEventListener("click", function () {
        var open = button.getAttribute("aria-expanded") === "true";
        button.setAttribute("aria-expanded", String(!open));
        branch.hidden = open;
      });
    });
  }

  /* On this page: beside the text on wide screens, folded at the top on smaller ones. */
  function setUpContents() {
    var details = document.querySelector("[data-toc] details");
    if (!details) return;
    var wide = window.matchMedia("(min-width: 75rem)");
    function sync() { details.open = wide.matches; }
    sync();
    wide.addEventListener("change", sync);
  }

  /* Videos: nothing is asked of the host until the reader loads the player (or said yes before). */
  function setUpVideos() {
    var boxes = document.querySelectorAll("[data-video-consent]");
    if (!boxes.length) return;
    Array.prototype.forEach.call(boxes, function (box) {
      var host = box.getAttribute("data-host");
      function load(byClick) {
        var address = new URL(box.getAttribute("data-src"), window.location.href);
        if (/vimeo\.com$/.test(address.hostname)) address.searchParams.set("dnt", "1");
        if (byClick) address.searchParams.set("autoplay", "1");
        var frame = document.createElement("iframe");
        frame.src = address.href;
        frame.title = box.getAttribute("data-title");
        frame.setAttribute("allow", "autoplay; fullscreen; picture-in-picture; encrypted-media");
        frame.setAttribute("allowfullscreen", "");
        box.replaceWith(frame);
        if (byClick) frame.focus();
      }
      if (read(VIDEO_HOSTS_KEY, []).indexOf(host) !== -1) { load(false); return; }
      box.querySelector("[data-video-load]").addEventListener("click", function () {
        if (box.querySelector("[data-video-remember]").checked) {
          var hosts = read(VIDEO_HOSTS_KEY, []);
          if (hosts.indexOf(host) === -1) hosts.push(host);
          write(VIDEO_HOSTS_KEY, hosts);
        }
        load(true);
      });
    });
  }

  function start() {
    setUpDrawer();
    setUpSettings();
    setUpBranches();
    setUpContents();
    setUpVideos();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
