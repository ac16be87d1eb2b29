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
// E-service location fields: "ใช้ตำแหน่งปัจจุบัน" fills the hidden lat/lng inputs; the address
// field beside it is the no-JavaScript (and no-permission) way and stays usable.
document.addEventListener('DOMContentLoaded', () => {
  for (const button of document.querySelectorAll('[data-module="geolocate"]')) {
    if (!('geolocation' in navigator)) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      const name = button.getAttribute('data-field');
      const status = document.getElementById(`${button.id}-status`);
      navigator.geolocation.getCurrentPosition(
        (pos) => {
          const lat = document.querySelector(`input[name="${name}.lat"]`);
          const lng = document.querySelector(`input[name="${name}.lng"]`);
          if (lat && lng) {
            lat.value = pos.coords.latitude.toFixed(6);
            lng.value = pos.coords.longitude.toFixed(6);
          }
          // Words only: the coordinates mean little to a citizen, and a script's numbers would
          // escape the agency's digits (pages are localized on the server).
          if (status) status.textContent = 'บันทึกตำแหน่งปัจจุบันของท่านแล้ว';
        },
        () => {
          if (status) status.textContent = 'ไม่สามารถระบุตำแหน่งได้ กรุณากรอกที่อยู่แทน';
        },
      );
    });
  }
});
// Corruption-report form: a proof of work solved in the background while the reporter types (one
// SHA-256 per step, yielding between steps). When the reporter's address has sent too many reports
// (many phones share one carrier address), the solved work lets this report through anyway. Never
// required: without JavaScript, or before it is solved, the form submits exactly as it would.
document.addEventListener('DOMContentLoaded', () => {
  for (const form of document.querySelectorAll('form[data-module="proof-of-work"]')) {
    const challenge = form.getAttribute('data-pow-challenge') || '';
    const bits = Number(challenge.split('.')[1]);
    if (!bits || !(window.crypto && window.crypto.subtle)) continue;
    const encoder = new TextEncoder();
    const zeroBits = (bytes) => {
      let n = 0;
      for (const b of bytes) {
        if (b !== 0) return n + Math.clz32(b) - 24;
        n += 8;
      }
      return n;
    };
    (async () => {
      for (let nonce = 0; nonce < 1e9; nonce++) {
        const hash = new Uint8Array(await window.crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${nonce}`)));
        if (zeroBits(hash) >= bits) {
          const url = new URL(form.getAttribute('action') || '', window.location.href);
          url.searchParams.set('pow', `${challenge}:${nonce}`);
          form.setAttribute('action', url.pathname + url.search);
          form.setAttribute('data-pow-solved', 'true');
          return;
        }
      }
    })().catch(() => undefined);
  }
});
