using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Validation;

namespace VoortgangApi.Core.Historie;

/// <summary>The write API's core: status entries and content revisions, checked against the log, then appended.</summary>
public sealed class VoortgangSchrijver(Vastlegging vastlegging, Logboek logboek, SchemaCatalogus schemas, TimeProvider tijd)
{
    private DateOnly Vandaag => tijd.Vandaag();

    /// <summary>Records a status entry for an existing solution direction, at most once per Idempotency-Key.</summary>
    public async Task<Resultaat<StatusUitkomst>> StatusAsync(string id, string body, string? idempotentieSleutel, Vastlegger door, CancellationToken ct)
    {
        if (!Ids.IsOplossingsrichtingId(id))
        {
            return Ids.OngeldigeId("id", "ZD-04");
        }

        // The key before the body: a malformed key is refused whatever the body holds, so it never hides behind body errors.
        if (idempotentieSleutel is not null && (idempotentieSleutel.Length is 0 or > 200 || idempotentieSleutel.Any(c => c is < '!' or > '~')))
        {
            return Probleem.Ongeldig([new("Idempotency-Key", "ongeldigFormaat", "1 tot 200 zichtbare ASCII-tekens, bijvoorbeeld een UUID.")]);
        }

        var gelezen = await Invoer.LeesAsync<StatusInvoer>(schemas, "statusregel-invoer.schema.json", body);
        if (!gelezen.IsGelukt)
        {
            return gelezen.Probleem!;
        }

        var invoer = gelezen.Waarde!.Waarde;
        // The rules need the current state and the item's status the day before the peildatum; a correction also needs
        // the entry it replaces, which only the whole index has (after a start it is still being read).
        var r = await vastlegging.EenmaligAsync(idempotentieSleutel, Vastlegging.Hash("status", id, gelezen.Waarde.Json),
            stand => BeslisStatus(stand, id, invoer, Vandaag), door, ct, invoer.Vervangt is null ? invoer.Peildatum.AddDays(-1) : null);
        return r.IsGelukt ? new StatusUitkomst(r.Waarde!.Regels[0], r.Waarde.Herhaald) : r.Probleem!;
    }

    // The decision, against the log as storage has it: the item exists, the entry keeps the rules; then it is appended.
    private static Resultaat<IReadOnlyList<Statusregel>> BeslisStatus(Logstand stand, string id, StatusInvoer invoer, DateOnly vandaag)
    {
        if (!stand.Huidig(vandaag).Oplossingsrichtingen.Any(o => o.Id == id))
        {
            return Probleem.NietGevonden($"Er is geen oplossingsrichting met id '{id}'.");
        }

        var fouten = Statuseisen.Controleer(invoer, id, stand, vandaag);
        return fouten.Count > 0
            ? Probleem.Ongeldig(fouten)
            : Resultaat<IReadOnlyList<Statusregel>>.Gelukt([new Statusregel("", id, invoer.Status, invoer.Peildatum, invoer.Zekerheid, Statuseisen.Ingevoerd(invoer.Bron), invoer.Toelichting, invoer.Vervangt, default)]);
    }

    public Task<Resultaat<RevisieUitkomst>> OplossingsrichtingAsync(string id, string body, Voorwaarden voorwaarden, Vastlegger door, CancellationToken ct) =>
        ReviseerAsync<OplossingsrichtingInvoer>(Itemsoorten.Oplossingsrichting, id, Ids.IsOplossingsrichtingId(id), "ZD-04", body, voorwaarden, door,
            (i, data, vanaf, fouten) =>
            {
                Verwijzingen.Controleer(i.ThemaId, i.VerantwoordelijkePartijen, i.BetrokkenPartijen, i.Knelpunten ?? [], data, fouten);
                Statuseisen.Bronnen(i.Bronnen, vanaf, "$.bronnen", fouten);
                Statuseisen.Plaatsing(i.Bronnen, vanaf, Vandaag, data.Oplossingsrichtingen.Any(o => o.Id == id), fouten);
                return new OplossingsrichtingInhoud(i.ThemaId, i.Titel, i.Omschrijving, i.VerantwoordelijkePartijen, i.BetrokkenPartijen,
                    i.Knelpunten ?? [], i.Planning, i.BuitenAanpak, [.. i.Bronnen.Select(Statuseisen.Ingevoerd)]);
            }, i => i.GeldigVanaf, ct);

    public Task<Resultaat<RevisieUitkomst>> KnelpuntAsync(string id, string body, Voorwaarden voorwaarden, Vastlegger door, CancellationToken ct) =>
        ReviseerAsync<KnelpuntInvoer>(Itemsoorten.Knelpunt, id, Ids.IsKnelpuntId(id), "P-ZD-1", body, voorwaarden, door,
            (i, data, vanaf, fouten) =>
            {
                Verwijzingen.Controleer(i.ThemaId, [], [], [], data, fouten);
                Statuseisen.Bronnen(i.Bronnen, vanaf, "$.bronnen", fouten);
                Statuseisen.Plaatsing(i.Bronnen, vanaf, Vandaag, data.Knelpunten.Any(k => k.Id == id), fouten);
                return new Knelpunt(id, i.ThemaId, i.Omschrijving, i.Soort, [.. i.Bronnen.Select(Statuseisen.Ingevoerd)]);
            }, i => i.GeldigVanaf, ct);

