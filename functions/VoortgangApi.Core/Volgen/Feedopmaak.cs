using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Volgen;

/// <summary>How a line or a letter reads in a feed: a title with the item's name, the status with its certainty and source, links.</summary>
internal sealed class Feedopmaak(string basis, VoortgangData huidig)
{
    private readonly Dictionary<string, Oplossingsrichting> _items = huidig.Oplossingsrichtingen.ToDictionary(o => o.Id, StringComparer.Ordinal);

    /// <summary>
    /// An entry id that never changes and is the same in every feed: a name-based UUID of the programme's API and the
    /// line's number (RFC 9562 version 8: SHA-256 of the name, truncated, with version and variant bits set).
    /// </summary>
    public static string EntryId(string basis, string sleutel)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{basis}#{sleutel}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }

    public Feedentry Entry(Logregel regel)
    {
        var id = EntryId(basis, "regel/" + regel.Volgnummer.ToString(CultureInfo.InvariantCulture));
        if (regel.Status is { } s)
        {
            var item = _items.GetValueOrDefault(s.OplossingsrichtingId);
            var naam = item is null ? s.OplossingsrichtingId : $"{s.OplossingsrichtingId} {item.Titel}";
            var correctie = s.Vervangt is null ? "" : $" Dit corrigeert statusregel {s.Vervangt}.";
            var bron = $"Bron: {s.Bron.Titel}{(s.Bron.Datum is { } d ? $" ({d:yyyy-MM-dd})" : "")}.";
            var tekst = $"Status {s.Status} vanaf {s.Peildatum:yyyy-MM-dd}, zekerheid {s.Zekerheid}. {bron}{correctie}" +
                (s.Toelichting is { Length: > 0 } t ? $" {t}" : "");
            return new Feedentry(id, s.VastgelegdOp, $"{naam}: {(s.Vervangt is null ? "status" : "correctie, status")} {s.Status}", tekst,
                s.Vervangt is null ? "status" : "correctie", $"{basis}/oplossingsrichtingen/{s.OplossingsrichtingId}/statussen/{s.Id}",
                $"{basis}/oplossingsrichtingen/{s.OplossingsrichtingId}/historie", s.Status, s.Zekerheid, s.Bron);
        }

        var r = regel.Revisie!;
        var (soortNaam, titel, url, historie) = r.Soort switch
        {
            Itemsoorten.Oplossingsrichting => ("oplossingsrichting", $"{r.ItemId} {r.Oplossingsrichting!.Titel}", $"{basis}/oplossingsrichtingen/{r.ItemId}",
                $"{basis}/oplossingsrichtingen/{r.ItemId}/historie"),
            Itemsoorten.Thema => ("thema", r.Thema!.Naam, $"{basis}/themas/{r.ItemId}", (string?)null),
            Itemsoorten.Knelpunt => ("knelpunt", r.ItemId, $"{basis}/knelpunten/{r.ItemId}", null),
            _ => ("partij", r.Partij?.Naam ?? r.ItemId, $"{basis}/partijen/{r.ItemId}", null),
        };
        return new Feedentry(id, r.VastgelegdOp, $"{titel}: tekst van {soortNaam} herzien",
            $"Nieuwe tekst van {soortNaam} {r.ItemId}, geldig vanaf {r.GeldigVanaf:yyyy-MM-dd}.", "revisie", url, historie);
    }

    public Feedentry Brief(Rapportagecyclus cyclus, MomentopnameInfo m) =>
        new(EntryId(basis, "cyclus/" + cyclus.Id), m.GenomenOp, $"Kamerbrief vastgesteld: {cyclus.Titel}",
            $"De momentopname voor de Kamerbrief '{cyclus.Titel}' (peildatum {cyclus.Peildatum:yyyy-MM-dd}) is vastgesteld en verandert niet meer; inhoud-hash {m.InhoudHash}.",
            "kamerbrief", $"{basis}/rapportagecycli/{cyclus.Id}", null);
}
