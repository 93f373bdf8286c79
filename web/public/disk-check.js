// Opened from disk (file://), the browser refuses the page's module script and
// stylesheet, so nothing would start and an unstyled page would show. This
// plain script still runs there: it shows why and what to do instead, styled
// through the CSSOM since no stylesheet loads.
if (location.protocol === 'file:') {
  document.addEventListener('DOMContentLoaded', function () {
    var message = document.getElementById('disk-message');
    if (!message) return;
    Array.prototype.forEach.call(document.body.children, function (el) {
      if (el !== message) el.style.display = 'none';
    });
    message.hidden = false;
    message.style.cssText = 'max-width:620px;margin:12vh auto;padding:0 24px;font:16px/1.6 system-ui,sans-serif;';
    document.documentElement.dataset.fromDisk = 'true';
  });
}
