// Feed addresses select themselves when focused, ready to copy (no inline handlers: CSP forbids them).
document.querySelectorAll("input[data-select-on-focus]").forEach(function (input) {
  input.addEventListener("focus", function () { input.select(); });
});
