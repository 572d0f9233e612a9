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

  // The passage of the source that says it, quoted; a link opens the source at that passage (a text fragment).
  function passage(li, b) {
    var p = b && b.passage;
    if (!p) { return; }
    li.appendChild(document.createTextNode(', die zegt: '));
    var citaat = el('q', p.tekst);
    if (p.url) {
      var a = el('a', null, { href: p.url, 'class': 'nl-link' });
      a.appendChild(citaat);
      li.appendChild(a);
    } else {
      li.appendChild(citaat);
    }
    li.appendChild(document.createTextNode(p.gecontroleerdTegenKopie ? ' (gecontroleerd tegen de bewaarde kopie)' : ' (overgenomen van de gepubliceerde pagina)'));
  }

  // One changed item: its title linking to its whole history, from → to, and the source of the new status.
  function overgang(o) {
    var li = el('li');
    li.appendChild(el('a', o.titel, { href: api + '/oplossingsrichtingen/' + encodeURIComponent(o.id) + '/historie', 'class': 'nl-link' }));
    li.appendChild(document.createTextNode(': van ' + label(o.van) + ' naar ' + label(o.naar) + bronTekst(o.bron)));
    passage(li, o.bron);
    // A derived change is said in words, never only by a colour: the source does not state it.
    if (o.zekerheid === 'afgeleid') { li.appendChild(el('strong', ' — afgeleid, niet letterlijk door de bron bevestigd', { 'class': 'afgeleid' })); }
    if (o.zekerheid === 'onbekend') { li.appendChild(el('strong', ' — zekerheid onbekend', { 'class': 'afgeleid' })); }
    return li;
  }

  // Per status a fill and a one-letter mark printed in the bar, so the chart never relies on colour alone.
  var kleuren = { gepland: ['#8fb8de', 'P'], in_uitvoering: ['#f9e11e', 'U'], gerealiseerd: ['#39870c', 'R'], doorlopend: ['#007bc7', 'D'],
    vertraagd: ['#e17000', 'V'], gestopt: ['#d52b1e', 'S'], onbekend: ['#cccccc', '?'] };
  var svgNs = 'http://www.w3.org/2000/svg';

  function svg(naam, attributen, tekst) {
    var e = document.createElementNS(svgNs, naam);
    Object.keys(attributen).forEach(function (k) { e.setAttribute(k, attributen[k]); });
    if (tekst !== undefined) { e.textContent = tekst; }
    return e;
  }

  // A stacked bar per letter (oldest first) of the theme's items per status, and the same numbers as a table.
  function grafiek(themaId, naam, perCyclus) {
    var figuur = el('figure', null, { 'class': 'grafiek' });
    var id = 'grafiek-' + themaId;
    var hoogte = 26 * perCyclus.length + 10;
    var beeld = svg('svg', { viewBox: '0 0 320 ' + hoogte, width: '100%', role: 'img', 'aria-labelledby': id });
    beeld.appendChild(svg('title', { id: id }, 'Voortgang van ' + naam + ' per Kamerbrief; de tabel eronder geeft dezelfde aantallen.'));
    perCyclus.forEach(function (c, rij) {
      var t = c.themas.filter(function (x) { return x.themaId === themaId; })[0];
      var totaal = t ? Object.keys(t.aantalPerStatus).reduce(function (s, k) { return s + t.aantalPerStatus[k]; }, 0) : 0;
      var x = 70;
      var kort = new Date(c.peildatum + 'T00:00:00Z').toLocaleDateString('nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' });
      beeld.appendChild(svg('text', { x: 0, y: rij * 26 + 22, 'font-size': 11 }, kort));
      Object.keys(kleuren).forEach(function (s) {
        var n = t ? t.aantalPerStatus[s] : 0;
        if (!n) { return; }
        var breed = 245 * n / Math.max(totaal, 1);
        beeld.appendChild(svg('rect', { x: x, y: rij * 26 + 8, width: breed, height: 20, fill: kleuren[s][0], stroke: '#fff' }));
        beeld.appendChild(svg('text', { x: x + breed / 2, y: rij * 26 + 22, 'font-size': 11, 'text-anchor': 'middle' }, n + kleuren[s][1]));
        x += breed;
      });
    });
    figuur.appendChild(beeld);
    var tabel = el('table');
    tabel.appendChild(el('caption', 'Aantal per status per Kamerbrief (P gepland, U in uitvoering, R gerealiseerd, D doorlopend, V vertraagd, S gestopt, ? onbekend)'));
    var kop = el('tr');
    kop.appendChild(el('th', 'Kamerbrief', { scope: 'col' }));
    Object.keys(kleuren).forEach(function (s) { kop.appendChild(el('th', kleuren[s][1], { scope: 'col', title: label(s) })); });
    var thead = el('thead');
    thead.appendChild(kop);
    tabel.appendChild(thead);
    var tbody = el('tbody');
    perCyclus.forEach(function (c) {
      var t = c.themas.filter(function (x) { return x.themaId === themaId; })[0];
      var r = el('tr');
      r.appendChild(el('th', datum(c.peildatum), { scope: 'row' }));
      Object.keys(kleuren).forEach(function (s) { r.appendChild(el('td', String(t ? t.aantalPerStatus[s] : 0), { 'class': 'aantal' })); });
      tbody.appendChild(r);
    });
    tabel.appendChild(tbody);
    figuur.appendChild(tabel);
    return figuur;
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
    sectie.appendChild(el('h2', t.naam, { id: kopId, 'class': 'nl-heading nl-heading--level-2' }));
    sectie.appendChild(el('p', t.aantalOplossingsrichtingen + ' oplossingsrichtingen', { 'data-aantal': String(t.aantalOplossingsrichtingen) }));
    var tabel = el('table', null, { 'class': 'utrecht-table' });
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

    if (o.voortgangPerCyclus && o.voortgangPerCyclus.length > 0) {
      sectie.appendChild(grafiek(t.id, t.naam, o.voortgangPerCyclus));
    }

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
      kop.appendChild(brief.url ? el('a', o.laatsteCyclus.titel, { href: brief.url, 'class': 'nl-link' }) : el('span', o.laatsteCyclus.titel));
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
