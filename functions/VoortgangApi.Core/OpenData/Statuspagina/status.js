// Fetches the summary from the Voortgang API (cross-origin, CORS) and renders it as plain, accessible HTML.
// cache: 'no-cache' makes every load revalidate with If-None-Match, so an unchanged summary costs a 304.
(function () {
  'use strict';
  var labels = {
    gepland: 'Gepland', in_uitvoering: 'In uitvoering', gerealiseerd: 'Gerealiseerd', doorlopend: 'Doorlopend',
    vertraagd: 'Vertraagd', gestopt: 'Gestopt', onbekend: 'Onbekend'
  };
  var api = (document.querySelector('meta[name="voortgang-api"]') || {}).content || '/api/v1';
  if (api.indexOf('{{') === 0) { api = '/api/v1'; }

  function el(naam, tekst, attributen) {
    var e = document.createElement(naam);
    if (tekst !== undefined && tekst !== null) { e.textContent = tekst; }
    Object.keys(attributen || {}).forEach(function (k) { e.setAttribute(k, attributen[k]); });
    return e;
  }

  function label(status) { return labels[status] || status; }

  function thema(t, overgangen, cyclus) {
    var kopId = 'thema-' + t.id;
    var sectie = el('section', null, { 'class': 'thema', 'aria-labelledby': kopId, 'data-thema': t.id });
    sectie.appendChild(el('h2', t.naam, { id: kopId }));
    sectie.appendChild(el('p', t.aantalOplossingsrichtingen + ' oplossingsrichtingen', { 'data-aantal': String(t.aantalOplossingsrichtingen) }));
    var tabel = el('table');
    tabel.appendChild(el('caption', 'Aantal per status'));
    var kop = el('tr');
    kop.appendChild(el('th', 'Status', { scope: 'col' }));
    kop.appendChild(el('th', 'Aantal', { scope: 'col' }));
    var thead = el('thead');
    thead.appendChild(kop);
    tabel.appendChild(thead);
    var tbody = el('tbody');
    Object.keys(t.aantalPerStatus).forEach(function (s) {
      if (t.aantalPerStatus[s] === 0) { return; }
      var rij = el('tr');
      rij.appendChild(el('th', label(s), { scope: 'row' }));
      rij.appendChild(el('td', String(t.aantalPerStatus[s]), { 'class': 'aantal' }));
      tbody.appendChild(rij);
    });
    tabel.appendChild(tbody);
    sectie.appendChild(tabel);

    var eigen = overgangen.filter(function (o) { return o.themaId === t.id; });
    var s = t.sindsLaatsteCyclus;
    var tekst = cyclus
      ? 'Sinds ' + cyclus + ': ' + s.statusovergangen + ' statuswijziging(en), ' + s.toegevoegd + ' nieuw, ' + s.verwijderd + ' vervallen, ' +
        (s.geenNieuweInformatie || 0) + ' zonder nieuwe informatie.'
      : 'Er is nog geen vastgestelde Kamerbrief om mee te vergelijken.';
    sectie.appendChild(el('p', tekst, { 'class': 'verandering' }));
    if (eigen.length > 0) {
      var lijst = el('ul');
      eigen.forEach(function (o) { lijst.appendChild(el('li', o.titel + ': van ' + label(o.van) + ' naar ' + label(o.naar))); });
      sectie.appendChild(lijst);
    }
    return sectie;
  }

  function toon(o) {
    var cyclus = o.laatsteCyclus ? o.laatsteCyclus.titel : null;
    document.getElementById('cyclus').textContent = o.laatsteCyclus
      ? 'Laatste Kamerbrief: ' + o.laatsteCyclus.titel + ' (peildatum ' + o.laatsteCyclus.peildatum + ').'
      : '';
    var themas = document.getElementById('themas');
    themas.textContent = '';
    o.themas.forEach(function (t) { themas.appendChild(thema(t, o.statusovergangen, cyclus)); });
    var links = document.getElementById('opendata').querySelectorAll('a');
    if (o.openData) {
      links[0].href = o.openData.catalogus;
      links[1].href = o.openData.laatste;
      links[2].href = o.openData.feed;
    }
    var z = o.aantalPerZekerheid;
    if (z) {
      document.getElementById('zekerheid').textContent = 'Van de statussen zijn er ' + z.bevestigd + ' bevestigd door hun bron, ' +
        z.afgeleid + ' afgeleid en ' + z.onbekend + ' onbekend.';
    }
    document.getElementById('melding').textContent = 'Stand geladen: ' + o.themas.length + ' thema\'s.';
  }

  fetch(api + '/overzicht', { cache: 'no-cache', headers: { Accept: 'application/json' } })
    .then(function (r) { if (!r.ok) { throw new Error('status ' + r.status); } return r.json(); })
    .then(toon)
    .catch(function () {
      document.getElementById('melding').textContent = 'De gegevens konden niet worden geladen. Probeer het later opnieuw.';
    });
}());
