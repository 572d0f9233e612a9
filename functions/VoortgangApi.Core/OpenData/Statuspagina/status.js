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

  // "18 november 2024": dates as a Dutch reader writes them (the ISO date stays in the datetime attribute).
  function datum(iso) {
    var d = new Date(iso + 'T00:00:00Z');
    return isNaN(d) ? iso : d.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  }

  function tijd(iso) { return el('time', datum(iso), { datetime: iso }); }

  function bronTekst(b) {
    if (!b) { return ''; }
    return ' (bron: ' + b.titel + (b.soort ? ', ' + b.soort : '') + (b.datum ? ', ' + datum(b.datum) : '') + ')';
  }

  // One changed item: its title linking to its whole history, from → to, and the source of the new status.
  function overgang(o) {
    var li = el('li');
    li.appendChild(el('a', o.titel, { href: api + '/oplossingsrichtingen/' + encodeURIComponent(o.id) + '/historie' }));
    li.appendChild(document.createTextNode(': van ' + label(o.van) + ' naar ' + label(o.naar) + bronTekst(o.bron)));
    return li;
  }

  function lijstVan(titel, items, maak) {
    var wrapper = document.createDocumentFragment();
    if (items.length === 0) { return wrapper; }
    wrapper.appendChild(el('p', titel, { 'class': 'verandering' }));
    var ul = el('ul');
    items.forEach(function (i) { ul.appendChild(maak(i)); });
    wrapper.appendChild(ul);
    return wrapper;
  }

  function thema(t, overgangen, cyclus, o) {
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

    var tussen = o.tussenLaatsteTweeCycli;
    if (tussen && o.vorigeCyclus) {
      var vanThema = function (x) { return x.themaId === t.id; };
      sectie.appendChild(lijstVan('Tussen de Kamerbrieven van ' + datum(o.vorigeCyclus.peildatum) + ' en ' + datum(o.laatsteCyclus.peildatum) + ':',
        tussen.statusovergangen.filter(vanThema), overgang));
      sectie.appendChild(lijstVan('Nieuw in de laatste Kamerbrief:', tussen.toegevoegd.filter(vanThema), function (x) {
        return el('li', x.titel + ' (' + label(x.status) + ')');
      }));
      var stil = tussen.geenNieuweInformatie.filter(vanThema).length;
      if (stil > 0) { sectie.appendChild(el('p', stil + ' zonder nieuwe informatie in de laatste Kamerbrief (de laatst bekende status blijft staan).')); }
    }

    var eigen = overgangen.filter(function (x) { return x.themaId === t.id; });
    var s = t.sindsLaatsteCyclus;
    var tekst = cyclus
      ? 'Sinds ' + cyclus + ': ' + s.statusovergangen + ' statuswijziging(en), ' + s.toegevoegd + ' nieuw, ' + s.verwijderd + ' vervallen, ' +
        (s.geenNieuweInformatie || 0) + ' zonder nieuwe informatie.'
      : 'Er is nog geen vastgestelde Kamerbrief om mee te vergelijken.';
    sectie.appendChild(el('p', tekst, { 'class': 'verandering' }));
    if (eigen.length > 0) {
      var lijst = el('ul');
      eigen.forEach(function (x) { lijst.appendChild(overgang(x)); });
      sectie.appendChild(lijst);
    }
    return sectie;
  }

  function toon(o) {
    var cyclus = o.laatsteCyclus ? o.laatsteCyclus.titel : null;
    var kop = document.getElementById('cyclus');
    kop.textContent = '';
    if (o.laatsteCyclus) {
      var brief = o.laatsteCyclus.kamerbrief || {};
      kop.appendChild(document.createTextNode('Laatste Kamerbrief: '));
      kop.appendChild(brief.url ? el('a', o.laatsteCyclus.titel, { href: brief.url }) : el('span', o.laatsteCyclus.titel));
      kop.appendChild(document.createTextNode(' (' + (brief.kamerstuk ? 'Kamerstuk ' + brief.kamerstuk + ', ' : '') + 'peildatum '));
      kop.appendChild(tijd(o.laatsteCyclus.peildatum));
      kop.appendChild(document.createTextNode(').'));
    }

    var themas = document.getElementById('themas');
    themas.textContent = '';
    o.themas.forEach(function (t) { themas.appendChild(thema(t, o.statusovergangen, cyclus, o)); });
    if (o.themaOverstijgend && o.themaOverstijgend.length > 0) {
      var sectie = el('section', null, { 'class': 'thema', 'aria-labelledby': 'thema-overstijgend' });
      sectie.appendChild(el('h2', 'De hele Aanpak', { id: 'thema-overstijgend' }));
      sectie.appendChild(lijstVan('Bij geen van de vijf thema\'s:', o.themaOverstijgend, function (x) {
        var li = el('li');
        li.appendChild(el('a', x.titel, { href: api + '/oplossingsrichtingen/' + encodeURIComponent(x.id) + '/historie' }));
        li.appendChild(document.createTextNode(': ' + label(x.status)));
        return li;
      }));
      themas.appendChild(sectie);
    }
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