    public Task<Resultaat<RevisieUitkomst>> PartijAsync(string id, string body, Voorwaarden voorwaarden, Vastlegger door, CancellationToken ct) =>
        ReviseerAsync<PartijInvoer>(Itemsoorten.Partij, id, Ids.IsPartijId(id), "vng", body, voorwaarden, door,
            (i, _, _, _) => new Partij(id, i.Naam, i.Soort, i.Website), i => i.GeldigVanaf, ct);

    /// <summary>A theme of the programme: created or revised like any item (a programme brings its own themes).</summary>
    public Task<Resultaat<RevisieUitkomst>> ThemaAsync(string id, string body, Voorwaarden voorwaarden, Vastlegger door, CancellationToken ct) =>
        ReviseerAsync<ThemaInvoer>(Itemsoorten.Thema, id, Ids.IsThemaId(id), "zorg", body, voorwaarden, door,
            (i, _, _, _) => new Thema(id, i.Naam, i.Omschrijving, i.Volgorde), i => i.GeldigVanaf, ct);

    // One flow for every kind: the precondition, then the body, then against the log the append is made on the
    // precondition again and the references, and one revision; the answer is the item as it now reads, with its ETag.
    private async Task<Resultaat<RevisieUitkomst>> ReviseerAsync<TInvoer>(
        string soort, string id, bool geldigeId, string voorbeeldId, string body, Voorwaarden voorwaarden, Vastlegger door,
        Func<TInvoer, VoortgangData, DateOnly, List<OngeldigeInvoer>, object> inhoud, Func<TInvoer, DateOnly?> geldigVanaf, CancellationToken ct)
    {
        if (!geldigeId)
        {
            return Ids.OngeldigeId("id", voorbeeldId);
        }

        // The precondition before the body (RFC 9110 §13.2.1): an existing item without If-Match is a 428, a stale one a
        // 412, whatever the body says. Checked again against the log the append is made on (another writer may be first).
        var vooraf = Items.Zoek((await logboek.LeesAsync(ct)).Huidig(Vandaag), soort, id);
        if (voorwaarden.Controleer(vooraf is null ? null : Canoniek.ETag(vooraf), "dit item") is { } voorwaarde)
        {
            return voorwaarde;
        }

        var gelezen = await Invoer.LeesAsync<TInvoer>(schemas, $"{soort}-invoer.schema.json", body);
        if (!gelezen.IsGelukt)
        {
            return gelezen.Probleem!;
        }

        if (gelezen.Waarde!.Id is { } gegeven && !string.Equals(gegeven, id, StringComparison.Ordinal))
        {
            return Probleem.Ongeldig([new("$.id", "andereId", $"het id in de body ({Queries.Parameters.Kort(gegeven)}) is niet het id in het pad ({id}).")]);
        }

        var invoer = gelezen.Waarde.Waarde;
        var nieuw = false;
        var geschreven = await vastlegging.SchrijfAsync(stand =>
        {
            var vandaag = Vandaag;
            var data = stand.Huidig(vandaag);
            var bestaand = Items.Zoek(data, soort, id);
            nieuw = bestaand is null;
            if (voorwaarden.Controleer(bestaand is null ? null : Canoniek.ETag(bestaand), "dit item") is { } mislukt)
            {
                return mislukt;
            }

            var fouten = new List<OngeldigeInvoer>();
            var vanaf = geldigVanaf(invoer) ?? vandaag;
            Datums.Controleer(vanaf, vandaag, "$.geldigVanaf", fouten);
            var waarde = inhoud(invoer, data, vanaf, fouten);
            if (fouten.Count > 0)
            {
                return Probleem.Ongeldig(fouten);
            }

            var revisie = new Revisie("", soort, id, vanaf, default, Thema: waarde as Thema,
                Knelpunt: waarde as Knelpunt, Partij: waarde as Partij, Oplossingsrichting: waarde as OplossingsrichtingInhoud);
            return new Toevoeging([Logregel.Nieuw(revisie)], stand, door);
        }, ct, dekt: Vandaag); // the rules of a revision read the current state only
        if (!geschreven.IsGelukt)
        {
            return geschreven.Probleem!;
        }

        // The answer is the item as GET now shows it (a revision dated in the past may be overtaken by a later one).
        var item = Items.Zoek((await logboek.LeesAsync(ct)).Huidig(Vandaag), soort, id)!;
        return new RevisieUitkomst(item, nieuw, Canoniek.ETag(item), $"{Items.Collectie(soort)}/{id}");
    }
}
