"use strict";
// The upload page: list the chosen files, take dropped ones, and check with a busy state.
// Served as a file so the page's Content-Security-Policy allows scripts from 'self' only;
// file names are shown with textContent, never as markup.
(function () {
  const form = document.getElementById("check-form");
  if (!form) return;
  const input = document.getElementById("documents");
  const zone = document.getElementById("drop-zone");
  const chosen = document.getElementById("chosen");
  const button = document.getElementById("check-button");
  const progress = document.getElementById("progress");
  const status = document.getElementById("status");
  const problem = document.getElementById("problem");

  function size(bytes) {
    return bytes < 1e6 ? Math.max(1, Math.round(bytes / 1e3)) + " KB" : (bytes / 1e6).toFixed(1) + " MB";
  }

  function listFiles() {
    chosen.replaceChildren();
    for (const file of input.files) {
      const item = document.createElement("li");
      item.textContent = file.name + " (" + size(file.size) + ")";
      chosen.append(item);
    }
  }

  function busy(on, text) {
    form.setAttribute("aria-busy", on ? "true" : "false");
    button.disabled = on;
    progress.hidden = !on;
    status.textContent = text;
  }

  function fail(message) {
    busy(false, "");
    problem.textContent = message;
    problem.hidden = false;
  }

  input.addEventListener("change", listFiles);
  zone.addEventListener("dragover", function (event) {
    event.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", function () {
    zone.classList.remove("over");
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    zone.classList.remove("over");
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      listFiles();
    }
  });

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    const count = input.files.length;
    if (!count) {
      fail("Choose at least one file first.");
      input.focus();
      return;
    }
    const body = new FormData(form);
    problem.hidden = true;
    busy(true, "Checking " + count + (count === 1 ? " document" : " documents") + "…");
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: body,
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      const answer = await response.json().catch(function () { return {}; });
      if (response.ok && answer.result) {
        status.textContent = "Done: opening the report…";
        window.location.assign(answer.result);
        return;
      }
      fail(answer.error || "The server answered " + response.status + " " + response.statusText + ".");
    } catch (error) {
      fail("The check did not finish: " + error.message);
    }
  });
})();
