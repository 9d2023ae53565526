// The editors' admin: keyboard shortcuts for the review queue and a draft's page, and the merge
// page's field choices following the survivor until the editor picks one. No inline scripts (CSP).
(function () {
  "use strict";

  // Keys are shortcuts unless the editor is writing: in a text field, a list or an editable area.
  function typing(event) {
    const target = event.target;
    if (target.isContentEditable || ["TEXTAREA", "SELECT"].includes(target.tagName)) return true;
    return target.tagName === "INPUT" && !["checkbox", "radio", "submit", "button"].includes(target.type);
  }

  function queueShortcuts(list) {
    const rows = Array.from(list.querySelectorAll("tbody tr"));
    let current = -1;
    function focusRow(index) {
      if (!rows.length) return;
      rows.forEach((row) => row.classList.remove("keyboard-focus"));
      current = Math.max(0, Math.min(rows.length - 1, index));
      const row = rows[current];
      row.classList.add("keyboard-focus");
      const link = row.querySelector("th a, td a");
      if (link) link.focus();
    }
    document.addEventListener("keydown", function (event) {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "j") { focusRow(current + 1); event.preventDefault(); }
      else if (event.key === "k") { focusRow(current - 1); event.preventDefault(); }
      else if (event.key === "x" && current >= 0) {
        const box = rows[current].querySelector("input.action-select");
        if (box) box.click();
        event.preventDefault();
      } else if (event.key === "P") {
        const action = document.querySelector("select[name=action]");
        const go = document.querySelector("button[name=index]");
        if (action && go && document.querySelector("input.action-select:checked")) {
          action.value = "publish_events";
          go.click();
        }
        event.preventDefault();
      }
    });
  }

  function draftShortcuts(form) {
    document.addEventListener("keydown", function (event) {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "P") {
        const status = form.querySelector("select[name=status]");
        const next = form.querySelector("input[name=_savenext]");
        if (status && next) { status.value = "published"; next.click(); }
        event.preventDefault();
      } else if (event.key === "N") {
        const skip = document.querySelector("a.next-draft");
        if (skip) window.location.href = skip.href;
        event.preventDefault();
      }
    });
  }

  function mergeChoices(form) {
    const touched = new Set();
    form.querySelectorAll("tr.merge-row input[type=radio]").forEach(function (radio) {
      radio.addEventListener("change", function () {
        if (radio.name !== "survivor") touched.add(radio.name);
      });
    });
    form.querySelectorAll("input[name=survivor]").forEach(function (survivor) {
      survivor.addEventListener("change", function () {
        form.querySelectorAll("tr.merge-row input[type=radio]").forEach(function (radio) {
          if (radio.name !== "survivor" && !touched.has(radio.name) && radio.value === survivor.value) {
            radio.checked = true;
          }
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    const queue = document.querySelector("body.model-draftevent.change-list #result_list");
    if (queue) queueShortcuts(queue);
    const draft = document.querySelector("body.model-event.change-form form#event_form");
    if (draft && draft.querySelector("input[name=_savenext]")) draftShortcuts(draft);
    const merge = document.getElementById("merge-form");
    if (merge) mergeChoices(merge);
  });
})();
