// The preview's only script (served as is, no build step): snippet tabs whose choice is
// remembered across the page, pages and browser tabs, copy buttons, and live reload.
"use strict";

(() => {
  const STORAGE = {
    provider: "snippet-docs.provider",
    language: "snippet-docs.language",
    client: (language) => `snippet-docs.client.${language}`,
  };

  // localStorage throws when storage is disabled; the tabs then just do not remember.
  function recall(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  }

  function remember(key, value) {
    try {
      localStorage.setItem(key, value);
    } catch {
      // Nothing to do: the choice still applies to this page.
    }
  }

  const unique = (values) => [...new Set(values)];
  const preferred = (available, wanted) => (available.includes(wanted) ? wanted : available[0]);

  function select(button, selected) {
    button.setAttribute("aria-selected", selected ? "true" : "false");
    button.tabIndex = selected ? 0 : -1;
  }

  // Shows, in one group, the remembered provider, language and client where the group has them,
  // and otherwise the first it has.
  function applyChoice(group) {
    const panels = [...group.querySelectorAll(".snippet-panel")];
    const provider = preferred(unique(panels.map((panel) => panel.dataset.provider)), recall(STORAGE.provider));
    const forProvider = panels.filter((panel) => panel.dataset.provider === provider);
    const languages = unique(forProvider.map((panel) => panel.dataset.language));
    const language = preferred(languages, recall(STORAGE.language));
    const clients = forProvider
      .filter((panel) => panel.dataset.language === language)
      .map((panel) => panel.dataset.client);
    const client = preferred(clients, recall(STORAGE.client(language)));

    const picker = group.querySelector(".provider-select");
    if (picker) picker.value = provider;
    for (const button of group.querySelectorAll(".language-tabs [role=tab]")) {
      button.hidden = !languages.includes(button.dataset.language);
      select(button, button.dataset.language === language);
    }
    for (const button of group.querySelectorAll(".client-tabs [role=tab]")) {
      const offered = button.dataset.language === language && clients.includes(button.dataset.client);
      button.hidden = !offered;
      select(button, offered && button.dataset.client === client);
    }
    for (const panel of panels) {
      panel.hidden = !(
        panel.dataset.provider === provider &&
        panel.dataset.language === language &&
        panel.dataset.client === client
      );
    }
  }

  function applyEverywhere() {
    for (const group of document.querySelectorAll(".snippet-group")) applyChoice(group);
  }

  // Switching tabs changes the height of every group above; keep the clicked control where it was.
  function keepInView(element, change) {
    const before = element.getBoundingClientRect().top;
    change();
    window.scrollBy(0, element.getBoundingClientRect().top - before);
  }

  async function copy(button) {
    const text = button.closest("figure.snippet")?.dataset.snippet ?? "";
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = "Copied";
    } catch {
      button.textContent = "Copy failed";
    }
    setTimeout(() => (button.textContent = "Copy"), 1500);
  }

  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const languageTab = target?.closest(".language-tabs [role=tab]");
    const clientTab = target?.closest(".client-tabs [role=tab]");
    const copyButton = target?.closest(".copy-button");
    if (languageTab) {
      remember(STORAGE.language, languageTab.dataset.language);
      keepInView(languageTab, applyEverywhere);
    } else if (clientTab) {
      remember(STORAGE.language, clientTab.dataset.language);
      remember(STORAGE.client(clientTab.dataset.language), clientTab.dataset.client);
      keepInView(clientTab, applyEverywhere);
    } else if (copyButton) {
      void copy(copyButton);
    }
  });

  document.addEventListener("change", (event) => {
    const picker = event.target instanceof Element ? event.target.closest(".provider-select") : null;
    if (!picker) return;
    remember(STORAGE.provider, picker.value);
    keepInView(picker, applyEverywhere);
  });

  // Another browser tab of the preview changed the choice.
  window.addEventListener("storage", applyEverywhere);

  function liveReload() {
    const version = document.querySelector('meta[name="preview-version"]')?.getAttribute("content") ?? "";
    const query = new URLSearchParams({ page: location.pathname, version });
    const events = new EventSource(`/_preview/events?${query}`);
    events.addEventListener("reload", () => {
      events.close();
      location.reload();
    });
  }

  document.documentElement.dataset.previewScript = "ready";
  applyEverywhere();
  liveReload();
})();
