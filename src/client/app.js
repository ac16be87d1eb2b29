// Progressive enhancement only: every page works without this file.
document.documentElement.classList.add('js-enabled');
document.addEventListener('DOMContentLoaded', () => {
  // Move focus to the error summary so screen-reader users hear the problems first (GOV.UK pattern).
  const summary = document.querySelector('[data-module="error-summary"]');
  if (summary instanceof HTMLElement) summary.focus();
  // Confirm destructive actions marked with data-confirm.
  for (const form of document.querySelectorAll('form[data-confirm]')) {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.getAttribute('data-confirm') || '')) event.preventDefault();
    });
  }
});
