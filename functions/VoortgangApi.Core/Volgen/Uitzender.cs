using System.Text.Json;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.OpenData;

namespace VoortgangApi.Core.Volgen;

/// <summary>
/// Turns a programme's committed lines into delivery messages: the log itself is the outbox. A stored cursor says up to
/// which line (and which letter) the deliveries are queued; a round queues everything after it for every subscription
/// that wants it and then moves the cursor. A crash between the two queues a line again on the next round — with the
/// same <c>webhook-id</c>, so a receiver can drop the repeat — and never loses one. Rounds run after every commit of this
/// instance (the post-commit signal) and on an interval (commits of other instances).
/// </summary>
public sealed class Uitzender(string programmaId, Logboek logboek, ICyclusStore cycli, IAbonnementStore store, IAfleverwachtrij wachtrij,
    OpenDataInstellingen openData, TimeProvider tijd)
{
    /// <summary>At most this many lines per round, so one round stays short; the next round goes on where it stopped.</summary>
    public const int PerRonde = 500;

    /// <summary>One round; the number of messages queued.</summary>
    public async Task<int> RondeAsync(CancellationToken ct)
    {
        var abonnementen = (await store.LijstAsync(programmaId, ct)).Where(a => a.Toestand == Abonnementstoestanden.Actief).ToList();
        if (abonnementen.Count == 0)
        {
            return 0; // nobody to deliver to: the log is not read (a new subscription starts at its own position)
        }

        var cursor = await store.CursorAsync(programmaId, ct);
        var brieven = (await cycli.LijstAsync(ct)).Where(c => c.Cyclus.Momentopname is not null).Select(c => c.Cyclus).ToList();
        if (cursor is null)
        {
            // Never queue the history from before the first subscription: start where the earliest active one starts.
            var vanaf = abonnementen.Min(a => a.VanafVolgnummer);
            var laatsteBrief = brieven.Select(b => b.Momentopname!.GenomenOp).Where(g => g < abonnementen.Min(a => a.AangemaaktOp))
                .DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
            cursor = new Uitzendcursor(vanaf, laatsteBrief);
            if (!await store.ZetCursorAsync(programmaId, cursor, ct))
            {
                return 0; // another instance made it first; its round or the next one goes on
            }

            cursor = await store.CursorAsync(programmaId, ct) ?? cursor;
        }

        // The log as stored now (another instance's commit included), then its page after the cursor: after a start on a
        // checkpoint's head that page comes from the segments it falls in and the lines after the checkpoint, so a round
        // does not make the whole index be read.
        var (log, regels) = await logboek.VersRegelsNaAsync(cursor.Volgnummer, PerRonde, ct);
        var gezet = 0;
        var tot = regels.Count > 0 ? regels[^1].Volgnummer : cursor.Volgnummer;
        if (regels.Count > 0)
        {
            var huidig = log.Huidig(tijd.Vandaag());
            var themaVan = huidig.Oplossingsrichtingen.ToDictionary(o => o.Id, o => o.ThemaId, StringComparer.Ordinal);
            foreach (var regel in regels)
            {
                var n = regel.Volgnummer;
                var (soort, thema, item, gebeurtenis) = Gebeurtenis(regel, themaVan);
                foreach (var a in abonnementen.Where(a => n > a.VanafVolgnummer && a.Wil(soort, thema, item)))
                {
                    await wachtrij.ZetAsync(Maak(a, "regel/" + n, soort, regel.VastgelegdOp, gebeurtenis), TimeSpan.Zero, ct);
                    gezet++;
                }
            }
        }

        var nieuweBrieven = brieven.Where(b => b.Momentopname!.GenomenOp > cursor.LaatsteBrief).OrderBy(b => b.Momentopname!.GenomenOp).ToList();
        foreach (var brief in nieuweBrieven)
        {
            var data = new Dictionary<string, object?>
            {
                ["programma"] = programmaId, ["cyclus"] = brief.Id, ["titel"] = brief.Titel, ["peildatum"] = brief.Peildatum,
                ["url"] = $"{openData.ProgrammaApiUrl}/rapportagecycli/{brief.Id}",
            };
            foreach (var a in abonnementen.Where(a => a.AangemaaktOp < brief.Momentopname!.GenomenOp && a.Wil(Webhooksoorten.Kamerbrief, null, null)))
            {
                await wachtrij.ZetAsync(Maak(a, "cyclus/" + brief.Id, Webhooksoorten.Kamerbrief, brief.Momentopname!.GenomenOp, data), TimeSpan.Zero, ct);
                gezet++;
            }
        }

        var volgende = new Uitzendcursor(Math.Max(tot, cursor.Volgnummer),
            nieuweBrieven.Count == 0 ? cursor.LaatsteBrief : nieuweBrieven[^1].Momentopname!.GenomenOp, cursor.ETag);
        if (volgende.Volgnummer != cursor.Volgnummer || volgende.LaatsteBrief != cursor.LaatsteBrief)
        {
            await store.ZetCursorAsync(programmaId, volgende, ct);
        }

        return gezet;
    }

    private Aflevering Maak(Abonnement a, string sleutel, string soort, DateTimeOffset op, Dictionary<string, object?> data)
    {
        // Standard Webhooks' payload: type, timestamp, data — thin: ids and where to read the rest.
        var body = JsonSerializer.Serialize(new Dictionary<string, object?> { ["type"] = soort, ["timestamp"] = op, ["data"] = data }, VoortgangJson.Options);
        return new Aflevering(programmaId, a.Id, Aflevering.MaakId(programmaId, sleutel, a.Id), body, 1, tijd.GetUtcNow());
    }

    private (string Soort, string? Thema, string Item, Dictionary<string, object?> Data) Gebeurtenis(Logregel regel, Dictionary<string, string?> themaVan)
    {
        var basis = openData.ProgrammaApiUrl;
        var data = new Dictionary<string, object?> { ["programma"] = programmaId, ["volgnummer"] = regel.Volgnummer, ["regel"] = regel.Id };
        if (regel.Status is { } s)
        {
            var thema = themaVan.GetValueOrDefault(s.OplossingsrichtingId);
            data["itemsoort"] = Itemsoorten.Oplossingsrichting;
            data["item"] = s.OplossingsrichtingId;
            data["thema"] = thema;
            data["url"] = $"{basis}/oplossingsrichtingen/{s.OplossingsrichtingId}/statussen/{s.Id}";
            data["historie"] = $"{basis}/oplossingsrichtingen/{s.OplossingsrichtingId}/historie";
            return (s.Vervangt is null ? Webhooksoorten.Status : Webhooksoorten.Correctie, thema, s.OplossingsrichtingId, data);
        }

        var r = regel.Revisie!;
        var (themaId, pad) = r.Soort switch
        {
            Itemsoorten.Oplossingsrichting => (r.Oplossingsrichting!.ThemaId, $"oplossingsrichtingen/{r.ItemId}"),
            Itemsoorten.Knelpunt => (r.Knelpunt!.ThemaId, $"knelpunten/{r.ItemId}"),
            Itemsoorten.Thema => (r.ItemId, $"themas/{r.ItemId}"),
            _ => ((string?)null, $"partijen/{r.ItemId}"),
        };
        data["itemsoort"] = r.Soort;
        data["item"] = r.ItemId;
        data["thema"] = themaId;
        data["url"] = $"{basis}/{pad}";
        return (Webhooksoorten.Tekst, themaId, r.ItemId, data);
    }
}
