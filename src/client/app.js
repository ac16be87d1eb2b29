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
          if (status) status.textContent = `บันทึกพิกัด ${pos.coords.latitude.toFixed(5)}, ${pos.coords.longitude.toFixed(5)} แล้ว`;
        },
        () => {
          if (status) status.textContent = 'ไม่สามารถระบุตำแหน่งได้ กรุณากรอกที่อยู่แทน';
        },
      );
    });
  }
});
