// The beheer page: sign in with OpenID Connect (code + PKCE, oidc-client-ts), then call the API with the access token.
// The API decides what is allowed; the page only shows, from the token's roles, what the official can and cannot do.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var meta = function (naam) { return document.querySelector('meta[name="' + naam + '"]').content; };
  var api = new URL('.', location.href).href; // the page is /api/v1/beheer, the API /api/v1/…
  var XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  var terug = location.origin + location.pathname;
  var beheer = new oidc.UserManager({
    authority: meta('voortgang-authority'), client_id: meta('voortgang-client-id'), redirect_uri: terug, post_logout_redirect_uri: terug,
    response_type: 'code', scope: 'openid profile ' + meta('voortgang-scope'), loadUserInfo: false,
    userStore: new oidc.WebStorageStateStore({ store: window.sessionStorage })
  });
  var gebruiker = null;
  var rollen = [];
  // The programme the official works in: every resource call goes to /programmas/{programmaId}/…; kept for the session.
  var programma = window.sessionStorage.getItem('voortgang-programma');
  var proefBestand = null;

  function melding(tekst, fout) {
    var m = $('melding');
    m.textContent = tekst;
    m.classList.toggle('fout', !!fout);
  }

  function maak(tag, tekst, klasse) {
    var e = document.createElement(tag);
    if (tekst !== undefined && tekst !== null) { e.textContent = tekst; }
    if (klasse) { e.className = klasse; }
    return e;
  }

  function rij(cellen, kop) {
    var tr = maak('tr', null, 'utrecht-table__row');
    cellen.forEach(function (c, i) {
      var td = maak(kop && i === 0 ? 'th' : 'td', null, kop && i === 0 ? 'utrecht-table__header-cell' : 'utrecht-table__cell');
      if (kop && i === 0) { td.scope = 'row'; }
      if (c instanceof Node) { td.appendChild(c); } else { td.textContent = c === undefined || c === null ? '' : String(c); }
      tr.appendChild(td);
    });
    return tr;
  }

  function tabel(caption, koppen, rijen) {
    var houder = maak('div', null, 'utrecht-table-container');
    var t = maak('table', null, 'utrecht-table utrecht-table--html-table');
    t.appendChild(maak('caption', caption, 'utrecht-table__caption'));
    var kop = maak('thead', null, 'utrecht-table__header');
    var tr = maak('tr', null, 'utrecht-table__row');
    koppen.forEach(function (k) { var th = maak('th', k, 'utrecht-table__header-cell'); th.scope = 'col'; tr.appendChild(th); });
    kop.appendChild(tr);
    t.appendChild(kop);
    var body = maak('tbody', null, 'utrecht-table__body');
    rijen.forEach(function (r) { body.appendChild(r); });
    t.appendChild(body);
    houder.appendChild(t);
    return houder;
  }

  async function roep(methode, pad, opties) {
    opties = opties || {};
    if (!opties.wortel && programma) { pad = 'programmas/' + encodeURIComponent(programma) + '/' + pad; }
    var headers = Object.assign({ Accept: 'application/json' }, opties.headers || {});
    if (gebruiker) { headers.Authorization = 'Bearer ' + gebruiker.access_token; }
    var body;
    if (opties.bestand) { headers['Content-Type'] = XLSX; body = opties.bestand; }
    else if (opties.json !== undefined) { headers['Content-Type'] = 'application/json'; body = JSON.stringify(opties.json); }
    // no-cache: public reads may be cached for minutes; an official who just recorded something must see it (revalidated by ETag).
    var antwoord = await fetch(api + pad, { method: methode, headers: headers, body: body, cache: 'no-cache' });
    if (antwoord.status === 401 && gebruiker) {
      await beheer.removeUser();
      gebruiker = null;
      toon();
      melding('Uw aanmelding is verlopen. Meld u opnieuw aan.', true);
    }
    return antwoord;
  }

  async function inhoud(antwoord) {
    try { return await antwoord.json(); } catch (e) { return null; }
  }

  function probleem(p, antwoord) {
    if (!p) { return 'De API antwoordde ' + antwoord.status + '.'; }
    return (p.title || 'Fout') + ' (' + p.status + '): ' + (p.detail || '');
  }

  function rollenUitToken(token) {
    try {
      var deel = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      var claims = JSON.parse(decodeURIComponent(escape(atob(deel + '==='.slice((deel.length + 3) % 4)))));
      // One role may come as a string (a JWT library writes a single-valued claim so); Entra ID writes an array.
      return Array.isArray(claims.roles) ? claims.roles : typeof claims.roles === 'string' ? [claims.roles] : [];
    } catch (e) { return []; }
  }

  function toon() {
    var aan = !!gebruiker;
    $('aanmelden').hidden = aan;
    $('afmelden').hidden = !aan;
    ['sectie-programma', 'sectie-items', 'sectie-status', 'sectie-invulblad', 'sectie-cycli'].forEach(function (s) { $(s).hidden = !aan; });
    rollen = aan ? rollenUitToken(gebruiker.access_token) : [];
    $('wie').textContent = aan
      ? 'Aangemeld als ' + ((gebruiker.profile && gebruiker.profile.name) || 'onbekende gebruiker') + '.'
      : 'U bent niet aangemeld. Meld u aan met uw account van het ministerie.';
    var uitleg = $('rollen-uitleg');
    uitleg.hidden = !aan;
    uitleg.textContent = rollen.length > 0
      ? 'Uw rollen: ' + rollen.join(', ') + '. Voortgang.Vastleggen: statussen vastleggen en het invulblad; Cycli.Beheren: cycli plannen, vaststellen en publiceren; Programmas.Beheren: programma\'s aanmaken en hun ambtenaren aanwijzen.'
      : 'U bent aangemeld zonder rol: u kunt de stand bekijken, maar niets vastleggen, plannen of vaststellen. Vraag de functioneel beheerder om de rol Voortgang.Vastleggen of Cycli.Beheren.';
    document.querySelectorAll('[data-rol]').forEach(function (e) {
      var heeft = rollen.indexOf(e.getAttribute('data-rol')) >= 0;
      if (e.classList.contains('geen-rol')) { e.hidden = heeft; } else { e.disabled = !heeft; }
    });
    $('toepassen').disabled = true;
    if (aan) { laadProgrammas().then(function () { laadItems(); laadCycli(); }); }
  }

  async function laadProgrammas() {
    var antwoord = await roep('GET', 'programmas?pageSize=100', { wortel: true });
    var data = await inhoud(antwoord);
    if (!antwoord.ok || !data) { melding('De programma\'s konden niet worden geladen: ' + probleem(data, antwoord), true); return; }
    var keuze = $('programma');
    keuze.replaceChildren();
    data.programmas.forEach(function (p) {
      var optie = maak('option', p.titel);
      optie.value = p.id;
      keuze.appendChild(optie);
    });
    if (!programma || !data.programmas.some(function (p) { return p.id === programma; })) { programma = data.programmas.length ? data.programmas[0].id : null; }
    keuze.value = programma;
  }

  function kiesProgramma() {
    programma = $('programma').value;
    window.sessionStorage.setItem('voortgang-programma', programma);
    $('verslag').replaceChildren();
    proefBestand = null;
    $('toepassen').disabled = true;
    melding('U werkt nu in ' + $('programma').selectedOptions[0].textContent + '.');
    laadItems();
    laadCycli();
  }

  async function maakProgramma(ev) {
    ev.preventDefault();
    var f = ev.target.elements;
    var waarde = function (naam) { var v = f.namedItem(naam).value.trim(); return v === '' ? undefined : v; };
    var id = waarde('programmaId') || '';
    var ministerie = waarde('$.ministeries');
    var antwoord = await roep('PUT', 'programmas/' + encodeURIComponent(id), {
      wortel: true, headers: { 'If-None-Match': '*' },
      json: { titel: waarde('$.titel'), omschrijving: waarde('$.omschrijving'), ministeries: ministerie ? [ministerie] : [] }
    });
    var data = await inhoud(antwoord);
    if (antwoord.status === 201) {
      veldfouten(ev.target, []);
      ev.target.reset();
      programma = data.id;
      await laadProgrammas();
      kiesProgramma();
      melding('Programma ' + data.titel + ' aangemaakt. Wijs nu de ambtenaren aan (PUT …/toegang) en geef het zijn thema\'s.');
      return;
    }

    var rest = veldfouten(ev.target, data && data.invalidParams);
    melding('Niet aangemaakt. ' + probleem(data, antwoord) + (rest.length ? ' ' + rest.join(' ') : ''), true);
  }

  async function laadItems() {
    var antwoord = await roep('GET', 'oplossingsrichtingen?pageSize=100');
    var data = await inhoud(antwoord);
    if (!antwoord.ok || !data) { melding('De oplossingsrichtingen konden niet worden geladen: ' + probleem(data, antwoord), true); return; }
    var body = $('items').tBodies[0];
    var keuze = $('veld-id');
    var gekozen = keuze.value;
    body.replaceChildren();
    keuze.replaceChildren();
    data.oplossingsrichtingen.forEach(function (o) {
      body.appendChild(rij([o.id, o.titel, o.status.status, o.status.peildatum, o.status.zekerheid], true));
      var optie = maak('option', o.id + ' — ' + o.titel);
      optie.value = o.id;
      keuze.appendChild(optie);
    });
    if (gekozen) { keuze.value = gekozen; }
  }

  // A 400's invalidParams name JSON paths ($.peildatum); each field carries its path as name, so the message goes beside it.
  function veldfouten(formulier, fouten) {
    formulier.querySelectorAll('.veldfout').forEach(function (e) { e.remove(); });
    formulier.querySelectorAll('[aria-invalid]').forEach(function (e) { e.removeAttribute('aria-invalid'); e.removeAttribute('aria-describedby'); });
    var eerste = null;
    var rest = [];
    (fouten || []).forEach(function (f, i) {
      var veld = Array.prototype.find.call(formulier.elements, function (e) { return e.name === f.name; })
        || (f.name.indexOf('$.bron') === 0 ? formulier.elements.namedItem('$.bron.titel') : null);
      if (!veld) { rest.push(f.name + ': ' + f.reason); return; }
      var id = 'fout-' + formulier.getAttribute('id') + '-' + i;
      var p = maak('p', f.reason, 'veldfout');
      p.id = id;
      veld.insertAdjacentElement('afterend', p);
      veld.setAttribute('aria-invalid', 'true');
      veld.setAttribute('aria-describedby', ((veld.getAttribute('aria-describedby') || '') + ' ' + id).trim());
      eerste = eerste || veld;
    });
    if (eerste) { eerste.focus(); }
    return rest;
  }

  async function legStatusVast(ev) {
    ev.preventDefault();
    var f = ev.target.elements;
    var waarde = function (naam) { var v = f.namedItem(naam).value.trim(); return v === '' ? undefined : v; };
    var body = {
      status: waarde('$.status'), peildatum: waarde('$.peildatum'), zekerheid: waarde('$.zekerheid'), toelichting: waarde('$.toelichting'),
      bron: {
        titel: waarde('$.bron.titel'), soort: waarde('$.bron.soort'), datum: waarde('$.bron.datum'), url: waarde('$.bron.url'), kamerstuk: waarde('$.bron.kamerstuk'),
        bekendVanaf: waarde('$.bron.bekendVanaf'), tijdsbepaling: waarde('$.bron.tijdsbepaling')
      }
    };
    // The passage that says it, when given: the API links it into the source and marks it as not checked against a copy.
    if (waarde('$.bron.passage.tekst')) { body.bron.passage = { tekst: waarde('$.bron.passage.tekst') }; }
    var id = f.namedItem('oplossingsrichting').value;
    var antwoord = await roep('POST', 'oplossingsrichtingen/' + encodeURIComponent(id) + '/statussen',
      { json: body, headers: { 'Idempotency-Key': crypto.randomUUID() } });
    var data = await inhoud(antwoord);
    if (antwoord.status === 201) {
      veldfouten(ev.target, []);
      melding('Vastgelegd: ' + id + ' is nu ' + data.status + ' vanaf ' + data.peildatum + ' (' + data.id + ').');
      ev.target.reset();
      f.namedItem('oplossingsrichting').value = id;
      laadItems();
      return;
    }

    var rest = veldfouten(ev.target, data && data.invalidParams);
    melding('Niet vastgelegd. ' + probleem(data, antwoord) + (rest.length ? ' ' + rest.join(' ') : ''), true);
  }

  async function download() {
    var antwoord = await roep('GET', 'invulblad', { headers: { Accept: XLSX } });
    if (!antwoord.ok) { melding('Downloaden mislukt: ' + probleem(await inhoud(antwoord), antwoord), true); return; }
    var naam = /filename="([^"]+)"/.exec(antwoord.headers.get('Content-Disposition') || '');
    var a = maak('a');
    a.href = URL.createObjectURL(await antwoord.blob());
    a.download = naam ? naam[1] : 'invulblad.xlsx';
    document.body.appendChild(a);
    a.click();
    a.remove();
    melding('Het invulblad is gedownload. Vul de gele kolommen in en upload het als proef.');
  }

  function toonVerslag(v) {
    var plek = $('verslag');
    plek.replaceChildren();
    var kop = maak('h3', v.proef ? 'Proef: wat er vastgelegd zou worden' : 'Toegepast', 'nl-heading nl-heading--level-3');
    kop.id = 'kop-verslag';
    kop.tabIndex = -1;
    plek.appendChild(kop);
    plek.appendChild(maak('p', (v.proef ? 'Er is niets vastgelegd. ' : '') + v.vastleggen + (v.proef ? ' rij(en) worden vastgelegd, ' : ' rij(en) vastgelegd, ') +
      v.ongewijzigd + ' ongewijzigd, ' + v.fouten + ' met een fout.' + (v.herhaald ? ' Dit blad was al toegepast: er is niets nieuws vastgelegd.' : ''), 'nl-paragraph'));
    var rijen = v.rijen.map(function (r) {
      var fouten = maak('ul');
      r.fouten.forEach(function (f) { fouten.appendChild(maak('li', 'Rij ' + f.rij + ', kolom ' + f.kolom + ' (' + f.kolomnaam + '): ' + f.reden)); });
      var status = r.status ? r.status.status + ' vanaf ' + r.status.peildatum + ' (' + r.status.zekerheid + ')' : '';
      return rij([String(r.rij), r.id, maak('span', r.uitkomst + (r.statusregelId ? ' (' + r.statusregelId + ')' : ''), 'uitkomst-' + r.uitkomst), status,
        r.fouten.length ? fouten : r.reden], true);
    });
    plek.appendChild(tabel('Per rij van het invulblad', ['Rij', 'Id', 'Uitkomst', 'Nieuwe status', 'Fouten of reden'], rijen));
    kop.focus();
  }

  function toonBestandsfout(p, antwoord) {
    var plek = $('verslag');
    plek.replaceChildren();
    var kop = maak('h3', 'Het blad is niet verwerkt', 'nl-heading nl-heading--level-3');
    kop.tabIndex = -1;
    plek.appendChild(kop);
    plek.appendChild(maak('p', probleem(p, antwoord), 'nl-paragraph'));
    var lijst = maak('ul');
    ((p && p.invalidParams) || []).forEach(function (f) { lijst.appendChild(maak('li', f.name + ': ' + f.reason)); });
    plek.appendChild(lijst);
    kop.focus();
  }

  async function upload(proef) {
    var bestand = proef ? $('bestand').files[0] : proefBestand;
    if (!bestand) { melding('Kies eerst het ingevulde invulblad.', true); $('bestand').focus(); return; }
    $('toepassen').disabled = true;
    var antwoord = await roep('POST', 'invulblad' + (proef ? '?proef=true' : ''), { bestand: bestand });
    var data = await inhoud(antwoord);
    if (!antwoord.ok) {
      melding((proef ? 'De proef is niet gelukt. ' : 'Niet toegepast; er is niets vastgelegd. ') + probleem(data, antwoord), true);
      toonBestandsfout(data, antwoord);
      return;
    }

    toonVerslag(data);
    if (proef) {
      proefBestand = data.geldig && data.vastleggen > 0 ? bestand : null;
      $('toepassen').disabled = !proefBestand || rollen.indexOf('Voortgang.Vastleggen') < 0;
      melding(data.geldig ? 'Proef zonder fouten: ' + data.vastleggen + ' rij(en) klaar om toe te passen.' : 'De proef vond ' + data.fouten + ' rij(en) met een fout; verbeter ze in Excel en upload opnieuw.', !data.geldig);
    } else {
      proefBestand = null;
      melding(data.herhaald ? 'Dit blad was al toegepast: er is niets nieuws vastgelegd.' : data.vastleggen + ' status(sen) vastgelegd.');
      laadItems();
    }
  }

  async function laadCycli() {
    var antwoord = await roep('GET', 'rapportagecycli');
    var data = await inhoud(antwoord);
    if (!antwoord.ok || !data) { melding('De cycli konden niet worden geladen: ' + probleem(data, antwoord), true); return; }
    var body = $('cycli').tBodies[0];
    body.replaceChildren();
    var beheren = rollen.indexOf('Cycli.Beheren') >= 0;
    data.rapportagecycli.forEach(function (c) {
      var acties = maak('div', null, 'utrecht-button-group');
      var knop = function (tekst, doe) {
        var b = maak('button', tekst, 'utrecht-button utrecht-button--secondary-action');
        b.type = 'button';
        b.setAttribute('aria-label', tekst + ': ' + c.id);
        b.disabled = !beheren;
        b.addEventListener('click', doe);
        acties.appendChild(b);
      };
      if (c.toestand === 'gepland') {
        knop('Concept bekijken', function () { concept(c); });
        knop('Vaststellen', function () { vraagVaststellen(c); });
      } else if (c.toestand === 'vastgesteld') {
        knop('Publiceren', function () { publiceer(c); });
      }
      body.appendChild(rij([c.titel + ' (' + c.id + ')', c.peildatum, c.toestand, acties], true));
    });
  }

  async function plan(ev) {
    ev.preventDefault();
    var f = ev.target.elements;
    var id = f.namedItem('cyclusId').value.trim();
    var body = { titel: f.namedItem('$.titel').value.trim(), peildatum: f.namedItem('$.peildatum').value, kamerbrief: { datum: f.namedItem('$.kamerbrief.datum').value } };
    var antwoord = await roep('PUT', 'rapportagecycli/' + encodeURIComponent(id || '-'), { json: body, headers: { 'If-None-Match': '*' } });
    var data = await inhoud(antwoord);
    if (antwoord.status === 201) {
      veldfouten(ev.target, []);
      melding('Gepland: ' + data.titel + ' (' + data.id + '), peildatum ' + data.peildatum + '.');
      ev.target.reset();
      laadCycli();
      return;
    }

    var rest = veldfouten(ev.target, data && data.invalidParams);
    melding('Niet gepland. ' + probleem(data, antwoord) + (rest.length ? ' ' + rest.join(' ') : ''), true);
  }

  function overgang(w) { return typeof w === 'string' ? w : (w && w.status) || ''; }

  async function concept(c) {
    var antwoord = await roep('GET', 'rapportagecycli/' + encodeURIComponent(c.id) + '/concept');
    var data = await inhoud(antwoord);
    var plek = $('concept');
    plek.replaceChildren();
    if (!antwoord.ok) { melding('Het concept kon niet worden gemaakt: ' + probleem(data, antwoord), true); return; }
    var kop = maak('h3', 'Concept van ' + c.titel, 'nl-heading nl-heading--level-3');
    kop.id = 'kop-concept';
    kop.tabIndex = -1;
    plek.appendChild(kop);
    var v = data.verschillen;
    plek.appendChild(maak('p', 'Zo zou de momentopname eruitzien als ze nu werd genomen (peildatum ' + data.peildatum + ', bekend tot ' + data.bekendTot + '). ' +
      (v ? 'Ten opzichte van ' + v.tenOpzichteVan + ': ' + v.statusovergangen.length + ' statuswijziging(en), ' + v.toegevoegd.length + ' nieuw, ' + v.gewijzigd.length + ' met gewijzigde tekst.' : 'Er is nog geen eerdere vastgestelde brief.'), 'nl-paragraph'));
    if (v) {
      var rijen = v.statusovergangen.map(function (o) { return rij([o.id, o.titel, overgang(o.van), overgang(o.naar)], true); })
        .concat(v.toegevoegd.map(function (o) { return rij([o.id, o.titel, '(nieuw)', o.status ? overgang(o.status) : ''], true); }));
      plek.appendChild(tabel('Veranderingen ten opzichte van ' + v.tenOpzichteVan, ['Id', 'Titel', 'Was', 'Wordt'], rijen));
    }
    kop.focus();
  }

  var teBevestigen = null;

  function vraagVaststellen(c) {
    teBevestigen = c;
    $('bevestig-tekst').textContent = 'U stelt ' + c.titel + ' (' + c.id + ', peildatum ' + c.peildatum + ') vast. De momentopname ligt daarna voor altijd vast: ' +
      'ze kan niet worden gewijzigd, herhaald of ingetrokken. Bekijk eerst het concept als u dat nog niet deed.';
    $('bevestig').showModal();
    $('bevestig-nee').focus();
  }

  async function stelVast() {
    var c = teBevestigen;
    $('bevestig').close();
    var antwoord = await roep('POST', 'rapportagecycli/' + encodeURIComponent(c.id) + '/momentopname');
    var data = await inhoud(antwoord);
    if (antwoord.ok) {
      melding('Vastgesteld: ' + c.titel + ' (inhoudHash ' + data.momentopname.inhoudHash.slice(0, 12) + '…). Publiceer de open data als de brief verstuurd is.');
      $('concept').replaceChildren();
      laadCycli();
    } else {
      melding('Niet vastgesteld. ' + probleem(data, antwoord), true);
    }
  }

  async function publiceer(c) {
    var antwoord = await roep('POST', 'rapportagecycli/' + encodeURIComponent(c.id) + '/publicatie');
    var data = await inhoud(antwoord);
    melding(antwoord.ok ? 'Gepubliceerd: ' + data.bestanden.length + ' bestanden in ' + data.map + ' (' + data.nieuw + ' nieuw).' : 'Niet gepubliceerd. ' + probleem(data, antwoord), !antwoord.ok);
  }

  async function start() {
    $('aanmelden').addEventListener('click', function () { beheer.signinRedirect(); });
    $('afmelden').addEventListener('click', async function () { await beheer.removeUser(); gebruiker = null; toon(); melding('U bent afgemeld.'); });
    $('statusformulier').addEventListener('submit', legStatusVast);
    $('programma').addEventListener('change', kiesProgramma);
    $('programmaformulier').addEventListener('submit', maakProgramma);
    $('planformulier').addEventListener('submit', plan);
    $('download').addEventListener('click', download);
    $('proef').addEventListener('click', function () { upload(true); });
    $('toepassen').addEventListener('click', function () { upload(false); });
    $('bestand').addEventListener('change', function () { proefBestand = null; $('toepassen').disabled = true; });
    $('bevestig-nee').addEventListener('click', function () { $('bevestig').close(); });
    $('bevestig-ja').addEventListener('click', stelVast);
    var query = new URLSearchParams(location.search);
    try {
      if (query.has('code') || query.has('error')) {
        gebruiker = await beheer.signinRedirectCallback();
        history.replaceState(null, '', location.pathname);
      } else {
        gebruiker = await beheer.getUser();
      }
    } catch (e) {
      history.replaceState(null, '', location.pathname);
      melding('Aanmelden is niet gelukt: ' + e.message, true);
    }
    if (gebruiker && gebruiker.expired) { gebruiker = null; }
    toon();
  }

  start();
}());
